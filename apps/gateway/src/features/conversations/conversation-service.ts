import { randomUUID } from 'node:crypto';
import { ParleyError } from '@parley/protocol';
import type { BotSummary, ConversationStatus, HandoffReason, QuickReplyId, Region } from '@parley/protocol';
import type { RegionRouter } from '../../regions/region-router.ts';
import type { AppendResult, AuditRecord, ConversationPatch, ConversationRecord, NewMessage, NoteRecord, RegionStore, TicketRecord } from '../../storage/region-store.ts';
import type { ConversationEvents } from './conversation-events.ts';
import { afterAgentReply, afterShopperMessage, statusChange } from './status-rules.ts';
import type { SlaClock } from './status-rules.ts';

/** What the pipeline needs. */
export interface ConversationServiceDeps {
  router: RegionRouter;
  events: ConversationEvents;
  /** When the next answer is due for a conversation, in its market's business hours. */
  sla: SlaClock;
  /**
   * Whether the bot will owe this shopper message an answer, from the conversation as it is
   * before the message: the mark is stored with the message, so a crash cannot lose the answer.
   */
  awaitsBot?: (conversation: ConversationRecord) => boolean;
  now?: () => Date;
}

/**
 * The message pipeline and every change to a conversation, for every channel: validate (at the
 * edge, before this) → persist (idempotent) → update the conversation's status → publish domain
 * events. Acks go out when these promises resolve, so nothing is acked before it is durable.
 */
export class ConversationService {
  readonly #deps: ConversationServiceDeps;

  constructor(deps: ConversationServiceDeps) {
    this.#deps = deps;
  }

  /** The store of `region` (only the region router knows where it is). */
  store(region: Region): RegionStore {
    return this.#deps.router.store(region);
  }

