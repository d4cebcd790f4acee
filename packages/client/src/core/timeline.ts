import type { Message } from '@parley/protocol';

/**
 * Delivers a conversation's messages in `seq` order, each exactly once, whatever order they
 * arrive in (live events, acks, history pages, replays after a reconnect). Messages ahead of a
 * gap wait until the gap is filled by a resync.
 */
export class Timeline {
  readonly #bySeq = new Map<number, Message>();
  readonly #pending = new Map<number, Message>();
  #deliveredSeq = 0;

  /** Highest seq delivered so far; a resync asks for everything after it. */
  get deliveredSeq(): number {
    return this.#deliveredSeq;
  }

  /** Every delivered message, oldest first. */
  get messages(): Message[] {
    return [...this.#bySeq.values()];
  }

  /** True while messages wait behind a missing seq (a resync fills it). */
  get hasGap(): boolean {
    return this.#pending.size > 0;
  }

  /**
   * Starts a fresh timeline after `seq`: what came before is history the caller did not follow
   * (e.g. an agent opened a conversation and got only its latest page). No-op once past it.
   */
  startAfter(seq: number): void {
    if (seq <= this.#deliveredSeq) return;
    this.#deliveredSeq = seq;
    for (const pendingSeq of this.#pending.keys()) if (pendingSeq <= seq) this.#pending.delete(pendingSeq);
  }

  /** Adds messages; returns those that became deliverable, in order. */
  add(messages: readonly Message[]): Message[] {
    for (const message of messages) {
      if (message.seq > this.#deliveredSeq && !this.#pending.has(message.seq)) this.#pending.set(message.seq, message);
    }
    const ready: Message[] = [];
    let next = this.#pending.get(this.#deliveredSeq + 1);
    while (next) {
      this.#pending.delete(next.seq);
      this.#bySeq.set(next.seq, next);
      this.#deliveredSeq = next.seq;
      ready.push(next);
      next = this.#pending.get(this.#deliveredSeq + 1);
    }
    return ready;
  }

  /** Forgets everything (a new conversation started). */
  reset(): void {
    this.#bySeq.clear();
    this.#pending.clear();
    this.#deliveredSeq = 0;
  }
}
