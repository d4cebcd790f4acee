import { z } from 'zod';
import { LIMITS } from '../../limits.ts';
import { MessageTextSchema, QuickReplyIdSchema } from '../common.ts';
import type { Message } from '../common.ts';

/** `message:send` — the visitor sends a message. Acked with the stored message once durable;
 * a repeated `clientMsgId` is acked with the original message and stores nothing new. */
export const MESSAGE_SEND = 'message:send';
export const MessageSendSchema = z.object({
  clientMsgId: z.uuid(),
  text: MessageTextSchema,
  /** Set when the shopper pressed a quick reply: its id (the text is then its label). */
  quickReply: QuickReplyIdSchema.optional(),
});
export type MessageSend = z.infer<typeof MessageSendSchema>;
export type MessageSendAckData = Message;

/** `message:created` — a message was stored in the conversation (any author), with its `seq`. */
export const MESSAGE_CREATED = 'message:created';

/** `history:fetch` — every message with `seq` greater than `afterSeq`, oldest first. */
export const HISTORY_FETCH = 'history:fetch';
export const HistoryFetchSchema = z.object({
  afterSeq: z.int().nonnegative(),
  limit: z.int().min(1).max(LIMITS.historyPageMax).optional(),
});
export type HistoryFetch = z.infer<typeof HistoryFetchSchema>;
export interface HistoryFetchAckData {
  messages: Message[];
  /** More messages exist after the last one returned; fetch again from its `seq`. */
  hasMore: boolean;
}
