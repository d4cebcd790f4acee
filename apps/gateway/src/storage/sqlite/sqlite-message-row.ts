import type { AuthorKind, Message } from '@parley/protocol';
import type { ConversationRecord, NewMessage } from '../region-store.ts';
import { translationFieldsOf } from '../message-translations.ts';

/** A `messages` row as node:sqlite returns it. */
export interface MessageRow {
  id: string;
  conversation_id: string;
  seq: number;
  client_msg_id: string;
  author_kind: string;
  author_name: string | null;
  author_id: string | null;
  text: string;
  locale: string | null;
  created_at: string;
  /** JSON of the optional fields (`MessageMeta`); null when there are none. */
  meta: string | null;
}

/**
 * The optional fields of a message, kept as one JSON column: they are read only with the
 * message, never filtered on, so a column each would buy nothing.
 */
export type MessageMeta = Pick<Message, 'bot' | 'quickReplies' | 'original' | 'translations' | 'canned'>;

/** A row back as the port's message; the meta's fields are spread onto it as stored. */
export function toMessage(row: MessageRow): Message {
  const author: Message['author'] = { kind: row.author_kind as AuthorKind };
  if (row.author_id) author.id = row.author_id;
  if (row.author_name) author.name = row.author_name;
  const message: Message = {
    id: row.id,
    conversationId: row.conversation_id,
    seq: Number(row.seq),
    clientMsgId: row.client_msg_id,
    author,
    text: row.text,
    createdAt: row.created_at,
  };
  if (row.locale) message.locale = row.locale;
  if (row.meta) Object.assign(message, parseMeta(row.meta));
  return message;
}

/** The stored meta JSON as an object; `{}` for none. */
export function parseMeta(meta: string | null): MessageMeta {
  return meta ? (JSON.parse(meta) as MessageMeta) : {};
}

/** The meta JSON of a new message, or null when it has no optional fields. */
export function messageMeta(input: NewMessage): string | null {
  const meta: MessageMeta = translationFieldsOf(input);
  if (input.bot) meta.bot = input.bot;
  if (input.quickReplies?.length) meta.quickReplies = input.quickReplies;
  return metaJson(meta);
}

/** A meta object as its column value: null when empty. */
export function metaJson(meta: MessageMeta): string | null {
  return Object.keys(meta).length > 0 ? JSON.stringify(meta) : null;
}

/** What a conversation records about its newest message. */
export function lastMessageOf(row: MessageRow): NonNullable<ConversationRecord['lastMessage']> {
  return {
    authorKind: row.author_kind,
    ...(row.author_name ? { authorName: row.author_name } : {}),
    text: row.text,
    seq: Number(row.seq),
    createdAt: row.created_at,
  };
}
