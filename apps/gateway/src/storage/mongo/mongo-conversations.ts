import type { Collection } from 'mongodb';
import type { LocaleSource } from '@parley/protocol';
import { creationChanges, languageOf, updateChanges } from '../conversation-fields.ts';
import type { BotStateRecord, ConversationPatch, ConversationRecord } from '../region-store.ts';
import { assertStorable } from '../storable.ts';
import { toConversation, toDocUpdate } from './mongo-conversation-doc.ts';
import type { ConversationDoc } from './mongo-docs.ts';
import { guard, withoutUndefinedFields } from './mongo-support.ts';
import type { DocumentWriteQueue } from './mongo-support.ts';

/** Conversations in MongoDB: creation, reads and patches (`$set`/`$unset` only). */
export class MongoConversations {
  readonly #conversations: Collection<ConversationDoc>;
  readonly #writes: DocumentWriteQueue;

  constructor(conversations: Collection<ConversationDoc>, writes: DocumentWriteQueue) {
    this.#conversations = conversations;
    this.#writes = writes;
  }

  async create(conversation: ConversationRecord): Promise<void> {
    const { $set } = toDocUpdate(creationChanges(conversation));
    await guard(() =>
      this.#conversations.insertOne({
        ...$set,
        _id: conversation.id,
        visitorId: conversation.visitorId,
        siteKey: conversation.siteKey,
        locale: conversation.locale,
        createdAt: new Date(conversation.createdAt),
      }),
    );
  }

  async get(conversationId: string): Promise<ConversationRecord | null> {
    const doc = await guard(() => this.#conversations.findOne({ _id: conversationId }));
    return doc ? toConversation(doc) : null;
  }

  /**
   * Applies a patch (null clears) and returns the record after, or null when there is none.
   * `updatedAt` becomes the patch's, or now: every change is an update the inbox should see.
   */
  async update(conversationId: string, patch: ConversationPatch): Promise<ConversationRecord | null> {
    const update = toDocUpdate(updateChanges(patch));
    const result = await this.#writes.run(conversationId, () => guard(() => this.#conversations.updateOne({ _id: conversationId }, update)));
    return result.matchedCount === 0 ? null : this.get(conversationId);
  }

  async setLocale(conversationId: string, locale: string, source: LocaleSource): Promise<void> {
    assertStorable({ locale, source });
    await this.#writes.run(conversationId, () =>
      guard(() => this.#conversations.updateOne({ _id: conversationId }, { $set: { locale, localeSource: source, language: languageOf(locale) } })),
    );
  }

  async setBotState(conversationId: string, state: BotStateRecord): Promise<void> {
    assertStorable(state);
    await this.#writes.run(conversationId, () => guard(() => this.#conversations.updateOne({ _id: conversationId }, { $set: { botState: withoutUndefinedFields(state) } })));
  }
}
