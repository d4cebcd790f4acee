// The baseline of bench/widget-size.ts: the libraries any Preact chat widget over Socket.IO carries.
import { h, render } from 'preact';
import { io } from 'socket.io-client';
export { h, io, render };
