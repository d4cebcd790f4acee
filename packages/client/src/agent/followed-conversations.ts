import type { ConversationDetail, HistoryFetchAckData, Message, Note } from '@parley/protocol';
import { ParleyError } from '@parley/protocol/errors';
import type { Emitter } from '../core/emitter.ts';
import { backoffDelay } from '../core/ids.ts';
import { Timeline } from '../core/timeline.ts';
import type { AgentClientEvents } from './agent-types.ts';

/** What following needs from the connection. */
export interface ConversationSource {
  open(conversationId: string): Promise<ConversationDetail>;
  fetchPage(conversationId: string, afterSeq: number): Promise<HistoryFetchAckData>;
  isReady(): boolean;
}

interface Followed {
  timeline: Timeline;
  noteIds: Set<string>;
  /** Set once the first `conversation:open` answered: where this client's timeline begins. */
  hasBase: boolean;
  repairTimer?: ReturnType<typeof setTimeout>;
  resyncTimer?: ReturnType<typeof setTimeout>;
}

/** How long a gap between live messages may stand before it is fetched: events of one
 * conversation can overtake each other (several gateway instances), so give them a moment. */
const GAP_REPAIR_MS = 1_000;

/**
 * The conversations an agent follows (opened): a Timeline each, so their messages reach
 * `message` listeners once and in seq order, and a reopen plus resync after every reconnect.
 */
export class FollowedConversations {
  readonly #byId = new Map<string, Followed>();
  readonly #source: ConversationSource;
  readonly #events: Emitter<AgentClientEvents>;

  constructor(source: ConversationSource, events: Emitter<AgentClientEvents>) {
    this.#source = source;
    this.#events = events;
  }

  has(conversationId: string): boolean {
    return this.#byId.has(conversationId);
  }

  /** Starts following; called before `conversation:open` goes out so no live message is missed.
   * Returns false when it was followed already. */
  follow(conversationId: string): boolean {
    if (this.#byId.has(conversationId)) return false;
    this.#byId.set(conversationId, { timeline: new Timeline(), noteIds: new Set(), hasBase: false });
    return true;
  }

  unfollow(conversationId: string): void {
    const followed = this.#byId.get(conversationId);
    if (!followed) return;
    clearTimeout(followed.repairTimer);
    clearTimeout(followed.resyncTimer);
    this.#byId.delete(conversationId);
  }

  /** Takes in what `conversation:open` answered: its messages and notes are delivered once.
   * With `catchUp`, messages past the answer's page are fetched on (a resync fetches anyway). */
  applyDetail(conversationId: string, detail: ConversationDetail, catchUp = true): void {
    const followed = this.#byId.get(conversationId);
    if (!followed) return;
    if (!followed.hasBase) {
      followed.hasBase = true;
      // The answer may hold only the latest page; what precedes it is history, not a gap.
      const firstSeq = Math.min(...detail.messages.map((m) => m.seq));
      if (Number.isFinite(firstSeq) && firstSeq > 1) followed.timeline.startAfter(firstSeq - 1);
    }
    this.#deliver(conversationId, followed, detail.messages);
    for (const note of detail.notes) this.ingestNote(note);
    // The gateway answers the first page only; a longer conversation is fetched on from there.
    const lastSeq = detail.conversation.lastMessage?.seq ?? 0;
    if (catchUp && lastSeq > followed.timeline.deliveredSeq && !followed.timeline.hasGap) {
      this.fetchAll(conversationId, followed.timeline.deliveredSeq).catch(() => undefined);
    }
  }

  /** Live or acked messages; those of conversations not followed are ignored. */
  ingest(messages: readonly Message[]): void {
    const byConversation = new Map<string, Message[]>();
    for (const message of messages) byConversation.set(message.conversationId, [...(byConversation.get(message.conversationId) ?? []), message]);
    for (const [conversationId, batch] of byConversation) {
      const followed = this.#byId.get(conversationId);
      if (followed) this.#deliver(conversationId, followed, batch);
    }
  }

  ingestNote(note: Note): void {
    const followed = this.#byId.get(note.conversationId);
    if (!followed || followed.noteIds.has(note.id)) return;
    followed.noteIds.add(note.id);
    this.#events.emit('note', note);
  }

  /** Every message after `afterSeq`, paging until the gateway has no more (delivered too, if followed). */
  async fetchAll(conversationId: string, afterSeq: number): Promise<Message[]> {
    const bySeq = new Map<number, Message>();
    let cursor = afterSeq;
    for (;;) {
      const page = await this.#source.fetchPage(conversationId, cursor);
      for (const message of page.messages) bySeq.set(message.seq, message);
      const followed = this.#byId.get(conversationId);
      if (followed) this.#deliver(conversationId, followed, page.messages);
      const last = page.messages.at(-1);
      if (!page.hasMore || !last) break;
      cursor = last.seq;
    }
    return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  }

  /** After a reconnect: reopen every followed conversation and fetch what came after its last seq. */
  resyncAll(): void {
    for (const conversationId of this.#byId.keys()) void this.#resync(conversationId, 1);
  }

  clear(): void {
    for (const conversationId of [...this.#byId.keys()]) this.unfollow(conversationId);
  }

  async #resync(conversationId: string, attempt: number): Promise<void> {
    try {
      this.applyDetail(conversationId, await this.#source.open(conversationId), false);
      const followed = this.#byId.get(conversationId);
      if (followed) await this.fetchAll(conversationId, followed.timeline.deliveredSeq);
    } catch (caught) {
      const followed = this.#byId.get(conversationId);
      if (!followed) return;
      const error = caught instanceof ParleyError ? caught : new ParleyError('PARLEY_ERR_INTERNAL_ERROR', String(caught));
      if (error.code === 'PARLEY_ERR_CLIENT_CLOSED') return;
      if (error.isRetryable) {
        // The next reconnect resyncs anyway; this covers a store that is down while we are connected.
        followed.resyncTimer = setTimeout(() => {
          if (this.#source.isReady()) void this.#resync(conversationId, attempt + 1);
        }, backoffDelay(attempt));
        return;
      }
      // Refused for good (reassigned away, region no longer allowed): stop following it.
      this.unfollow(conversationId);
      this.#events.emit('error', new ParleyError(error.code, error.message, { conversationId, cause: error.details }));
    }
  }

  #deliver(conversationId: string, followed: Followed, messages: readonly Message[]): void {
    for (const message of followed.timeline.add(messages)) this.#events.emit('message', message);
    if (followed.timeline.hasGap) this.#scheduleRepair(conversationId, followed);
  }

  #scheduleRepair(conversationId: string, followed: Followed): void {
    if (followed.repairTimer) return;
    followed.repairTimer = setTimeout(() => {
      delete followed.repairTimer;
      if (!followed.timeline.hasGap || !this.#source.isReady() || this.#byId.get(conversationId) !== followed) return;
      // A failed repair is retried by the next gap or reconnect.
      this.fetchAll(conversationId, followed.timeline.deliveredSeq).catch(() => undefined);
    }, GAP_REPAIR_MS);
  }
}
