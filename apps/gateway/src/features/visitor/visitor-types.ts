import type { Namespace, Server, Socket } from 'socket.io';
import type { Region, VisitorClientEvents, VisitorServerEvents } from '@parley/protocol';
import type { VisitorLocale } from './visitor-locale.ts';
import type { Site } from '../../sites/site.ts';

/** What the handshake established about a visitor socket; set once, read by every handler. */
export interface VisitorContext {
  site: Site;
  visitorId: string;
  conversationId: string;
  region: Region;
  /** Mutable: the shopper's writing may change it during the connection. */
  locale: VisitorLocale;
  ip: string;
  visitorToken: string;
  /** The shopper's IANA time zone from the handshake (validated), for "back at 09:00 your time". */
  timeZone: string | undefined;
  /** ISO country from the trusted edge header, when the deployment has one. */
  country: string | undefined;
  /** The page the widget was opened on (origin and path only), from the handshake. */
  pageUrl?: string | undefined;
}

/** Per-socket data: the context exists on every socket that passed the handshake. */
export interface VisitorSocketData {
  context: VisitorContext;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- Socket.IO's slot for inter-server events, unused.
type NoInterServerEvents = {};

export type GatewayIo = Server<VisitorClientEvents, VisitorServerEvents, NoInterServerEvents, VisitorSocketData>;
export type VisitorNamespace = Namespace<VisitorClientEvents, VisitorServerEvents, NoInterServerEvents, VisitorSocketData>;
export type VisitorSocket = Socket<VisitorClientEvents, VisitorServerEvents, NoInterServerEvents, VisitorSocketData>;

/** The Socket.IO room every socket of one conversation joins (several tabs, later the agent). */
export function conversationRoom(conversationId: string): string {
  return `conversation:${conversationId}`;
}
