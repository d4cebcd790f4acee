import type { AgentMessageSend, Message, Note, NoteAdd } from '@parley/protocol';
import { ParleyError } from '@parley/protocol/errors';
import { backoffDelay } from '../core/ids.ts';
import { Outbox } from '../core/outbox.ts';
import type { QueuedSend } from '../core/outbox.ts';

/** A reply or a note waiting for its ack; retries reuse its clientMsgId / clientNoteId. */
export type AgentSend =
  | (QueuedSend<Message> & { kind: 'message'; payload: AgentMessageSend })
  | (QueuedSend<Note> & { kind: 'note'; payload: NoteAdd });

/** What sending needs from the connection, and where stored results go. */
export interface SendChannel {
  isReady(): boolean;
  sendMessage(payload: AgentMessageSend): Promise<Message>;
  addNote(payload: NoteAdd): Promise<Note>;
  stored(result: { kind: 'message'; message: Message } | { kind: 'note'; note: Note }): void;
}

interface Lane {
  outbox: Outbox<AgentSend>;
  isFlushing: boolean;
  retryTimer?: ReturnType<typeof setTimeout>;
}

/**
 * The agent's outbox: one lane per conversation, each sent one at a time in order (so the
 * gateway stores them in send order), while a conversation whose region is down does not hold
 * up replies elsewhere. An entry leaves only when acked or refused for good.
 */
export class AgentOutbox {
  readonly #lanes = new Map<string, Lane>();
  readonly #channel: SendChannel;

  constructor(channel: SendChannel) {
    this.#channel = channel;
  }

  get size(): number {
    let size = 0;
    for (const lane of this.#lanes.values()) size += lane.outbox.size;
    return size;
  }

  add(entry: AgentSend): void {
    const conversationId = entry.payload.conversationId;
    const lane = this.#lanes.get(conversationId) ?? { outbox: new Outbox<AgentSend>(), isFlushing: false };
    this.#lanes.set(conversationId, lane);
    lane.outbox.add(entry);
    void this.#flush(conversationId, lane);
  }

  /** Sends what waits in every lane (after a (re)connect). */
  flushAll(): void {
    for (const [conversationId, lane] of this.#lanes) void this.#flush(conversationId, lane);
  }

  /** Removes and returns everything (the application disconnected the client). */
  drain(): AgentSend[] {
    const entries: AgentSend[] = [];
    for (const lane of this.#lanes.values()) {
      clearTimeout(lane.retryTimer);
      entries.push(...lane.outbox.drain());
    }
    this.#lanes.clear();
    return entries;
  }

  async #flush(conversationId: string, lane: Lane): Promise<void> {
    if (lane.isFlushing) return;
    lane.isFlushing = true;
    try {
      let entry = lane.outbox.peek();
      while (entry && this.#channel.isReady()) {
        if (!(await this.#sendOnce(lane, entry))) {
          clearTimeout(lane.retryTimer);
          lane.retryTimer = setTimeout(() => void this.#flush(conversationId, lane), backoffDelay(entry.attempts));
          return;
        }
        entry = lane.outbox.peek();
      }
    } finally {
      lane.isFlushing = false;
      if (lane.outbox.size === 0 && this.#lanes.get(conversationId) === lane) this.#lanes.delete(conversationId);
    }
  }

  /** One attempt; true when the entry is settled (stored or refused for good). */
  async #sendOnce(lane: Lane, entry: AgentSend): Promise<boolean> {
    entry.attempts += 1;
    try {
      if (entry.kind === 'message') {
        const message = await this.#channel.sendMessage(entry.payload);
        lane.outbox.remove(entry);
        this.#channel.stored({ kind: 'message', message });
        entry.resolve(message);
      } else {
        const note = await this.#channel.addNote(entry.payload);
        lane.outbox.remove(entry);
        this.#channel.stored({ kind: 'note', note });
        entry.resolve(note);
      }
      return true;
    } catch (caught) {
      const error = caught instanceof ParleyError ? caught : new ParleyError('PARLEY_ERR_INTERNAL_ERROR', String(caught));
      // No ack in time, a dropped connection, a store briefly down: retry with the same id.
      if (error.isRetryable) return false;
      lane.outbox.remove(entry);
      entry.reject(error);
      return true;
    }
  }
}
