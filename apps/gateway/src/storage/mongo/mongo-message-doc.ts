import type { Message } from '@parley/protocol';
import { translationFieldsOf } from '../message-translations.ts';
import type { MessageDoc } from './mongo-docs.ts';

/** A stored message document as the port's `Message` (the bot-turn mark is not part of it). */
export function toMessage(doc: MessageDoc): Message {
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
  // Only the known members: what a server adds (or a stray field) does not leak into the message.
  Object.assign(message, translationFieldsOf(doc));
  return message;
}
