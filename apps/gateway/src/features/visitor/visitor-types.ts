import type { Namespace, Server, Socket } from 'socket.io';
import type { ClientToServerEvents, LocaleSource, Region, ServerToClientEvents } from '@parley/protocol';
import type { SupportedLocale } from '@parley/culture';
import type { Site } from '../../sites/site.ts';

/** What the handshake established about a visitor socket; set once, read by every handler. */
export interface VisitorContext {
  site: Site;
  visitorId: string;
  conversationId: string;
  region: Region;
  locale: SupportedLocale;
  localeSource: LocaleSource;
  ip: string;
  visitorToken: string;
}

/** Per-socket data: the context exists on every socket that passed the handshake. */
export interface VisitorSocketData {
  context: VisitorContext;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- Socket.IO's slot for inter-server events, unused.
type NoInterServerEvents = {};

export type GatewayIo = Server<ClientToServerEvents, ServerToClientEvents, NoInterServerEvents, VisitorSocketData>;
export type VisitorNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, NoInterServerEvents, VisitorSocketData>;
export type VisitorSocket = Socket<ClientToServerEvents, ServerToClientEvents, NoInterServerEvents, VisitorSocketData>;

/** The Socket.IO room every socket of one conversation joins (several tabs, later the agent). */
export function conversationRoom(conversationId: string): string {
  return `conversation:${conversationId}`;
}
