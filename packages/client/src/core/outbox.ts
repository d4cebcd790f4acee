import type { Message, QuickReplyId } from '@parley/protocol';
import type { ParleyError } from '@parley/protocol/errors';
import { fitsOutboxLimits, utf8Length } from './outbox-limits.ts';

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
  /** Epoch ms before which a retry would be refused again (the gateway's `retryAfterMs`). */
  notBefore?: number | undefined;
}

/**
 * Sends not yet acked, in send order. An entry leaves only when the gateway acks it (stored) or
 * refuses it for good; retries reuse its client id so the gateway stores it once.
 *
 * Given `textOf`, the outbox is bounded by OUTBOX_MAX_MESSAGES and OUTBOX_MAX_BYTES of text:
 * `add` then refuses (returns false) what does not fit, and never evicts what is queued.
 */
export class Outbox<Entry extends QueuedSend<never> = OutboxEntry> {
  readonly #entries: Entry[] = [];
  readonly #textOf: ((entry: Entry) => string) | undefined;
  #bytes = 0;

  constructor(textOf?: (entry: Entry) => string) {
    this.#textOf = textOf;
  }

  get size(): number {
    return this.#entries.length;
  }

  /** Whether one more entry with `text` fits (always, for an outbox made without `textOf`). */
  hasRoomFor(text: string): boolean {
    return !this.#textOf || fitsOutboxLimits(this.#entries.length + 1, this.#bytes + utf8Length(text));
  }

  /** Queues `entry` last; false (and nothing queued) when a bounded outbox has no room for it. */
  add(entry: Entry): boolean {
    const text = this.#textOf?.(entry);
    if (text !== undefined && !this.hasRoomFor(text)) return false;
    this.#entries.push(entry);
    this.#bytes += text === undefined ? 0 : utf8Length(text);
    return true;
  }

  peek(): Entry | undefined {
    return this.#entries[0];
  }

  remove(entry: Entry): void {
    const index = this.#entries.indexOf(entry);
    if (index < 0) return;
    this.#entries.splice(index, 1);
    const text = this.#textOf?.(entry);
    if (text !== undefined) this.#bytes -= utf8Length(text);
  }

  /** Removes and returns everything (used when the application disconnects the client). */
  drain(): Entry[] {
    this.#bytes = 0;
    return this.#entries.splice(0);
  }
}
