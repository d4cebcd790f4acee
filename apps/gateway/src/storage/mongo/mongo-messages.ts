import { randomUUID } from 'node:crypto';
import type { Collection } from 'mongodb';
import { ParleyError } from '@parley/protocol';
import type { Message } from '@parley/protocol';
import { SEQ_RETRY_LIMIT } from '../region-store.ts';
import type { AppendResult, ConversationRecord, NewMessage } from '../region-store.ts';
import { assertStorable } from '../storable.ts';
import type { ConversationDoc, MessageDoc } from './mongo-docs.ts';
import { guard, isDuplicateKey } from './mongo-support.ts';
import type { DocumentWriteQueue } from './mongo-support.ts';

/**
 * Messages in MongoDB. `seq` is the next after the highest, made unique by the
 * `(conversationId, seq)` index: the loser of a race retries (no transactions). After the insert
 * the conversation's `lastMessage`/`updatedAt` are set, but only by a newer `seq` than the one
 * recorded, so concurrent appends cannot leave an older message as the newest.
 */
export class MongoMessages {
  readonly #messages: Collection<MessageDoc>;
  readonly #conversations: Collection<ConversationDoc>;
  readonly #writes: DocumentWriteQueue;

  constructor(messages: Collection<MessageDoc>, conversations: Collection<ConversationDoc>, writes: DocumentWriteQueue) {
    this.#messages = messages;
    this.#conversations = conversations;
    this.#writes = writes;
  }

  async append(input: NewMessage): Promise<AppendResult> {
    assertStorable(input);
    for (let attempt = 0; attempt < SEQ_RETRY_LIMIT; attempt += 1) {
      const doc: MessageDoc = {
        _id: `msg_${randomUUID()}`,
        conversationId: input.conversationId,
        seq: (await this.lastSeq(input.conversationId)) + 1,
        clientMsgId: input.clientMsgId,
        author: input.author,
        text: input.text,
        createdAt: new Date(),
        ...(input.locale ? { locale: input.locale } : {}),
        ...(input.bot ? { bot: input.bot } : {}),
        ...(input.quickReplies?.length ? { quickReplies: input.quickReplies } : {}),
      };
      try {
        await guard(() => this.#messages.insertOne(doc));
        const message = toMessage(doc);
        await this.#recordNewest(message);
        return { message, isDuplicate: false };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // Either this clientMsgId was stored before (idempotent retry), or another writer took
        // this seq first. Servers differ in how they name the violated index, so ask the data.
        const existing = await guard(() =>
          this.#messages.findOne({ conversationId: input.conversationId, clientMsgId: input.clientMsgId }),
        );
        if (existing) return { message: toMessage(existing), isDuplicate: true };
        // Lost the seq race: step back a random moment so colliding writers spread out.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 * (attempt + 1))));
      }
    }
    throw new ParleyError('PARLEY_ERR_INTERNAL_ERROR', 'Could not assign a message sequence number.');
  }

  async get(conversationId: string, messageId: string): Promise<Message | null> {
    const doc = await guard(() => this.#messages.findOne({ _id: messageId, conversationId }));
    return doc ? toMessage(doc) : null;
  }

  async list(conversationId: string, options: { afterSeq: number; limit: number }): Promise<Message[]> {
    const docs = await guard(() =>
      this.#messages.find({ conversationId, seq: { $gt: options.afterSeq } }).sort({ seq: 1 }).limit(options.limit).toArray(),
    );
    return docs.map(toMessage);
  }

  async lastSeq(conversationId: string): Promise<number> {
    const [last] = await guard(() =>
      this.#messages.find({ conversationId }).sort({ seq: -1 }).limit(1).project<{ seq: number }>({ seq: 1 }).toArray(),
    );
    return last?.seq ?? 0;
  }

  async #recordNewest(message: Message): Promise<void> {
    const lastMessage: NonNullable<ConversationRecord['lastMessage']> = {
      authorKind: message.author.kind,
      ...(message.author.name ? { authorName: message.author.name } : {}),
      text: message.text,
      seq: message.seq,
      createdAt: message.createdAt,
    };
    await this.#writes.run(message.conversationId, () =>
      guard(() =>
        this.#conversations.updateOne(
          { _id: message.conversationId, $or: [{ 'lastMessage.seq': { $lt: message.seq } }, { lastMessage: { $exists: false } }] },
          { $set: { lastMessage, updatedAt: new Date(message.createdAt) } },
        ),
      ),
    );
  }
}

function toMessage(doc: MessageDoc): Message {
  const message: Message = {
    id: doc._id,
    conversationId: doc.conversationId,
    seq: doc.seq,
    clientMsgId: doc.clientMsgId,
    author: { kind: doc.author.kind, ...(doc.author.id ? { id: doc.author.id } : {}), ...(doc.author.name ? { name: doc.author.name } : {}) },
    text: doc.text,
    createdAt: doc.createdAt.toISOString(),
  };
  if (doc.locale) message.locale = doc.locale;
  if (doc.bot) message.bot = { intent: doc.bot.intent, templateKey: doc.bot.templateKey };
  if (doc.quickReplies) message.quickReplies = doc.quickReplies.map(({ id, label }) => ({ id, label }));
  return message;
}
