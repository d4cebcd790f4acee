import type { Collection, Db } from 'mongodb';
import type { AuditAction, AuditRecord, VisitorIdentityRecord } from '../region-store.ts';
import type { Author, Message } from '@parley/protocol';

/** A visitor document. */
export interface VisitorDoc {
  _id: string;
  siteKey: string;
  createdAt: Date;
  identity?: VisitorIdentityRecord;
}

/**
 * A conversation document: the record's fields under their own names (instants as Dates), plus
 * two derived fields the inbox queries need: `language` (primary subtag of `locale`, for an
 * equality filter) and `waitRank` (minus the epoch milliseconds of `waitingSince`, absent when
 * not waiting). Sorting `waitRank` descending puts the longest-waiting first and, because a
 * missing field sorts lowest on every MongoDB-wire server, the never-waited last. `claimRev` is
 * the last assignee compare-and-set applied (see `AssigneeClaimDoc`); absent means none yet.
 */
export interface ConversationDoc {
  _id: string;
  visitorId: string;
  siteKey: string;
  locale: string;
  createdAt: Date;
  language?: string;
  waitRank?: number;
  claimRev?: number;
  [field: string]: unknown;
}

/**
 * One decided compare-and-set on a conversation's assignee, `_id` `<conversationId>:<rev>`.
 * Whoever inserts revision `claimRev + 1` first wins (the unique `_id` decides, on every
 * server); the change it carries (`set`/`unset`, derived fields included) is then applied to the
 * conversation, by the winner or, should it stop halfway, by the next caller.
 */
export interface AssigneeClaimDoc {
  _id: string;
  conversationId: string;
  rev: number;
  set: Record<string, unknown>;
  unset: string[];
  at: Date;
}

/** A message document; unique on `(conversationId, seq)` and `(conversationId, clientMsgId)`. */
export interface MessageDoc {
  _id: string;
  conversationId: string;
  seq: number;
  clientMsgId: string;
  author: Message['author'];
  text: string;
  locale?: string;
  createdAt: Date;
  bot?: Message['bot'];
  quickReplies?: Message['quickReplies'];
  /** The author's words when `text` is a translation of them. */
  original?: Message['original'];
  /** A sub-document keyed by primary language (`en`): one `$set` of `translations.<lang>` adds one. */
  translations?: Message['translations'];
  canned?: Message['canned'];
}

/** A cached machine translation (`translation_cache`): `_id` is the entry's key, looked up by it alone. */
export interface TranslationCacheDoc {
  _id: string;
  text: string;
  provider: string;
  storedAt: Date;
}

/** A message the bot still owes an answer (`bot_turns`): `_id` is the message's; deleted once settled. */
export interface BotTurnDoc {
  _id: string;
  conversationId: string;
  createdAt: Date;
}

/** An offline ticket document. */
export interface TicketDoc {
  _id: string;
  conversationId: string;
  siteKey: string;
  email: string;
  locale: string;
  createdAt: Date;
}

/** An internal note document; unique on `(conversationId, clientNoteId)`. */
export interface NoteDoc {
  _id: string;
  conversationId: string;
  clientNoteId: string;
  author: Author;
  text: string;
  createdAt: Date;
}

/** An audit document. */
export interface AuditDoc {
  _id: string;
  conversationId: string;
  actorId: string;
  action: AuditAction;
  details?: NonNullable<AuditRecord['details']>;
  at: Date;
}

/** The schema version document in `schema_meta`. */
export interface SchemaMetaDoc {
  _id: string;
  version: number;
}

/** The collections of one region's database. */
export interface RegionCollections {
  visitors: Collection<VisitorDoc>;
  conversations: Collection<ConversationDoc>;
  claims: Collection<AssigneeClaimDoc>;
  messages: Collection<MessageDoc>;
  botTurns: Collection<BotTurnDoc>;
  tickets: Collection<TicketDoc>;
  notes: Collection<NoteDoc>;
  audit: Collection<AuditDoc>;
  translationCache: Collection<TranslationCacheDoc>;
  schemaMeta: Collection<SchemaMetaDoc>;
}

/** Names the collections of a region's database. */
export function regionCollections(db: Db): RegionCollections {
  return {
    visitors: db.collection('visitors'),
    conversations: db.collection('conversations'),
    claims: db.collection('conversation_claims'),
    messages: db.collection('messages'),
    botTurns: db.collection('bot_turns'),
    tickets: db.collection('tickets'),
    notes: db.collection('notes'),
    audit: db.collection('audit'),
    translationCache: db.collection('translation_cache'),
    schemaMeta: db.collection('schema_meta'),
  };
}
