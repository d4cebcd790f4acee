import { randomUUID } from 'node:crypto';
import type { Collection } from 'mongodb';
import { ParleyError } from '@parley/protocol';
import type { Message } from '@parley/protocol';
import { SEQ_RETRY_LIMIT } from '../region-store.ts';
import type { AppendResult, ConversationRecord, NewMessage } from '../region-store.ts';
import { translationFieldsOf } from '../message-translations.ts';
import { assertStorable } from '../storable.ts';
import type { ConversationDoc, MessageDoc } from './mongo-docs.ts';
import { toMessage } from './mongo-message-doc.ts';
import type { MongoBotTurns } from './mongo-bot-turns.ts';
import { SeqCache } from './mongo-seq-cache.ts';
import { DocumentWriteQueue, guard, isDuplicateKey } from './mongo-support.ts';

/** Conversations whose last seq this process keeps (a few bytes each). */
const SEQ_CACHE_CAPACITY = 5_000;

/**
 * Messages in MongoDB. `seq` is made unique by the `(conversationId, seq)` index: the loser of a
 * race retries (no transactions). The next `seq` comes from memory, not from a query per append
 * (on FerretDB v1 every such query reads the whole collection, see mongo-migrations.ts): this
 * process's appends to one conversation run one after another, each taking the seq after the
 * last one it knows; a conversation it does not know yet starts from the `lastMessage.seq`
 * recorded on the conversation (read by `_id`). Either may be behind (another gateway appended,
 * or a crash came between insert and record); the unique index then refuses the insert and the
 * real last seq is read once. After the insert the conversation's `lastMessage`/`updatedAt` are
 * set (see #recordNewest for what that guarantees).
 */
export class MongoMessages {
  readonly #messages: Collection<MessageDoc>;
  readonly #conversations: Collection<ConversationDoc>;
  readonly #writes: DocumentWriteQueue;
  readonly #appends = new DocumentWriteQueue();
  readonly #seqs: SeqCache;

  readonly #botTurns: MongoBotTurns | undefined;

  /**
   * `seqCacheCapacity` 0 makes every append start from the conversation's record (tests,
   * benchmarks); `botTurns` keeps the marks of messages appended with `awaitsBot`.
   */
  constructor(
    messages: Collection<MessageDoc>,
    conversations: Collection<ConversationDoc>,
    writes: DocumentWriteQueue,
    options: { seqCacheCapacity?: number | undefined; botTurns?: MongoBotTurns | undefined } = {},
  ) {
    this.#messages = messages;
    this.#conversations = conversations;
    this.#writes = writes;
    this.#seqs = new SeqCache(options.seqCacheCapacity ?? SEQ_CACHE_CAPACITY);
    this.#botTurns = options.botTurns;
  }

  async append(input: NewMessage): Promise<AppendResult> {
    assertStorable(input);
    // One at a time per conversation in this process: no two of its appends race for a seq, and
    // a duplicate never takes a seq that a later append then skips.
    return this.#appends.run(input.conversationId, () => this.#append(input));
  }

  async get(conversationId: string, messageId: string): Promise<Message | null> {
    // By `_id` alone (the filter FerretDB v1 passes to its backend), the conversation checked here.
    const doc = await guard(() => this.#messages.findOne({ _id: messageId }));
    return doc?.conversationId === conversationId ? toMessage(doc) : null;
  }

  /** By the idempotency key; only a recovered bot turn asks (a full scan on FerretDB v1). */
  async byClientId(conversationId: string, clientMsgId: string): Promise<Message | null> {
    const doc = await guard(() => this.#messages.findOne({ conversationId, clientMsgId }));
    return doc ? toMessage(doc) : null;
  }

  async list(conversationId: string, options: { afterSeq: number; limit: number }): Promise<Message[]> {
    const docs = await guard(() =>
      this.#messages.find({ conversationId, seq: { $gt: options.afterSeq } }).sort({ seq: 1 }).limit(options.limit).toArray(),
    );
    return docs.map(toMessage);
  }

  /** A read of the stored data (other gateways append too), backed by `conversation_seq`. */
  async lastSeq(conversationId: string): Promise<number> {
    const [last] = await guard(() =>
      this.#messages.find({ conversationId }).sort({ seq: -1 }).limit(1).project<{ seq: number }>({ seq: 1 }).toArray(),
    );
    return last?.seq ?? 0;
  }

  async #append(input: NewMessage): Promise<AppendResult> {
    let last = this.#seqs.get(input.conversationId) ?? (await this.#recordedSeq(input.conversationId));
    // One id and time for every attempt: the owed mark, written first, names this message.
    const id = `msg_${randomUUID()}`;
    const createdAt = new Date();
    if (input.awaitsBot) await this.#botTurns?.mark(id, input.conversationId, createdAt);
    for (let attempt = 0; attempt < SEQ_RETRY_LIMIT; attempt += 1) {
      const doc: MessageDoc = {
        _id: id,
        conversationId: input.conversationId,
        seq: last + 1,
        clientMsgId: input.clientMsgId,
        author: input.author,
        text: input.text,
        createdAt,
        ...(input.locale ? { locale: input.locale } : {}),
        ...(input.bot ? { bot: input.bot } : {}),
        ...(input.quickReplies?.length ? { quickReplies: input.quickReplies } : {}),
        ...translationFieldsOf(input),
      };
      try {
        await guard(() => this.#messages.insertOne(doc));
        this.#seqs.set(input.conversationId, doc.seq);
        const message = toMessage(doc);
        await this.#recordNewest(message);
        return { message, isDuplicate: false };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        // Either this clientMsgId was stored before (idempotent retry), or the seq was taken
        // (another gateway, or a stale hint). Servers differ in how they name the violated
        // index (FerretDB names none), so ask the data. Rare: neither happens on the hot path.
        const existing = await guard(() =>
          this.#messages.findOne({ conversationId: input.conversationId, clientMsgId: input.clientMsgId }),
        );
        if (existing) {
          // The original was marked (or answered) when it was stored; this attempt's mark is moot.
          if (input.awaitsBot) await this.#botTurns?.settle(input.conversationId, id);
          return { message: toMessage(existing), isDuplicate: true };
        }
        if (attempt > 0) {
          // Still losing to other writers: step back a random moment so colliding ones spread out.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 * attempt)));
        }
        last = await this.lastSeq(input.conversationId);
        this.#seqs.set(input.conversationId, last);
      }
    }
    throw new ParleyError('PARLEY_ERR_INTERNAL_ERROR', 'Could not assign a message sequence number.');
  }

  /** The seq recorded as the conversation's newest: a starting hint, never ahead of the truth. */
  async #recordedSeq(conversationId: string): Promise<number> {
    const conversation = await guard(() =>
      this.#conversations.findOne({ _id: conversationId }, { projection: { 'lastMessage.seq': 1 } }),
    );
    const recorded = (conversation?.['lastMessage'] as { seq?: unknown } | undefined)?.seq;
    return typeof recorded === 'number' ? recorded : 0;
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
        // By `_id` alone: on FerretDB v1 any other filter decodes every conversation in Go (31 ms
        // against 6 ms with 20 conversations). Within this process appends to a conversation run
        // in seq order, so the newest is written last; across gateways a race may leave an older
        // message as the preview until the next one (the cluster's conversation lock, issue 13).
        this.#conversations.updateOne({ _id: message.conversationId }, { $set: { lastMessage, updatedAt: new Date(message.createdAt) } }),
      ),
    );
  }
}
