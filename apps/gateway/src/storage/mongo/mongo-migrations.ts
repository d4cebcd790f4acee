/*
 * Which indexes the servers use (checked with `explain`, FerretDB v1.24.2, SQLite backend):
 *
 * - FerretDB v1 on SQLite creates every index as a SQLite expression index and enforces the
 *   unique ones on insert (an index lookup, cost independent of the collection's size), but no
 *   read uses any of them. Its backend is handed a filter only when the filter is `{ _id }`
 *   alone (`filterPushdown: true`), a sort only when it is `$natural`, a limit only with neither
 *   filter nor sort; everything else reads the whole table and filters, sorts and limits in Go,
 *   decoding every document. Even the `_id` filter plans as `SCAN` (the query's JSON path,
 *   `->'$._id'`, is not the index's `->"_id"`), but the comparison at least runs inside SQLite.
 *   So there, `lastSeq`, `listMessages`, the clientMsgId lookup, the sweep of owed bot turns and
 *   any update filtered on more than `_id` cost one pass over their collection.
 * - MongoDB (and FerretDB v2, DocumentDB, Cosmos DB) use the indexes below for all of them:
 *   `conversation_seq` for `lastSeq` (backwards, limit 1) and `listMessages`,
 *   `conversation_client_msg` for the duplicate lookup, `_id` for `getMessage` and the
 *   conversation's `lastMessage` update, `by_created` on `bot_turns` for `listAwaitingBot`.
 *
 * Hence the append path issues no read of the messages: the next seq is kept in memory and the
 * unique index corrects it (see mongo-messages.ts); reads that remain are shaped as `{ _id }`
 * where the data allows it (getMessage, the conversation's seq hint). The bot's owed answers are
 * a collection of their own, holding only what is owed now, so marking and settling never touch
 * the (large) messages collection beyond the message's own insert.
 */
import type { AnyBulkWriteOperation } from 'mongodb';
import { languageOf } from '../conversation-fields.ts';
import type { ConversationDoc, RegionCollections } from './mongo-docs.ts';
import { guard, isDuplicateKey } from './mongo-support.ts';

/**
 * One numbered change to a region's indexes or document shapes. `up` must be idempotent: two
 * processes starting at once may both run it (there are no portable locks or transactions).
 */
export interface MongoMigration {
  version: number;
  description: string;
  up(collections: RegionCollections): Promise<void>;
}

/** Where the version lives: `schema_meta` `{ _id: 'region', version }`. */
export const MONGO_SCHEMA_META_ID = 'region';

const BACKFILL_BATCH = 500;

/** Every migration, oldest first. Frozen once released: a change is a new entry. */
export const MONGO_MIGRATIONS: readonly MongoMigration[] = [
  {
    version: 1,
    description: 'indexes of the releases before numbered migrations',
    async up({ messages, conversations, tickets }) {
      await messages.createIndex({ conversationId: 1, seq: 1 }, { unique: true, name: 'conversation_seq' });
      await messages.createIndex({ conversationId: 1, clientMsgId: 1 }, { unique: true, name: 'conversation_client_msg' });
      await conversations.createIndex({ visitorId: 1 }, { name: 'by_visitor' });
      await tickets.createIndex({ conversationId: 1 }, { name: 'by_conversation' });
    },
  },
  {
    version: 2,
    description: "agents' workspace: inbox indexes, notes, audit, language/updatedAt backfill",
    async up({ conversations, notes, audit }) {
      await conversations.createIndex({ status: 1, waitRank: -1, updatedAt: -1 }, { name: 'inbox' });
      await conversations.createIndex({ assigneeId: 1, status: 1 }, { name: 'by_assignee' });
      await conversations.createIndex({ siteKey: 1, status: 1 }, { name: 'by_site' });
      await conversations.createIndex({ slaDueAt: 1 }, { name: 'by_sla' });
      await conversations.createIndex({ userId: 1, createdAt: -1 }, { name: 'by_user' });
      await notes.createIndex({ conversationId: 1, clientNoteId: 1 }, { unique: true, name: 'conversation_client_note' });
      await audit.createIndex({ conversationId: 1, at: 1 }, { name: 'by_conversation' });
      await backfillConversations(conversations);
    },
  },
  {
    version: 3,
    description: 'snooze sweep index',
    async up({ conversations }) {
      // A plain single-field index: partial and sparse indexes are not portable across servers.
      await conversations.createIndex({ snoozedUntil: 1 }, { name: 'by_snooze' });
    },
  },
  {
    version: 4,
    description: "the bot's owed answers (bot_turns)",
    async up({ botTurns }) {
      // The sweep reads them oldest first; the collection holds only what is owed right now.
      await botTurns.createIndex({ createdAt: 1 }, { name: 'by_created' });
    },
  },
];

/** The version a database is at once initialised by this release. */
export const MONGO_SCHEMA_VERSION = MONGO_MIGRATIONS.length;

/** The database's schema version; 0 for databases from before numbered migrations. */
export async function mongoSchemaVersion(collections: RegionCollections): Promise<number> {
  const meta = await guard(() => collections.schemaMeta.findOne({ _id: MONGO_SCHEMA_META_ID }));
  return meta?.version ?? 0;
}

/**
 * Brings the database up to `target` (default: newest). The version only moves forward: the
 * bump matches only a lower version, and the upsert that loses a race to another process's
 * insert fails with a duplicate key, which means that process recorded it already.
 */
export async function migrateMongo(collections: RegionCollections, target = MONGO_SCHEMA_VERSION): Promise<void> {
  let current = await mongoSchemaVersion(collections);
  for (const migration of MONGO_MIGRATIONS) {
    if (migration.version > target) return;
    if (current >= migration.version) continue;
    await guard(() => migration.up(collections));
    try {
      await guard(() =>
        collections.schemaMeta.updateOne(
          { _id: MONGO_SCHEMA_META_ID, version: { $lt: migration.version } },
          { $set: { version: migration.version } },
          { upsert: true },
        ),
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    current = migration.version;
  }
}

/**
 * Gives conversations from before version 2 their derived `language`, an `updatedAt` (when
 * created) and `status` `bot`. Per document (no pipeline updates: not portable); the filter
 * repeats the condition so a second process running at once changes nothing twice.
 */
async function backfillConversations(conversations: RegionCollections['conversations']): Promise<void> {
  const cursor = conversations.find({ language: { $exists: false } }).project<Pick<ConversationDoc, '_id' | 'locale' | 'createdAt' | 'updatedAt' | 'status'>>({
    locale: 1,
    createdAt: 1,
    updatedAt: 1,
    status: 1,
  });
  let batch: Array<AnyBulkWriteOperation<ConversationDoc>> = [];
  for await (const doc of cursor) {
    batch.push({
      updateOne: {
        filter: { _id: doc._id, language: { $exists: false } },
        update: { $set: { language: languageOf(doc.locale), updatedAt: doc.updatedAt ?? doc.createdAt, status: doc.status ?? 'bot' } },
      },
    });
    if (batch.length >= BACKFILL_BATCH) {
      await conversations.bulkWrite(batch, { ordered: false });
      batch = [];
    }
  }
  if (batch.length > 0) await conversations.bulkWrite(batch, { ordered: false });
}
