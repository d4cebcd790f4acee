import type { Author, BotMeta, Message, MessageOriginal, MessageTranslation, QuickReply } from '@parley/protocol';

/** A message to append; the store assigns `id`, `seq` and `createdAt`. */
export interface NewMessage {
  conversationId: string;
  /** Idempotency key: a second append with the same one returns the first message. */
  clientMsgId: string;
  author: Author;
  text: string;
  locale?: string | undefined;
  /** Bot messages only: the intent and template behind the text. */
  bot?: BotMeta | undefined;
  quickReplies?: QuickReply[] | undefined;
  /** A translated message: the author's words (an agent's reply translated for the shopper). */
  original?: MessageOriginal | undefined;
  /** Renderings in other languages by primary language (`en`); more may be added later. */
  translations?: Record<string, MessageTranslation> | undefined;
  /** A canned reply, by key. */
  canned?: Message['canned'] | undefined;
  /**
   * The bot owes this message an answer: stored with the message in the same write, so a crash
   * between the ack and the bot's reply cannot lose the answer. Cleared by `settleBotTurn`.
   */
  awaitsBot?: boolean | undefined;
}

/** A message the bot still owes an answer, as `listAwaitingBot` finds it. */
export interface AwaitingBotTurn {
  message: Message;
  /** When the message was stored (ISO 8601): a sweep leaves recent ones to the live pipeline. */
  storedAt: string;
}

/** Result of an append: the stored message, and whether it was stored before. */
export interface AppendResult {
  message: Message;
  isDuplicate: boolean;
}

/**
 * The messages of one region. `appendMessage` resolves only after the write is durable, assigns
 * a `seq` strictly increasing per conversation without gaps under concurrency, and is
 * idempotent on `(conversationId, clientMsgId)`.
 */
export interface MessagePort {
  appendMessage(message: NewMessage): Promise<AppendResult>;
  /** Messages with `seq > afterSeq`, oldest first, at most `limit`. */
  listMessages(conversationId: string, options: { afterSeq: number; limit: number }): Promise<Message[]>;
  getMessage(conversationId: string, messageId: string): Promise<Message | null>;
  /** The message stored under this idempotency key, or null. */
  getMessageByClientId(conversationId: string, clientMsgId: string): Promise<Message | null>;
  /** Highest `seq` in the conversation, 0 when empty. */
  lastSeq(conversationId: string): Promise<number>;
  /**
   * Messages stored with `awaitsBot` and not settled yet, across the region's conversations,
   * oldest first, at most `limit`; only those stored before `storedBefore` when it is given.
   */
  listAwaitingBot(options: { limit: number; storedBefore?: Date | undefined }): Promise<AwaitingBotTurn[]>;
  /** Clears a message's `awaitsBot` mark (idempotent; an unknown id is not an error). */
  settleBotTurn(conversationId: string, messageId: string): Promise<void>;
}
