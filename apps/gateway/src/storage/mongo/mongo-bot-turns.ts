import type { Collection } from 'mongodb';
import type { AwaitingBotTurn } from '../region-store.ts';
import type { MessageDoc } from './mongo-docs.ts';
import { toMessage } from './mongo-message-doc.ts';
import { guard } from './mongo-support.ts';

/**
 * The bot's owed answers, marked on the message documents themselves: `awaitsBot: true` is
 * written by the message's own insert (one write, no transaction needed) and removed with
 * `$unset` once the turn is settled. Present only while owed rather than a lasting boolean, so
 * settled and ordinary messages look as they always did (no backfill, nothing for older
 * documents to lack), and the `{ awaitsBot: 1, createdAt: 1 }` index (`awaiting_bot`) answers
 * the sweep with the equality on its prefix, reading only the owed entries in time order. A
 * plain compound index, not a partial or sparse one: those are not portable.
 */
export class MongoBotTurns {
  readonly #messages: Collection<MessageDoc>;

  constructor(messages: Collection<MessageDoc>) {
    this.#messages = messages;
  }

  /** Owed turns, oldest first, at most `limit`; only those stored before `storedBefore` if given. */
  async list(options: { limit: number; storedBefore?: Date | undefined }): Promise<AwaitingBotTurn[]> {
    const filter = { awaitsBot: true as const, ...(options.storedBefore ? { createdAt: { $lt: options.storedBefore } } : {}) };
    const docs = await guard(() => this.#messages.find(filter).sort({ createdAt: 1 }).limit(options.limit).toArray());
    return docs.map((doc) => ({ message: toMessage(doc), storedAt: doc.createdAt.toISOString() }));
  }

  /**
   * Clears the mark. The update filters on `_id` alone, the one filter FerretDB v1 hands to its
   * backend (any other field makes it decode every message in Go); the conversation is checked
   * in the filter's stead by reading the document first. Both steps are safe to repeat, and a
   * message never changes conversation, so the read cannot go stale in between.
   */
  async settle(conversationId: string, messageId: string): Promise<void> {
    const doc = await guard(() => this.#messages.findOne({ _id: messageId }, { projection: { conversationId: 1, awaitsBot: 1 } }));
    if (doc?.conversationId !== conversationId || doc.awaitsBot !== true) return;
    await guard(() => this.#messages.updateOne({ _id: messageId }, { $unset: { awaitsBot: '' } }));
  }
}
