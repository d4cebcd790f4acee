import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { AgentClientEvents as AgentWireCommands, AgentProfile, AgentReady, AgentServerEvents } from '@parley/protocol';
import { isErrorCode, ParleyError } from '@parley/protocol/errors';
import { AGENT_NAMESPACE, PROTOCOL_VERSION } from '@parley/protocol/version';
import type { ConnectionStatus } from '../client-types.ts';
import type { Emitter } from '../core/emitter.ts';
import { backoffDelay } from '../core/ids.ts';
import { PendingCalls } from '../core/pending-calls.ts';
import type { AckEmitter } from '../core/pending-calls.ts';
import type { AckedCommand, AgentClientEvents, AgentClientOptions, AgentHandshakeAuth, CommandPayload, CommandResult } from './agent-types.ts';
import { signIn } from './sign-in.ts';

/** The typed `/agent` socket. */
export type AgentSocket = Socket<AgentServerEvents, AgentWireCommands>;
type HandshakeRefusal = Error & { data?: { code?: unknown; message?: string; details?: unknown } };
/** Refusals only a fresh sign-in repairs (the session cookie expired or was revoked). */
const SESSION_CODES = new Set(['PARLEY_ERR_AUTH_SESSION_EXPIRED', 'PARLEY_ERR_AUTH_REQUIRED']);

/**
 * The `/agent` connection: signs in, connects (websocket first, long-polling where it is blocked),
 * reconnects with backoff, turns coded handshake refusals into ParleyErrors and runs acked calls.
 * `onReady` runs on every `agent:ready`, so the client can reopen and resync what it follows.
 */
export class AgentConnection {
  readonly socket: AgentSocket;
  readonly #options: AgentClientOptions;
  readonly #baseUrl: string;
  readonly #events: Emitter<AgentClientEvents>;
  readonly #onReady: (ready: AgentReady) => void;
  readonly #calls = new PendingCalls();
  #status: ConnectionStatus = 'idle';
  /** The current connection's `agent:ready`; cleared when it drops. */
  #ready: AgentReady | undefined;
  #lastReady: AgentReady | undefined;
  #hasSignedIn = false;
  #refusals = 0;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #first: { promise: Promise<AgentProfile>; settle: (result: AgentProfile | ParleyError) => void } | undefined;

