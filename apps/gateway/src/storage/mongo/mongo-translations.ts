import type { Collection } from 'mongodb';
import type { Message } from '@parley/protocol';
import { cachedTranslationOf, translationsPatchOf } from '../message-translations.ts';
import type { CachedTranslation, MessageTranslationsPatch } from '../region-store.ts';
import { assertStorable } from '../storable.ts';
import type { MessageDoc, TranslationCacheDoc } from './mongo-docs.ts';
import { toMessage } from './mongo-message-doc.ts';
import { DocumentWriteQueue, guard, isDuplicateKey } from './mongo-support.ts';

/**
 * Translations in MongoDB: merged into the message document with one `$set` per language
 * (`translations.en`), so two languages landing at once never overwrite each other on MongoDB;
 * and the `translation_cache` collection, keyed by `_id`. Every read and write names the
 * document by `_id` alone, the only filter FerretDB v1 hands to its backend (see
 * mongo-migrations.ts): the conversation is checked on the document read first.
 */
export class MongoTranslations {
  readonly #messages: Collection<MessageDoc>;
  readonly #cache: Collection<TranslationCacheDoc>;
  /** FerretDB rewrites a document whole on update: this process's writes to one message queue (see DocumentWriteQueue). */
  readonly #writes = new DocumentWriteQueue();

  constructor(messages: Collection<MessageDoc>, cache: Collection<TranslationCacheDoc>) {
    this.#messages = messages;
    this.#cache = cache;
  }

  /** Merges into the message; the message after, or null when the conversation has no such message. */
  async addToMessage(conversationId: string, messageId: string, patch: MessageTranslationsPatch): Promise<Message | null> {
    assertStorable({ conversationId, messageId });
    const changes = translationsPatchOf(patch);
    const $set: Record<string, unknown> = {};
    if (changes.original) $set['original'] = changes.original;
    for (const [language, translation] of Object.entries(changes.translations ?? {})) $set[`translations.${language}`] = translation;
    return this.#writes.run(messageId, async () => {
      const doc = await guard(() => this.#messages.findOne({ _id: messageId }));
      if (doc?.conversationId !== conversationId) return null;
      // Some servers refuse an empty `$set`: nothing to merge is a read.
      if (Object.keys($set).length === 0) return toMessage(doc);
      const updated = await guard(() => this.#messages.findOneAndUpdate({ _id: messageId }, { $set }, { returnDocument: 'after' }));
      return updated ? toMessage(updated) : null;
    });
  }

  async getCached(key: string): Promise<CachedTranslation | null> {
    assertStorable(key, 'key');
    const doc = await guard(() => this.#cache.findOne({ _id: key }));
    return doc ? { key: doc._id, text: doc.text, provider: doc.provider, storedAt: doc.storedAt.toISOString() } : null;
  }

  /** Upserts by `_id`; two first writes of one key racing make one insert and one duplicate-key error, retried as an update. */
  async putCached(entry: CachedTranslation): Promise<void> {
    const stored = cachedTranslationOf(entry);
    const $set = { text: stored.text, provider: stored.provider, storedAt: new Date(stored.storedAt) };
    try {
      await guard(() => this.#cache.updateOne({ _id: stored.key }, { $set }, { upsert: true }));
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await guard(() => this.#cache.updateOne({ _id: stored.key }, { $set }));
    }
  }
}
