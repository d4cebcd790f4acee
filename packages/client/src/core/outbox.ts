import type { Message, QuickReplyId } from '@parley/protocol';
import type { ParleyError } from '@parley/protocol/errors';

/** What every queued send carries, whatever it sends: its attempts and how to settle its caller. */
export interface QueuedSend<Result> {
  attempts: number;
  resolve: (result: Result) => void;
  reject: (error: ParleyError) => void;
}

/** A shopper's message waiting for the gateway's ack. */
export interface OutboxEntry extends QueuedSend<Message> {
  clientMsgId: string;
  text: string;
  /** Set when the shopper pressed a quick reply: the bot reads the id, people read the text. */
  quickReply?: QuickReplyId | undefined;
}

/**
 * Sends not yet acked, in send order. An entry leaves only when the gateway acks it (stored) or
 * refuses it for good; retries reuse its client id so the gateway stores it once.
 */
export class Outbox<Entry extends QueuedSend<never> = OutboxEntry> {
  readonly #entries: Entry[] = [];

  get size(): number {
    return this.#entries.length;
  }

  add(entry: Entry): void {
    this.#entries.push(entry);
  }

  peek(): Entry | undefined {
    return this.#entries[0];
  }

  remove(entry: Entry): void {
    const index = this.#entries.indexOf(entry);
    if (index >= 0) this.#entries.splice(index, 1);
  }

  /** Removes and returns everything (used when the application disconnects the client). */
  drain(): Entry[] {
    return this.#entries.splice(0);
  }
}
