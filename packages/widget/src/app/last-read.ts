import type { Message } from '@parley/client';

/** Conversations remembered per site; older ones are dropped (a shopper rarely has more). */
const MAX_CONVERSATIONS = 20;

/**
 * How far the shopper has read, per conversation, in localStorage: kept across pages and shared
 * by every tab, so moving to another page of the shop does not make read messages unread again.
 * Only moves forward. Storage blocked (privacy mode) means memory only, for this page view.
 */
export class LastRead {
  readonly #key: string;
  #memory: Record<string, number> = {};

  constructor(key: string) {
    this.#key = key;
  }

  /** The storage key, to recognise another tab's change in a `storage` event. */
  get key(): string {
    return this.#key;
  }

  /** The highest seq the shopper has seen in `conversationId` (0 when none). */
  get(conversationId: string): number {
    return this.#read()[conversationId] ?? 0;
  }

  /** Records that the shopper has seen `conversationId` up to `seq`; returns whether it moved. */
  advance(conversationId: string, seq: number): boolean {
    const all = this.#read();
    if (!Number.isSafeInteger(seq) || seq <= (all[conversationId] ?? 0)) return false;
    // Re-inserted last, so the oldest conversations are the first dropped.
    delete all[conversationId];
    all[conversationId] = seq;
    const kept = Object.entries(all).slice(-MAX_CONVERSATIONS);
    this.#memory = Object.fromEntries(kept);
    try {
      localStorage.setItem(this.#key, JSON.stringify(this.#memory));
    } catch {
      // Blocked or full: the memory copy still serves this page view.
    }
    return true;
  }

  /** Storage merged with this page's memory, the higher seq winning (never moves back). */
  #read(): Record<string, number> {
    const merged = { ...this.#memory };
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(this.#key) ?? '{}');
      if (parsed && typeof parsed === 'object') {
        for (const [id, seq] of Object.entries(parsed)) if (Number.isSafeInteger(seq) && (seq as number) > (merged[id] ?? 0)) merged[id] = seq as number;
      }
    } catch {
      // Unreadable: memory only.
    }
    return merged;
  }
}

/** Messages from the shop's side (bot, agents, system) the shopper has not seen yet. */
export function countUnread(messages: readonly Message[], lastReadSeq: number): number {
  let count = 0;
  for (const message of messages) if (message.author.kind !== 'visitor' && message.seq > lastReadSeq) count += 1;
  return count;
}
