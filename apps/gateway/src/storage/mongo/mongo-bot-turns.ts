import type { Collection } from 'mongodb';
import type { AwaitingBotTurn } from '../region-store.ts';
import type { BotTurnDoc, MessageDoc } from './mongo-docs.ts';
import { toMessage } from './mongo-message-doc.ts';
import { guard, isDuplicateKey } from './mongo-support.ts';

/** A mark with no message this long after it was written is a crash's leftover, not an insert in flight. */
const ORPHAN_AFTER_MS = 60_000;

/**
 * The bot's owed answers in MongoDB: a `bot_turns` collection holding one small document per
 * message still owed (`_id` = the message's id), written just before the message's insert and
 * deleted once the turn is settled. A collection of its own rather than a field on the message:
 * without transactions the two writes cannot be one, but this way marking and settling touch
 * only a collection as small as the backlog, where a field on the messages would make every
 * settle a pass over all messages on servers that push no filter down (FerretDB v1).
 * Mark first, then the message: a crash between the two leaves a mark with no message (found
 * and dropped by the sweep), never a message that owes an answer nobody knows about.
 */
export class MongoBotTurns {
  readonly #turns: Collection<BotTurnDoc>;
  readonly #messages: Collection<MessageDoc>;

  constructor(turns: Collection<BotTurnDoc>, messages: Collection<MessageDoc>) {
    this.#turns = turns;
    this.#messages = messages;
  }

  /** Marks `messageId` as owed (before its insert); marking twice is fine. */
  async mark(messageId: string, conversationId: string, createdAt: Date): Promise<void> {
    try {
      await guard(() => this.#turns.insertOne({ _id: messageId, conversationId, createdAt }));
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** Owed turns, oldest first, at most `limit`; only those stored before `storedBefore` if given. */
  async list(options: { limit: number; storedBefore?: Date | undefined }): Promise<AwaitingBotTurn[]> {
    const filter = options.storedBefore ? { createdAt: { $lt: options.storedBefore } } : {};
    const marks = await guard(() => this.#turns.find(filter).sort({ createdAt: 1 }).limit(options.limit).toArray());
    const owed: AwaitingBotTurn[] = [];
    for (const mark of marks) {
      const doc = await guard(() => this.#messages.findOne({ _id: mark._id }));
      if (doc?.conversationId === mark.conversationId) owed.push({ message: toMessage(doc), storedAt: doc.createdAt.toISOString() });
      else if (Date.now() - mark.createdAt.getTime() > ORPHAN_AFTER_MS) await this.settle(mark.conversationId, mark._id);
    }
    return owed;
  }

  /** Clears the mark (idempotent; an unknown id is not an error). */
  async settle(conversationId: string, messageId: string): Promise<void> {
    await guard(() => this.#turns.deleteOne({ _id: messageId, conversationId }));
  }
}
