import type { Ack, ParleyErrorPayload } from '../../errors.ts';
import type { Message } from '../common.ts';
import type { HistoryFetch, HistoryFetchAckData, MessageSend, MessageSendAckData } from './message.ts';
import type { ReadChanged, ReadSet } from './receipts.ts';
import type { LocaleChanged, Session } from './session.ts';
import type { TypingChanged, TypingSet } from './typing.ts';

/** Events a shopper's client emits on `/visitor`; typed into `io()` and `new Server()` so a
 * misspelt event fails to compile. */
export interface VisitorClientEvents {
  'message:send': (payload: MessageSend, ack: (result: Ack<MessageSendAckData>) => void) => void;
  'history:fetch': (payload: HistoryFetch, ack: (result: Ack<HistoryFetchAckData>) => void) => void;
  'typing:set': (payload: TypingSet) => void;
  'read:set': (payload: ReadSet) => void;
}

/** Events the gateway emits to a visitor's sockets. */
export interface VisitorServerEvents {
  'session:ready': (session: Session) => void;
  'message:created': (message: Message) => void;
  'typing:changed': (event: TypingChanged) => void;
  'locale:changed': (event: LocaleChanged) => void;
  'read:changed': (event: ReadChanged) => void;
  /** The gateway is closing this connection on purpose (e.g. PARLEY_ERR_FLOOD_DISCONNECTED), just before it does. */
  'session:closed': (event: SessionClosed) => void;
}

/**
 * `session:closed` — why the gateway is about to disconnect this socket. A client waits
 * `error.details.retryAfterMs` (when given) before it reconnects, instead of its usual backoff.
 */
export interface SessionClosed {
  error: ParleyErrorPayload;
}

/** @deprecated Old name of {@link VisitorClientEvents}, kept for code written before `/agent`. */
export type ClientToServerEvents = VisitorClientEvents;
/** @deprecated Old name of {@link VisitorServerEvents}. */
export type ServerToClientEvents = VisitorServerEvents;

/** Data the handshake refusal carries (`connect_error` → `err.data`). */
export interface HandshakeErrorData {
  code: string;
  message: string;
  details?: unknown;
}
