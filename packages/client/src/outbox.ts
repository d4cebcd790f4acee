import type { Message, QuickReplyId } from '@parley/protocol';
import type { ParleyError } from '@parley/protocol/errors';

/** A message waiting for the gateway's ack. */
export interface OutboxEntry {
  clientMsgId: string;
  text: string;
  /** Set when the shopper pressed a quick reply: the bot reads the id, people read the text. */
  quickReply?: QuickReplyId | undefined;
  attempts: number;
  resolve: (message: Message) => void;
  reject: (error: ParleyError) => void;
}

/**
 * Messages sent but not yet acked, in send order. An entry leaves only when the gateway acks it
 * (stored) or refuses it for good; retries reuse its clientMsgId so the gateway stores it once.
 */
export class Outbox {
  readonly #entries: OutboxEntry[] = [];

  get size(): number {
    return this.#entries.length;
  }

  add(entry: OutboxEntry): void {
    this.#entries.push(entry);
  }

  peek(): OutboxEntry | undefined {
    return this.#entries[0];
  }

  remove(entry: OutboxEntry): void {
    const index = this.#entries.indexOf(entry);
    if (index >= 0) this.#entries.splice(index, 1);
  }

  /** Removes and returns everything (used when the application disconnects the client). */
  drain(): OutboxEntry[] {
    return this.#entries.splice(0);
  }
}
