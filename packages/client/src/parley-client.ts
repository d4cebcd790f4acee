import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type {
  QuickReplyId,
  Ack,
  ClientToServerEvents,
  HandshakeAuth,
  HandshakeErrorData,
  HistoryFetchAckData,
  Message,
  ServerToClientEvents,
  Session,
  VisitorIdentity,
} from '@parley/protocol';
import { isErrorCode, ParleyError } from '@parley/protocol/errors';
import type { ParleyErrorPayload } from '@parley/protocol/errors';
import { LIMITS } from '@parley/protocol/limits';
import { hasVisibleText } from '@parley/protocol/text';
import { PROTOCOL_VERSION, VISITOR_NAMESPACE } from '@parley/protocol/version';
import { Emitter } from './core/emitter.ts';
import { backoffDelay, newClientMsgId } from './core/ids.ts';
import { Outbox } from './core/outbox.ts';
import type { OutboxEntry } from './core/outbox.ts';
import { pageWithoutQuery } from './core/page-url.ts';
import { ReadReceipts } from './core/read-receipts.ts';
import { createReconnectHold, retryAfterMsOf } from './core/reconnect-hold.ts';
import type { ReconnectHold } from './core/reconnect-hold.ts';
import { Timeline } from './core/timeline.ts';
import type { ConnectionStatus, ParleyClientEvents, ParleyClientOptions } from './client-types.ts';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const FATAL_HANDSHAKE_CODES = new Set([
  'PARLEY_ERR_SITE_UNKNOWN',
  'PARLEY_ERR_ORIGIN_NOT_ALLOWED',
  'PARLEY_ERR_PROTOCOL_VERSION_MISMATCH',
  'PARLEY_ERR_HANDSHAKE_INVALID',
]);

/**
 * The headless Parley client. Keeps an outbox (every send retried with backoff, across
 * reconnects, until the gateway acks it) and resyncs from the last seq after every reconnect,
 * so a dropped connection or a gateway restart neither loses nor doubles a message.
 */
