/** A burst of `mark` calls (messages arriving together) becomes one receipt. */
const COALESCE_MS = 150;

/**
 * How far the reader has read, sent as few receipts as possible: only forward, a burst of
 * marks coalesced, one held while offline sent on the next `flush()`. `send` answers whether it
 * could send now (connected); a receipt it could not send stays owed.
 */
export class ReadReceipts {
  readonly #send: (seq: number) => boolean;
  #seq = 0;
  #sentSeq = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(send: (seq: number) => boolean) {
    this.#send = send;
  }

  /** The reader has seen everything up to `seq`. */
  mark(seq: number): void {
    if (!Number.isSafeInteger(seq) || seq <= this.#seq) return;
    this.#seq = seq;
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.flush();
    }, COALESCE_MS);
  }

  /** Sends the owed receipt, if any and if it can. */
  flush(): void {
    if (this.#seq <= this.#sentSeq) return;
    if (this.#send(this.#seq)) this.#sentSeq = this.#seq;
  }

  /** A new conversation starts unread. */
  reset(): void {
    this.#seq = 0;
    this.#sentSeq = 0;
  }

  /** Stops the pending timer (the client is closing). */
  close(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
