import type {
  AgentPresence,
  AgentProfile,
  AgentReady,
  ConversationDetail,
  ConversationSummary,
  InboxPage,
  InboxQuery,
  Message,
  Note,
  PresenceStatus,
  CannedReplyOption,
  TranslationPreviewResult,
  TranslationState,
} from '@parley/protocol';
import { ParleyError } from '@parley/protocol/errors';
import { LIMITS } from '@parley/protocol/limits';
import type { ConnectionStatus } from './client-types.ts';
import { Emitter } from './core/emitter.ts';
import { newClientMsgId } from './core/ids.ts';
import { AgentConnection } from './agent/agent-connection.ts';
import { AgentOutbox } from './agent/agent-outbox.ts';
import { FollowedConversations } from './agent/followed-conversations.ts';
import { refuseText, toIsoTime } from './agent/agent-input.ts';
import type { AgentClientEvents, AgentClientOptions, AgentSendOptions, AgentSettableStatus } from './agent/agent-types.ts';

/**
 * The headless agent client over the gateway's `/agent` namespace. Replies and notes wait in an
 * outbox until acked (retried with backoff across reconnects, stored once by their client id);
 * followed conversations are reopened and resynced from their last seq after every reconnect,
 * so a dropped connection neither loses nor doubles a message.
 */
export class AgentClient {
  readonly #events = new Emitter<AgentClientEvents>();
  readonly #connection: AgentConnection;
  readonly #follows: FollowedConversations;
  readonly #outbox: AgentOutbox;
  #team: AgentPresence[] = [];
  /** The presence the application chose, restored after a reconnect. */
  #presence: 'online' | 'away' | undefined;

