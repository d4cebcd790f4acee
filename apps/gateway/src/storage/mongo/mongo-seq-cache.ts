/**
 * The highest `seq` this process knows per conversation, so an append needs no query to pick
 * the next one. Only a hint: other gateways append too, and the `(conversationId, seq)` unique
 * index refuses a stale one, after which the caller re-reads and stores the truth. Bounded, least
 * recently used out first (a Map iterates in insertion order; a hit is moved to the end), so a
 * region with millions of conversations keeps only the active ones.
 */
export class SeqCache {
  readonly #capacity: number;
  readonly #seqs = new Map<string, number>();

  /** Keeps at most `capacity` conversations (0 keeps none: every append starts cold). */
  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** The last known seq of the conversation, undefined when not known here. */
  get(conversationId: string): number | undefined {
    const seq = this.#seqs.get(conversationId);
    if (seq !== undefined) {
      this.#seqs.delete(conversationId);
      this.#seqs.set(conversationId, seq);
    }
    return seq;
  }

  /** Records `seq` as the conversation's last known one. */
  set(conversationId: string, seq: number): void {
    this.#seqs.delete(conversationId);
    if (this.#capacity <= 0) return;
    this.#seqs.set(conversationId, seq);
    if (this.#seqs.size > this.#capacity) {
      const oldest = this.#seqs.keys().next();
      if (!oldest.done) this.#seqs.delete(oldest.value);
    }
  }

  /** How many conversations are held (for tests). */
  get size(): number {
    return this.#seqs.size;
  }
}
