import type { Author, BotMeta, Message, QuickReply } from '@parley/protocol';

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
  /** Highest `seq` in the conversation, 0 when empty. */
  lastSeq(conversationId: string): Promise<number>;
}
