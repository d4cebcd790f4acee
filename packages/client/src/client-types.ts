import type { Message, ReadChanged, Session, TypingChanged, VisitorIdentity } from '@parley/protocol';
import type { ParleyError } from '@parley/protocol/errors';

/** Options of createParleyClient. */
export interface ParleyClientOptions {
  /** The gateway's base URL, e.g. `https://chat.example.com`. */
  url: string;
  siteKey: string;
  /** A token from an earlier session, to continue that visitor's conversation. */
  visitorToken?: string | undefined;
  /** An explicit locale; wins over every hint. */
  locale?: string | undefined;
  /** Preferred locales, most preferred first (in browsers: `navigator.languages`). */
  locales?: readonly string[] | undefined;
  timeZone?: string | undefined;
  /** The page's `<html lang>`. */
  pageLang?: string | undefined;
  /** The page the chat runs on; only its origin and path are sent (never the query or hash). */
  pageUrl?: string | undefined;
  /** A logged-in shopper, with the `userHash` the shop's server computed (see `identify`). */
  identity?: VisitorIdentity | undefined;
  /** How long to wait for an ack before retrying. Default 10 s. */
  ackTimeoutMs?: number | undefined;
  /** How long `connect()` waits for a first session before rejecting (the client keeps trying). Default 20 s. */
  connectTimeoutMs?: number | undefined;
}

/** Connection states, as reported by the `status` event. */
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'closed';

/** Events of `client.on`. */
export interface ParleyClientEvents {
  [name: string]: unknown;
  /** Every message of the conversation, in seq order, once. */
  message: Message;
  /** A session started (first connect, reconnect, or a new visitor after a rejected token). */
  session: Session;
  status: ConnectionStatus;
  /** The gateway refused the connection for good (unknown site, origin, protocol), or refused
   * the shopper's identity (the chat then continues anonymously).
   * Refused sends are not reported here: `send()` rejects with their error instead. */
  error: ParleyError;
  /** Someone else (an agent, with their name) started or stopped typing. */
  typing: TypingChanged;
  /** An agent has read the conversation up to `seq`: show "Seen" under the shopper's messages up to it. */
  read: ReadChanged;
  /** The conversation's locale changed (first session, the shopper's writing, setLocale). */
  locale: LocaleChange;
  /**
   * The gateway is closing the connection on purpose (e.g. PARLEY_ERR_FLOOD_DISCONNECTED after
   * sending past the rate limit). The client stays away for `reconnectInMs` (the gateway's
   * `details.retryAfterMs`), then reconnects by itself; unsent messages stay in the outbox.
   *
   * @example
   * client.on('sessionClosed', ({ error, reconnectInMs }) => {
   *   console.warn(`${error.code}: back in ${Math.ceil(reconnectInMs / 1000)} s`);
   * });
   */
  sessionClosed: SessionClosedEvent;
}

/** Payload of the `sessionClosed` event: why the gateway closed, and when the client comes back. */
export interface SessionClosedEvent {
  error: ParleyError;
  /** How long the client waits before it reconnects, in ms. */
  reconnectInMs: number;
}

/** Payload of the `locale` event: the new locale, the source that won, and every candidate. */
export interface LocaleChange {
  locale: string;
  source: Session['localeSource'];
  candidates: Session['localeCandidates'];
}