  constructor(options: AgentClientOptions) {
    this.#connection = new AgentConnection(options, this.#events, (ready) => this.#onReady(ready));
    const connection = this.#connection;
    this.#follows = new FollowedConversations(
      {
        open: (conversationId) => connection.call('conversation:open', { conversationId }),
        fetchPage: (conversationId, afterSeq) =>
          connection.call('agent:history:fetch', { conversationId, afterSeq, limit: LIMITS.historyPageMax }),
        isReady: () => connection.isReady,
      },
      this.#events,
    );
    this.#outbox = new AgentOutbox({
      isReady: () => connection.isReady,
      sendMessage: (payload) => connection.call('agent:message:send', payload),
      addNote: (payload) => connection.call('note:add', payload),
      stored: (result) => (result.kind === 'message' ? this.#follows.ingest([result.message]) : this.#follows.ingestNote(result.note)),
    });
    const socket = connection.socket;
    socket.on('conversation:changed', (summary) => this.#events.emit('conversation', summary));
    socket.on('message:created', (message) => this.#follows.ingest([message]));
    socket.on('note:created', (note) => this.#follows.ingestNote(note));
    socket.on('typing:changed', (event) => this.#events.emit('typing', event));
    socket.on('read:changed', (event) => this.#events.emit('read', event));
    socket.on('viewers:changed', (event) => this.#events.emit('viewers', event));
    socket.on('message:translated', (event) => this.#events.emit('translated', event));
    socket.on('translation:changed', (event) => this.#events.emit('translation', event));
    socket.on('presence:changed', (presence) => {
      this.#team = [...this.#team.filter((p) => p.agentId !== presence.agentId), presence];
      this.#events.emit('presence', presence);
    });
  }

  /** The signed-in agent (the `me` of the latest `agent:ready`), once connected. */
  get me(): AgentProfile | undefined {
    return this.#connection.lastReady?.me;
  }

  /** Teammates sharing a site with me, with presence; kept current by `presence:changed`. */
  get team(): AgentPresence[] {
    return [...this.#team];
  }

  /** Current connection state. */
  get status(): ConnectionStatus {
    return this.#connection.status;
  }

  /** Replies and notes sent but not yet acked. */
  get pendingCount(): number {
    return this.#outbox.size;
  }

  /**
   * Signs in (with email and password), connects and resolves with the agent's profile. Rejects
   * with the coded ParleyError of a refused sign-in or handshake (PARLEY_ERR_AUTH_*,
   * PARLEY_ERR_PROTOCOL_VERSION_MISMATCH), or PARLEY_ERR_CLIENT_TIMEOUT (the client keeps trying).
   *
   * @example
   * const agent = createAgentClient({ url: 'http://127.0.0.1:8787', email: 'ana@example.com', password });
   * const me = await agent.connect(); // { agentId, name, role, languages, … }
   */
  connect(): Promise<AgentProfile> {
    return this.#connection.connect();
  }

  /**
   * Subscribes to an event; returns the unsubscribe function. `message` and `note` fire for
   * followed conversations only (see `open`), each once, including those `open` returns.
   *
   * @example
   * const off = agent.on('conversation', (c) => inbox.upsert(c));
   * agent.on('message', (m) => console.log(m.conversationId, m.seq, m.text));
   */
  on<Name extends keyof AgentClientEvents>(name: Name, listener: (value: AgentClientEvents[Name]) => void): () => void {
    return this.#events.on(name, listener);
  }

  /**
   * One page of an inbox view, longest-waiting first, with the counts of every view.
   *
   * @example
   * const { conversations, counts } = await agent.inbox({ view: 'unassigned', language: 'ja' });
   */
  inbox(query: InboxQuery): Promise<InboxPage> {
    return this.#connection.call('inbox:list', query);
  }

  /**
   * Opens a conversation and follows it: its messages, notes, typing and receipts arrive until
   * `leave`, and it is reopened and resynced after every reconnect.
   *
   * @example
   * const { conversation, messages, context } = await agent.open(conversationId);
   */
  async open(conversationId: string): Promise<ConversationDetail> {
    const isNew = this.#follows.follow(conversationId);
    try {
      const detail = await this.#connection.call('conversation:open', { conversationId });
      this.#follows.applyDetail(conversationId, detail);
      return detail;
    } catch (error) {
      if (isNew) this.#follows.unfollow(conversationId);
      throw error;
    }
  }

  /**
   * Stops following a conversation (no more `message` events for it).
   *
   * @example
   * await agent.leave(conversationId);
   */
  async leave(conversationId: string): Promise<void> {
    this.#follows.unfollow(conversationId);
    await this.#connection.call('conversation:leave', { conversationId });
  }

  /**
   * Assigns a conversation: to me (no `agentId`), to another agent, or back to the queue (`null`).
   *
   * @example
   * await agent.assign(conversationId);          // take it
   * await agent.assign(conversationId, 'a_42');  // hand it over
   * await agent.assign(conversationId, null);    // back to the queue
   */
  assign(conversationId: string, agentId?: string | null): Promise<ConversationSummary> {
    return this.#connection.call('conversation:assign', agentId === undefined ? { conversationId } : { conversationId, agentId });
  }

  /**
   * Every message of a conversation so far, in seq order (pages until the gateway has no more).
   *
   * @example
   * for (const m of await agent.history(conversationId)) render(m);
   */
  history(conversationId: string): Promise<Message[]> {
    return this.#follows.fetchAll(conversationId, 0);
  }

  /**
   * Replies to the shopper; resolves with the stored message once acked. Survives disconnects
   * (retried from the outbox with the same clientMsgId); rejects for a refusal retrying cannot fix,
   * e.g. PARLEY_ERR_CONVERSATION_RECENT_REPLY (another agent just answered: read it, then send
   * again with `force`), PARLEY_ERR_FORBIDDEN_*, or when the client is disconnected first.
   *
   * In a conversation that translates for this agent (the shopper writes another language and
   * a provider is configured), the gateway translates the text for the shopper and keeps it as
   * `original`; when that fails the send rejects with PARLEY_ERR_TRANSLATION_UNAVAILABLE and
   * nothing is stored: send again, or with `untranslated: true` to send the text as written.
   *
   * @example
   * const sent = await agent.send(conversationId, 'Hallo! Ich schaue gleich nach.');
   * sent.text; // what the shopper reads, e.g. 'こんにちは！すぐに確認いたします。'
   * sent.original; // { text: 'Hallo! Ich schaue gleich nach.', lang: 'de' }
   * await agent.send(conversationId, 'Noch eine Frage?', { force: true });
   * await agent.send(conversationId, 'Bestellstatus', { cannedKey: 'orderStatus' }); // native in the shopper's locale
   */
  send(conversationId: string, text: string, options: AgentSendOptions = {}): Promise<Message> {
    const refusal = this.#connection.status === 'closed' ? new ParleyError('PARLEY_ERR_CLIENT_CLOSED') : refuseText(text, 'message');
    if (refusal) return Promise.reject(refusal);
    const clientMsgId = options.clientMsgId ?? newClientMsgId();
    const payload = {
      conversationId,
      clientMsgId,
      text,
      ...(options.force ? { force: true } : {}),
      ...(options.untranslated ? { untranslated: true } : {}),
      ...(options.cannedKey ? { cannedKey: options.cannedKey } : {}),
    };
    return new Promise<Message>((resolve, reject) => this.#outbox.add({ kind: 'message', payload, attempts: 0, resolve, reject }));
  }

  /**
   * What the shopper would read if `text` were sent now (not stored; costs characters unless cached).
   *
   * @example
   * const { text } = await agent.previewTranslation(conversationId, 'Ihr Paket ist unterwegs.');
   */
  previewTranslation(conversationId: string, text: string): Promise<TranslationPreviewResult> {
    return this.#connection.call('translation:preview', { conversationId, text });
  }

  /**
   * Switches live translation off (or back on) for one conversation; every follower's console follows.
   *
   * @example
   * const state = await agent.setTranslation(conversationId, { isOff: true });
   */
  setTranslation(conversationId: string, options: { isOff: boolean }): Promise<TranslationState> {
    return this.#connection.call('conversation:translation', { conversationId, isOff: options.isOff });
  }

  /**
   * The canned replies for a conversation: titles in my language, the shopper's native version.
   *
   * @example
   * const { replies } = await agent.cannedReplies(conversationId);
   * await agent.send(conversationId, replies[0].preview, { cannedKey: replies[0].key });
   */
  cannedReplies(conversationId: string): Promise<{ replies: CannedReplyOption[] }> {
    return this.#connection.call('canned:list', { conversationId });
  }

  /**
   * Adds an internal note (never sent to the shopper); queued and retried like `send`.
   *
   * @example
   * const note = await agent.note(conversationId, 'customer called twice');
   */
  note(conversationId: string, text: string, options: { clientNoteId?: string } = {}): Promise<Note> {
    const refusal = this.#connection.status === 'closed' ? new ParleyError('PARLEY_ERR_CLIENT_CLOSED') : refuseText(text, 'note');
    if (refusal) return Promise.reject(refusal);
    const payload = { conversationId, clientNoteId: options.clientNoteId ?? newClientMsgId(), text };
    return new Promise<Note>((resolve, reject) => this.#outbox.add({ kind: 'note', payload, attempts: 0, resolve, reject }));
  }

  /**
   * Sets a conversation's status; `snoozed` needs the time it wakes up.
   *
   * @example
   * await agent.setStatus(conversationId, 'resolved');
   * await agent.setStatus(conversationId, 'snoozed', { until: new Date(Date.now() + 3_600_000) });
   */
  setStatus(conversationId: string, status: 'snoozed', options: { until: Date | string }): Promise<ConversationSummary>;
  setStatus(conversationId: string, status: Exclude<AgentSettableStatus, 'snoozed'>): Promise<ConversationSummary>;
  setStatus(conversationId: string, status: AgentSettableStatus, options?: { until: Date | string }): Promise<ConversationSummary> {
    if (status !== 'snoozed') return this.#connection.call('conversation:status', { conversationId, status });
    const snoozedUntil = toIsoTime(options?.until);
    if (!snoozedUntil) return Promise.reject(new ParleyError('PARLEY_ERR_PAYLOAD_INVALID', 'Snoozing needs a valid `until` time.'));
    return this.#connection.call('conversation:status', { conversationId, status, snoozedUntil });
  }

  /**
   * Tells the shopper (and other agents) whether I am typing. Best effort: dropped while offline.
   *
   * @example
   * input.addEventListener('input', () => agent.setTyping(conversationId, input.value.length > 0));
   */
  setTyping(conversationId: string, isTyping: boolean): void {
    this.#connection.tell('agent:typing:set', { conversationId, isTyping });
  }

  /**
   * Marks a conversation read up to `seq` (the shopper sees "Seen"). Best effort.
   *
   * @example
   * agent.markRead(conversationId, lastMessage.seq);
   */
  markRead(conversationId: string, seq: number): void {
    this.#connection.tell('agent:read:set', { conversationId, seq });
  }

  /**
   * Sets my presence: `online` takes new conversations, `away` takes none. Kept across reconnects.
   *
   * @example
   * await agent.setPresence('away');
   */
  async setPresence(status: 'online' | 'away'): Promise<PresenceStatus> {
    this.#presence = status;
    return (await this.#connection.call('presence:set', { status })).status;
  }

  /**
   * The unmasked value of one masked span (counted from 0 in text order) of a message, for agents
   * allowed to; audited with the reason.
   *
   * @example
   * const phone = await agent.reveal(conversationId, message.id, 0, 'customer asked for a call back');
   */
  async reveal(conversationId: string, messageId: string, index: number, reason: string): Promise<string> {
    return (await this.#connection.call('pii:reveal', { conversationId, messageId, index, reason })).value;
  }

  /**
   * Closes the connection. Pending calls, sends and notes reject with PARLEY_ERR_CLIENT_CLOSED;
   * followed conversations are forgotten (a later `connect()` starts afresh).
   *
   * @example
   * agent.disconnect();
   */
  disconnect(): void {
    this.#connection.close();
    for (const entry of this.#outbox.drain()) entry.reject(new ParleyError('PARLEY_ERR_CLIENT_CLOSED'));
    this.#follows.clear();
  }

  #onReady(ready: AgentReady): void {
    this.#team = [...ready.team];
    this.#events.emit('ready', ready);
    if (this.#presence && ready.presence !== this.#presence) {
      // Best effort: a failure here leaves the gateway's choice, which `ready.presence` reported.
      this.#connection.call('presence:set', { status: this.#presence }).catch(() => undefined);
    }
    this.#follows.resyncAll();
    this.#outbox.flushAll();
  }

}

/**
 * Creates a headless agent client (browser or Node.js) with email and password, or an API token.
 * Nothing connects until `connect()`.
 *
 * @example
 * const agent = createAgentClient({ url: 'http://127.0.0.1:8787', email: 'ana@example.com', password });
 * await agent.connect();
 * const page = await agent.inbox({ view: 'unassigned' });
 * const first = page.conversations[0];
 * if (first) {
 *   await agent.assign(first.id);
 *   await agent.open(first.id);
 *   await agent.send(first.id, 'Hallo!');
 * }
 */
export function createAgentClient(options: AgentClientOptions): AgentClient {
  return new AgentClient(options);
}