  constructor(options: AgentClientOptions, events: Emitter<AgentClientEvents>, onReady: (ready: AgentReady) => void) {
    this.#options = options;
    this.#baseUrl = options.url.replace(/\/$/, '');
    this.#events = events;
    this.#onReady = onReady;
    this.socket = io(`${this.#baseUrl}${AGENT_NAMESPACE}`, {
      autoConnect: false,
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 10_000,
      auth: (send) => send(this.#handshakeAuth()),
      // Without credentials or token the browser's session cookie must go along cross-origin.
      withCredentials: options.email === undefined && options.token === undefined,
    }) as AgentSocket;
    this.socket.on('agent:ready', (ready) => this.#onAgentReady(ready));
    this.socket.on('connect_error', (error) => this.#onConnectError(error as HandshakeRefusal));
    this.socket.on('disconnect', (reason) => {
      this.#ready = undefined;
      if (reason !== 'io client disconnect') this.#setStatus('reconnecting');
      // The gateway closed us on purpose (a deploy, a revoked session): come back, not all at once.
      if (reason === 'io server disconnect') this.#reconnectLater(backoffDelay(1));
    });
  }

  get status(): ConnectionStatus {
    return this.#status;
  }

  /** Connected, and the gateway said who we are on this connection. */
  get isReady(): boolean {
    return this.#ready !== undefined && this.socket.connected;
  }

  /** The latest `agent:ready`, kept across drops. */
  get lastReady(): AgentReady | undefined {
    return this.#lastReady;
  }

  /** Signs in when needed, connects, and resolves with `me` on the first `agent:ready`. */
  connect(): Promise<AgentProfile> {
    if (this.isReady && this.#ready) return Promise.resolve(this.#ready.me);
    if (this.#first) return this.#first.promise;
    const timeoutMs = this.#options.connectTimeoutMs ?? 20_000;
    let settle!: (result: AgentProfile | ParleyError) => void;
    const promise = new Promise<AgentProfile>((resolve, reject) => {
      const timer = setTimeout(
        () => this.#settleFirst(new ParleyError('PARLEY_ERR_CLIENT_TIMEOUT', `Not ready within ${timeoutMs} ms; still trying.`)),
        timeoutMs,
      );
      settle = (result) => {
        clearTimeout(timer);
        if (result instanceof ParleyError) reject(result);
        else resolve(result);
      };
    });
    this.#first = { promise, settle };
    this.#setStatus('connecting');
    void this.#open();
    return promise;
  }

  /** An acked command: resolves with the ack's data, rejects with its coded error or a timeout. */
  call<E extends AckedCommand>(event: E, payload: CommandPayload<E>): Promise<CommandResult<E>> {
    if (this.#status === 'idle' || this.#status === 'closed' || this.#status === 'failed') {
      return Promise.reject(new ParleyError('PARLEY_ERR_CLIENT_CLOSED', 'Not connected: call connect() first.'));
    }
    return this.#calls.call(this.socket as unknown as AckEmitter, this.#options.ackTimeoutMs ?? 10_000, event, payload);
  }

  /** A command without an ack (typing, read marks): best effort, dropped while disconnected. */
  tell<E extends 'agent:typing:set' | 'agent:read:set'>(event: E, payload: CommandPayload<E>): void {
    if (this.isReady) (this.socket as unknown as { emit: (event: string, payload: unknown) => void }).emit(event, payload);
  }

  /** Closes the connection; pending calls and a pending connect() reject with PARLEY_ERR_CLIENT_CLOSED. */
  close(): void {
    clearTimeout(this.#reconnectTimer);
    this.#setStatus('closed');
    this.#ready = undefined;
    this.socket.disconnect();
    this.#calls.rejectAll(new ParleyError('PARLEY_ERR_CLIENT_CLOSED'));
    this.#settleFirst(new ParleyError('PARLEY_ERR_CLIENT_CLOSED'));
  }

  async #open(): Promise<void> {
    if (this.#options.email !== undefined && !this.#hasSignedIn) {
      try {
        await this.#signIn();
      } catch (error) {
        this.#fail(error instanceof ParleyError ? error : new ParleyError('PARLEY_ERR_INTERNAL_ERROR', String(error)));
        return;
      }
      if (this.#status === 'closed') return;
    }
    this.socket.connect();
  }

  async #signIn(): Promise<void> {
    if (this.#options.email === undefined) return;
    const cookie = await signIn(this.#baseUrl, this.#options);
    this.#hasSignedIn = true;
    const opts = this.socket.io.opts;
    // Node.js sees Set-Cookie and forwards it; a browser hides it and sends its own cookie.
    // (withCredentials in Node.js would start engine.io's cookie jar beside our header.)
    if (cookie) opts.extraHeaders = { ...opts.extraHeaders, cookie };
    else opts.withCredentials = true;
  }

  #handshakeAuth(): AgentHandshakeAuth {
    const auth: AgentHandshakeAuth = { protocolVersion: PROTOCOL_VERSION };
    if (this.#options.token !== undefined) auth.token = this.#options.token;
    return auth;
  }

  #onAgentReady(ready: AgentReady): void {
    this.#ready = ready;
    this.#lastReady = ready;
    this.#refusals = 0;
    this.#setStatus('connected');
    this.#settleFirst(ready.me);
    this.#onReady(ready);
  }

  #onConnectError(error: HandshakeRefusal): void {
    if (this.#status === 'closed') return;
    const code = error.data?.code;
    if (!isErrorCode(code)) {
      // A transport failure: the manager retries by itself. A refusal without a code leaves the
      // socket inactive, and nothing retries it unless we do.
      if (!this.socket.active) this.#reconnectLater(backoffDelay(++this.#refusals));
      return;
    }
    const refusal = new ParleyError(code, error.data?.message, error.data?.details);
    // An expired or revoked session is not silently renewed with the stored password (that would
    // undo a sign-out everywhere); the next connect() signs in afresh, as the application decides.
    if (SESSION_CODES.has(code)) this.#hasSignedIn = false;
    if (refusal.isRetryable) {
      const retryAfterMs = (refusal.details as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
      this.#reconnectLater(typeof retryAfterMs === 'number' ? retryAfterMs : backoffDelay(++this.#refusals));
      return;
    }
    this.#fail(refusal);
  }

  /** A refusal retrying cannot fix: connect() rejects with it, or (later) an `error` event. */
  #fail(error: ParleyError): void {
    if (this.#status === 'closed') return;
    this.#setStatus('failed');
    this.socket.disconnect();
    this.#calls.rejectAll(error);
    if (this.#first) this.#settleFirst(error);
    else this.#events.emit('error', error);
  }

  #reconnectLater(delayMs: number): void {
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = setTimeout(() => {
      if (this.#status !== 'closed' && this.#status !== 'failed') this.socket.connect();
    }, delayMs);
  }

  #settleFirst(result: AgentProfile | ParleyError): void {
    const first = this.#first;
    this.#first = undefined;
    first?.settle(result);
  }

  #setStatus(status: ConnectionStatus): void {
    if (this.#status === status || (this.#status === 'closed' && status !== 'connecting')) return;
    this.#status = status;
    this.#events.emit('status', status);
  }
}