  #now(): Date {
    return this.#deps.now?.() ?? new Date();
  }

  /** The conversation, or PARLEY_ERR_CONVERSATION_NOT_FOUND. */
  async get(region: Region, conversationId: string): Promise<ConversationRecord> {
    const conversation = await this.store(region).getConversation(conversationId);
    if (!conversation) throw new ParleyError('PARLEY_ERR_CONVERSATION_NOT_FOUND');
    return conversation;
  }

  /**
   * Stores a message and publishes it. A repeat of a `clientMsgId` returns the first message
   * and publishes nothing. A shopper's message reopens a resolved/pending/snoozed conversation
   * and starts the wait; an agent's reply ends the wait and (in a bot conversation) takes over.
   */
  async postMessage(region: Region, message: NewMessage, options: { quickReply?: QuickReplyId | undefined } = {}): Promise<AppendResult> {
    const store = this.store(region);
    const isShopper = message.author.kind === 'visitor';
    // Read first for a shopper's message: whether the bot owes it an answer is stored with it.
    const known = isShopper && this.#deps.awaitsBot ? await this.get(region, message.conversationId) : undefined;
    const awaitsBot = known !== undefined && this.#deps.awaitsBot!(known);
    const result = await store.appendMessage(awaitsBot ? { ...message, awaitsBot } : message);
    if (result.isDuplicate) return result;
    const before = known ?? (await this.get(region, message.conversationId));
    const now = this.#now();
    const patch =
      message.author.kind === 'visitor'
        ? afterShopperMessage(before, now, this.#deps.sla)
        : message.author.kind === 'agent'
          ? afterAgentReply(before, message.author.id ?? 'unknown', now)
          : undefined;
    const conversation = patch ? await this.#applyAfterMessage(region, before, { ...patch, updatedAt: now.toISOString() }) : before;
    if (message.author.kind === 'agent') await this.#audit(store, conversation.id, message.author.id ?? 'unknown', 'message.agent', { messageId: result.message.id });
    this.#deps.events.emit('message.created', { region, conversation, message: result.message, quickReply: options.quickReply, awaitsBot });
    if (patch) this.#deps.events.emit('conversation.changed', { region, conversation, previous: before });
    return result;
  }

  /**
   * The status change a message causes. An agent's reply takes an unassigned conversation only
   * if nobody took it meanwhile (compare-and-set); otherwise the rest of the change still applies.
   */
  async #applyAfterMessage(region: Region, before: ConversationRecord, patch: ConversationPatch): Promise<ConversationRecord> {
    const store = this.store(region);
    if (patch.assigneeId) {
      const claimed = await store.updateConversationIf(before.id, { assigneeId: null }, patch);
      if (claimed.ok) return claimed.conversation;
      const { assigneeId: _taken, ...rest } = patch;
      return (await store.updateConversation(before.id, rest)) ?? before;
    }
    return (await store.updateConversation(before.id, patch)) ?? before;
  }

  /** Queues a conversation for people with why and what the bot knew; routing subscribes. */
  async handOff(region: Region, conversationId: string, handoff: { reason: HandoffReason; summary: BotSummary }): Promise<ConversationRecord> {
    const before = await this.get(region, conversationId);
    const now = this.#now();
    const waitingSince = before.waitingSince ?? now.toISOString();
    return this.#change(region, before, {
      status: 'open',
      handoffReason: handoff.reason,
      botSummary: handoff.summary,
      waitingSince,
      slaDueAt: this.#deps.sla(before, 'first', new Date(waitingSince))?.toISOString() ?? null,
    });
  }

  /** Stores a ticket (idempotent on its id) and flags it on the conversation for the inbox. */
  async openTicket(region: Region, ticket: TicketRecord): Promise<void> {
    await this.store(region).createTicket(ticket);
    const before = await this.get(region, ticket.conversationId);
    if (before.botSummary?.hasTicket) return;
    await this.#change(region, before, { botSummary: { ...before.botSummary, hasTicket: true } });
  }

  /**
   * Assigns to an agent (or back to the queue with null), as a compare-and-set on the assignee
   * read just before: two agents claiming at once (or routing racing a person) cannot both win;
   * the loser gets PARLEY_ERR_CONVERSATION_ALREADY_ASSIGNED and nothing changes. Audited.
   */
  async assign(region: Region, conversationId: string, assigneeId: string | null, actorId: string, options: { expected?: string | null } = {}): Promise<ConversationRecord> {
    const before = await this.get(region, conversationId);
    // A claim expects the queue (or an earlier claim of one's own): it must not quietly take a
    // conversation someone got a moment before.
    const expected = options.expected === undefined ? (before.assigneeId ?? null) : options.expected;
    if (expected === null && before.assigneeId && before.assigneeId === assigneeId) return before;
    const patch: ConversationPatch = { assigneeId, updatedAt: this.#now().toISOString() };
    // Taking a conversation from the bot hands it to people: the bot goes quiet.
    if ((before.status ?? 'bot') === 'bot' && assigneeId) Object.assign(patch, statusChange(before, 'open', undefined, this.#now()));
    const result = await this.store(region).updateConversationIf(conversationId, { assigneeId: expected }, patch);
    if (!result.ok) {
      if (!result.conversation) throw new ParleyError('PARLEY_ERR_CONVERSATION_NOT_FOUND');
      throw new ParleyError('PARLEY_ERR_CONVERSATION_ALREADY_ASSIGNED', undefined, { assigneeId: result.conversation.assigneeId ?? null });
    }
    this.#deps.events.emit('conversation.changed', { region, conversation: result.conversation, previous: before });
    await this.#audit(this.store(region), conversationId, actorId, 'conversation.assign', { from: before.assigneeId ?? null, to: assigneeId });
    return result.conversation;
  }

  /** Moves a conversation to a status (`snoozed` needs `snoozedUntil`). Audited. */
  async setStatus(region: Region, conversationId: string, status: Exclude<ConversationStatus, 'bot'>, snoozedUntil: string | undefined, actorId: string): Promise<ConversationRecord> {
    if (status === 'snoozed' && !snoozedUntil) throw new ParleyError('PARLEY_ERR_PAYLOAD_INVALID', 'Snoozing needs snoozedUntil.', { field: 'snoozedUntil' });
    const before = await this.get(region, conversationId);
    const after = await this.#change(region, before, statusChange(before, status, snoozedUntil, this.#now()));
    await this.#audit(this.store(region), conversationId, actorId, 'conversation.status', { from: before.status ?? 'bot', to: status });
    return after;
  }

  /** Stores an internal note (idempotent on clientNoteId) and publishes it to agents only. */
  async addNote(region: Region, note: Omit<NoteRecord, 'id' | 'createdAt'>): Promise<NoteRecord> {
    const store = this.store(region);
    const conversation = await this.get(region, note.conversationId);
    const { note: stored, isDuplicate } = await store.addNote({ ...note, id: `n_${randomUUID()}`, createdAt: this.#now().toISOString() });
    if (!isDuplicate) {
      await this.#audit(store, note.conversationId, note.author.id ?? 'unknown', 'note.add', { noteId: stored.id });
      this.#deps.events.emit('note.created', { region, conversation, note: stored });
    }
    return stored;
  }

  /** Records how far the shopper or the agents have read; only ever moves forward. */
  async markRead(region: Region, conversationId: string, by: 'visitor' | 'agent', seq: number): Promise<void> {
    const before = await this.get(region, conversationId);
    const field = by === 'visitor' ? 'visitorReadSeq' : 'agentReadSeq';
    const lastSeq = before.lastMessage?.seq ?? seq;
    const next = Math.min(seq, lastSeq);
    if (next <= (before[field] ?? 0)) return;
    await this.store(region).updateConversation(conversationId, { [field]: next });
    this.#deps.events.emit('read.changed', { region, conversationId, by, seq: next });
  }

  /** Publishes that someone started or stopped typing (never stored). */
  publishTyping(region: Region, conversationId: string, author: { kind: 'visitor' | 'agent'; id?: string | undefined; name?: string | undefined }, isTyping: boolean): void {
    this.#deps.events.emit('typing.changed', { region, conversationId, author, isTyping });
  }

  /** Appends an audit entry in the conversation's own region. */
  audit(region: Region, entry: Omit<AuditRecord, 'id' | 'at'>): Promise<void> {
    return this.#audit(this.store(region), entry.conversationId, entry.actorId, entry.action, entry.details);
  }

  async #audit(store: RegionStore, conversationId: string, actorId: string, action: AuditRecord['action'], details?: AuditRecord['details']): Promise<void> {
    await store.appendAudit({ id: `au_${randomUUID()}`, conversationId, actorId, action, details, at: this.#now().toISOString() });
  }

  async #change(region: Region, before: ConversationRecord, patch: ConversationPatch): Promise<ConversationRecord> {
    const after = await this.store(region).updateConversation(before.id, { ...patch, updatedAt: this.#now().toISOString() });
    if (!after) throw new ParleyError('PARLEY_ERR_CONVERSATION_NOT_FOUND');
    this.#deps.events.emit('conversation.changed', { region, conversation: after, previous: before });
    return after;
  }
}