export class ParleyClient {
  readonly #options: ParleyClientOptions;
  readonly #events = new Emitter<ParleyClientEvents>();
  readonly #timeline = new Timeline();
  /** Bounded by OUTBOX_MAX_BYTES / OUTBOX_MAX_MESSAGES: a client offline for long stops taking sends. */
  readonly #outbox = new Outbox<OutboxEntry>((entry) => entry.text);
  readonly #socket: ClientSocket;
  /** Set by `session:closed`: no reconnect before the gateway's `retryAfterMs`. */
  readonly #hold: ReconnectHold;
  #visitorToken: string | undefined;
  #explicitLocale: string | undefined;
  #identity: VisitorIdentity | undefined;
  #session: Session | undefined;
  #status: ConnectionStatus = 'idle';
  #isFlushing = false;
  /** Reconnects scheduled by the client itself (server disconnect, retryable refusals). */
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The outbox's next retry; kept apart so a send retry never cancels a pending reconnect. */
  #flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** The highest seq the shopper has seen, and the highest one the gateway has been told. */
  readonly #receipts = new ReadReceipts((seq) => {
    if (!this.#socket.connected || !this.#session) return false;
    this.#socket.emit('read:set', { seq });
    return true;
  });
  #firstSession: { resolve: (s: Session) => void; reject: (e: ParleyError) => void } | undefined;

  constructor(options: ParleyClientOptions) {
    this.#options = options;
    this.#visitorToken = options.visitorToken;
    this.#explicitLocale = options.locale;
    this.#identity = options.identity;
    this.#socket = io(`${options.url.replace(/\/$/, '')}${VISITOR_NAMESPACE}`, {
      autoConnect: false,
      transports: ['websocket', 'polling'],
      // Websocket first, but fall back to long-polling where proxies or networks block it.
      tryAllTransports: true,
      reconnectionDelay: 500,
      // A shopper mid-conversation should not wait long after a blip or a deploy.
      reconnectionDelayMax: 5_000,
      auth: (send) => send(this.#handshakeAuth()),
    }) as ClientSocket;
    this.#hold = createReconnectHold(this.#socket.io, () => this.#socket.connect());
    this.#socket.on('session:ready', (session) => void this.#onSession(session));
    this.#socket.on('message:created', (message) => this.#ingest([message]));
    this.#socket.on('typing:changed', (event) => this.#events.emit('typing', event));
    this.#socket.on('read:changed', (event) => this.#events.emit('read', event));
    this.#socket.on('locale:changed', (change) => {
      if (!this.#session) return;
      this.#applyLocale({ ...this.#session, ...change });
    });
    this.#socket.on('connect_error', (error) => this.#onConnectError(error));
    // Guarded: a malformed event from an older or broken gateway must not throw in the listener.
    this.#socket.on('session:closed', (event) => this.#onSessionClosed(event?.error ?? { code: 'PARLEY_ERR_INTERNAL_ERROR', message: '' }));
    this.#socket.on('disconnect', (reason) => {
      // 'io client disconnect' is ours; anything else is a drop Socket.IO (or we) will repair.
      if (reason === 'io client disconnect') return;
      this.#setStatus('reconnecting');
      // The gateway said why first (session:closed): come back only after the wait it asked.
      if (this.#hold.schedule()) return;
      // The gateway closed us on purpose (e.g. a deploy): come back, but not all at once.
      if (reason === 'io server disconnect') this.#retryTimer = setTimeout(() => this.#socket.connect(), backoffDelay(1));
    });
  }

  /** The current session, once connected. */
  get session(): Session | undefined {
    return this.#session;
  }

  /** Current connection state. */
  get status(): ConnectionStatus {
    return this.#status;
  }

  /** Messages delivered so far, in seq order. */
  get messages(): Message[] {
    return this.#timeline.messages;
  }

  /** Messages sent but not yet acked. */
  get pendingCount(): number {
    return this.#outbox.size;
  }

  /**
   * Connects and resolves with the session. Rejects with a ParleyError for a refusal that
   * retrying cannot fix (unknown site, origin, protocol version), or PARLEY_ERR_CLIENT_TIMEOUT
   * when no session came in time (the client keeps trying; a later session fires `session`).
   *
   * @example
   * const session = await client.connect(); // { visitorId, visitorToken, conversationId, locale, region, … }
   */
  connect(): Promise<Session> {
    if (this.#session && this.#socket.connected) return Promise.resolve(this.#session);
    const timeoutMs = this.#options.connectTimeoutMs ?? 20_000;
    const pending = new Promise<Session>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new ParleyError('PARLEY_ERR_CLIENT_TIMEOUT', `No session within ${timeoutMs} ms; still trying.`)),
        timeoutMs,
      );
      this.#firstSession = {
        resolve: (session) => (clearTimeout(timer), resolve(session)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      };
    });
    this.#setStatus('connecting');
    // While the gateway's wait lasts, the hold makes the reconnect when it ends.
    if (!this.#hold.isHolding) this.#socket.connect();
    return pending;
  }

  /**
   * Subscribes to an event; returns the unsubscribe function.
   *
   * @example
   * const off = client.on('message', (m) => console.log(m.seq, m.author.kind, m.text));
   */
  on<Name extends keyof ParleyClientEvents & string>(name: Name, listener: (value: ParleyClientEvents[Name]) => void): () => void {
    return this.#events.on(name, listener);
  }

  /**
   * Whether `send(text)` would be queued now: false while the outbox holds as much unsent text
   * as it may (OUTBOX_MAX_BYTES, OUTBOX_MAX_MESSAGES). Lets a UI keep the shopper's text in the
   * composer instead of sending it into a refusal.
   *
   * @example
   * if (!client.hasOutboxRoom(draft)) showNotice('Please wait until your messages have gone out');
   */
  hasOutboxRoom(text: string): boolean {
    return this.#outbox.hasRoomFor(text);
  }

  /**
   * Sends a message; resolves with the stored message once the gateway acked it. Survives
   * disconnects (retried from the outbox); rejects only for a refusal retrying cannot fix
   * (too long, invalid) or when the application disconnects the client first. While offline
   * for long, the outbox fills: then `send` rejects at once with PARLEY_ERR_CLIENT_OUTBOX_FULL
   * (retryable: try again once earlier messages are stored) and what is queued stays queued.
   *
   * Pass your own `clientMsgId` (a UUID) to match the stored message to what you already show.
   * To answer a bot message's quick reply, send its label with `quickReply` set to its id.
   *
   * @example
   * const message = await client.send('Where is my order #1234?');
   * const [reply] = botMessage.quickReplies ?? [];
   * if (reply) await client.send(reply.label, { quickReply: reply.id });
   */
  send(text: string, options: { clientMsgId?: string; quickReply?: QuickReplyId | undefined } = {}): Promise<Message> {
    if (text.length > LIMITS.messageTextMax) return Promise.reject(new ParleyError('PARLEY_ERR_MESSAGE_TOO_LONG'));
    // The gateway's own rule, so zero-width-only text is refused here rather than after a round trip.
    if (!hasVisibleText(text) || text.includes('\0')) {
      return Promise.reject(new ParleyError('PARLEY_ERR_PAYLOAD_INVALID', 'A message needs visible text and no NUL.'));
    }
    if (this.#status === 'closed') return Promise.reject(new ParleyError('PARLEY_ERR_CLIENT_CLOSED'));
    return new Promise<Message>((resolve, reject) => {
      const entry = { clientMsgId: options.clientMsgId ?? newClientMsgId(), text, quickReply: options.quickReply, attempts: 0, resolve, reject };
      if (!this.#outbox.add(entry)) {
        reject(new ParleyError('PARLEY_ERR_CLIENT_OUTBOX_FULL'));
        return;
      }
      void this.#flush();
    });
  }

  /**
   * Every message of the conversation so far, in seq order, fetched from the gateway.
   *
   * @example
   * for (const m of await client.history()) render(m);
   */
  async history(): Promise<Message[]> {
    await this.#fetchAfter(0);
    return this.#timeline.messages;
  }

  /**
   * Sets an explicit locale (it wins over every hint). When connected, reconnects so the gateway
   * negotiates again; the new session (and its UI strings) arrives through the `session` event.
   *
   * @example
   * client.setLocale('ar-SA');
   */
  setLocale(locale: string): void {
    this.#explicitLocale = locale;
    if (this.#socket.connected) {
      this.#socket.disconnect();
      this.#socket.connect();
    }
  }

  /**
   * Tells the gateway who the logged-in shopper is. `userHash` is the hex HMAC-SHA256 of
   * `userId` under the site's identity secret, computed on the shop's server. When connected,
   * reconnects so the gateway verifies it; a wrong hash surfaces as an `error` event with
   * PARLEY_ERR_IDENTITY_INVALID and the chat continues anonymously.
   *
   * @example
   * client.identify({ userId: 'u_42', userHash: hashFromYourServer, name: 'Ana' });
   */
  identify(identity: VisitorIdentity): void {
    this.#identity = identity;
    if (this.#socket.connected) {
      this.#socket.disconnect();
      this.#socket.connect();
    }
  }

  /** Tells the agent side the visitor is typing (best effort, never queued). */
  setTyping(isTyping: boolean): void {
    if (this.#socket.connected) this.#socket.emit('typing:set', { isTyping });
  }

  /**
   * Tells the agents the shopper has seen the conversation up to `seq` (call it when the chat
   * is open and visible). Only moves forward; calls in quick succession go out as one
   * `read:set`, and one made while offline goes out once the client is connected again.
   *
   * @example
   * client.on('message', (m) => { if (chatIsVisible()) client.markRead(m.seq); });
   */
  markRead(seq: number): void {
    this.#receipts.mark(seq);
  }

  /** Closes the connection; unacked sends reject with PARLEY_ERR_CLIENT_CLOSED. */
  disconnect(): void {
    this.#hold.cancel();
    clearTimeout(this.#retryTimer);
    clearTimeout(this.#flushTimer);
    this.#receipts.close();
    this.#setStatus('closed');
    this.#socket.disconnect();
    for (const entry of this.#outbox.drain()) entry.reject(new ParleyError('PARLEY_ERR_CLIENT_CLOSED'));
    this.#firstSession?.reject(new ParleyError('PARLEY_ERR_CLIENT_CLOSED'));
    this.#firstSession = undefined;
  }

  #handshakeAuth(): HandshakeAuth {
    const auth: HandshakeAuth = { siteKey: this.#options.siteKey, protocolVersion: PROTOCOL_VERSION };
    if (this.#visitorToken) auth.visitorToken = this.#visitorToken;
    if (this.#explicitLocale) auth.locale = this.#explicitLocale.slice(0, 35);
    if (this.#options.locales) auth.locales = this.#options.locales.slice(0, LIMITS.localeHintsMax).map((l) => l.slice(0, 35));
    if (this.#identity) auth.identity = this.#identity;
    if (this.#options.timeZone) auth.timeZone = this.#options.timeZone;
    if (this.#options.pageLang) auth.pageLang = this.#options.pageLang.slice(0, 35);
    const pageUrl = pageWithoutQuery(this.#options.pageUrl);
    if (pageUrl) auth.pageUrl = pageUrl;
    return auth;
  }

  async #onSession(session: Session): Promise<void> {
    if (this.#session && this.#session.conversationId !== session.conversationId) {
      this.#timeline.reset();
      // Receipts belong to a conversation: a new one starts unread.
      this.#receipts.reset();
    }
    this.#visitorToken = session.visitorToken;
    this.#applyLocale(session);
    this.#setStatus('connected');
    this.#events.emit('session', session);
    this.#firstSession?.resolve(session);
    this.#firstSession = undefined;
    try {
      await this.#fetchAfter(this.#timeline.deliveredSeq);
    } catch {
      // A failed resync is repaired by the next reconnect; the outbox must not wait for it.
    }
    void this.#flush();
    this.#receipts.flush(); // a receipt held while offline
    // "Seen" survives a reload: the session says how far agents have read already.
    if (session.agentReadSeq) this.#events.emit('read', { by: 'agent', seq: session.agentReadSeq });
  }

  /** Stores the session and reports a locale that differs from the one held before. */
  #applyLocale(session: Session): void {
    const previous = this.#session;
    this.#session = session;
    if (previous?.locale === session.locale && previous.localeSource === session.localeSource) return;
    this.#events.emit('locale', { locale: session.locale, source: session.localeSource, candidates: session.localeCandidates });
  }

  /** The gateway is about to close this connection on purpose; it says how long to stay away. */
  #onSessionClosed(payload: ParleyErrorPayload): void {
    const code = isErrorCode(payload.code) ? payload.code : 'PARLEY_ERR_INTERNAL_ERROR';
    const error = new ParleyError(code, payload.message || undefined, payload.details);
    const reconnectInMs = retryAfterMsOf(payload.details) ?? backoffDelay(1);
    this.#hold.begin(reconnectInMs);
    this.#events.emit('sessionClosed', { error, reconnectInMs });
  }

  #onConnectError(error: Error & { data?: HandshakeErrorData }): void {
    const code = error.data?.code;
    if (!code || !isErrorCode(code)) return; // transport failure: Socket.IO retries by itself
    const refusal = new ParleyError(code, error.data?.message, error.data?.details);
    if (code === 'PARLEY_ERR_IDENTITY_INVALID' && this.#identity) {
      // A wrong identity hash must not cost the shopper the chat: report it, go on anonymously.
      this.#identity = undefined;
      this.#events.emit('error', refusal);
      this.#retryTimer = setTimeout(() => this.#socket.connect(), 0);
      return;
    }
    if (code === 'PARLEY_ERR_TOKEN_INVALID') {
      // The old conversation is gone or the token is forged: start over as a new visitor.
      this.#visitorToken = undefined;
      this.#retryTimer = setTimeout(() => this.#socket.connect(), 0);
      return;
    }
    if (code === 'PARLEY_ERR_RATE_LIMITED' || refusal.isRetryable) {
      const retryAfter = (error.data?.details as { retryAfterMs?: number } | undefined)?.retryAfterMs;
      this.#retryTimer = setTimeout(() => this.#socket.connect(), retryAfter ?? backoffDelay(1));
      return;
    }
    if (FATAL_HANDSHAKE_CODES.has(code)) {
      this.#setStatus('failed');
      this.#events.emit('error', refusal);
      this.#firstSession?.reject(refusal);
      this.#firstSession = undefined;
    }
  }

  async #fetchAfter(afterSeq: number): Promise<void> {
    let cursor = afterSeq;
    for (;;) {
      const result = await this.#fetchPage(cursor);
      this.#ingest(result.messages);
      const last = result.messages.at(-1);
      if (!result.hasMore || !last) return;
      cursor = last.seq;
    }
  }

  async #fetchPage(afterSeq: number): Promise<HistoryFetchAckData> {
    let ack: Ack<HistoryFetchAckData>;
    try {
      ack = await this.#socket
        .timeout(this.#options.ackTimeoutMs ?? 10_000)
        .emitWithAck('history:fetch', { afterSeq, limit: LIMITS.historyPageMax });
    } catch {
      throw new ParleyError('PARLEY_ERR_CLIENT_TIMEOUT');
    }
    if (!ack.ok) throw new ParleyError(ack.error.code, ack.error.message, ack.error.details);
    return ack.data;
  }

  /** Sends outbox entries one at a time, in order, so the gateway stores them in send order. */
  async #flush(): Promise<void> {
    if (this.#isFlushing) return;
    this.#isFlushing = true;
    try {
      let entry = this.#outbox.peek();
      while (entry && this.#socket.connected && this.#session) {
        const isDone = await this.#sendOnce(entry);
        if (!isDone) {
          this.#scheduleRetry(entry);
          return;
        }
        entry = this.#outbox.peek();
      }
    } finally {
      this.#isFlushing = false;
    }
  }

  async #sendOnce(entry: OutboxEntry): Promise<boolean> {
    entry.attempts += 1;
    let ack: Ack<Message>;
    try {
      ack = await this.#socket
        .timeout(this.#options.ackTimeoutMs ?? 10_000)
        .emitWithAck('message:send', { clientMsgId: entry.clientMsgId, text: entry.text, ...(entry.quickReply ? { quickReply: entry.quickReply } : {}) });
    } catch {
      return false; // no ack in time: retry with the same clientMsgId
    }
    if (ack.ok) {
      this.#outbox.remove(entry);
      this.#ingest([ack.data]);
      entry.resolve(ack.data);
      return true;
    }
    const error = new ParleyError(ack.error.code, ack.error.message, ack.error.details);
    if (error.isRetryable) {
      // A rate-limit refusal says when to come back; sooner would only be refused again (and a
      // socket that keeps being refused is disconnected as a flood).
      entry.notBefore = Date.now() + (retryAfterMsOf(ack.error.details) ?? 0);
      return false;
    }
    this.#outbox.remove(entry);
    entry.reject(error);
    return true;
  }

  #scheduleRetry(entry: OutboxEntry): void {
    clearTimeout(this.#flushTimer);
    const waitMs = Math.max(backoffDelay(entry.attempts), (entry.notBefore ?? 0) - Date.now());
    this.#flushTimer = setTimeout(() => void this.#flush(), waitMs);
  }

  #ingest(messages: readonly Message[]): void {
    for (const message of this.#timeline.add(messages)) this.#events.emit('message', message);
  }

  #setStatus(status: ConnectionStatus): void {
    if (this.#status === status || (this.#status === 'closed' && status !== 'connecting')) return;
    this.#status = status;
    this.#events.emit('status', status);
  }
}

/**
 * Creates a headless Parley client (browser or Node). Nothing connects until `connect()`.
 *
 * @example
 * const client = createParleyClient({ url: 'http://127.0.0.1:8787', siteKey: 'demo' });
 * const session = await client.connect();
 * client.on('message', (m) => console.log(m.author.kind, m.text));
 * await client.send('Hello');
 */
export function createParleyClient(options: ParleyClientOptions): ParleyClient {
  return new ParleyClient(options);
}
