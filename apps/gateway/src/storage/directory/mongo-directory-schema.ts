import type { Db } from 'mongodb';
import { guard as guardStore, isDuplicateKey } from '../mongo/mongo-support.ts';

export { isDuplicateKey };

/**
 * The numbered migrations of the directory database: entry i takes `schema_meta.directory.version`
 * from i to i + 1. Each is idempotent (two gateways may start at once). Append only.
 */
export const DIRECTORY_MONGO_MIGRATIONS: ReadonlyArray<(db: Db) => Promise<void>> = [
  // 1: unique lower-cased email and token hash; sessions and tokens by agent.
  async (db) => {
    await db.collection('agents').createIndex({ email: 1 }, { unique: true, name: 'email_unique' });
    await db.collection('agents').createIndex({ createdAt: 1, _id: 1 }, { name: 'by_created' });
    await db.collection('sessions').createIndex({ agentId: 1 }, { name: 'by_agent' });
    await db.collection('api_tokens').createIndex({ tokenHash: 1 }, { unique: true, name: 'token_hash_unique' });
    await db.collection('api_tokens').createIndex({ agentId: 1, createdAt: 1 }, { name: 'by_agent' });
  },
  // 2: live translation: the newest usage revision per site and month; canned replies per site.
  async (db) => {
    await db.collection('translation_usage').createIndex({ siteKey: 1, month: 1, rev: -1 }, { name: 'by_site_month' });
    await db.collection('site_canned_replies').createIndex({ siteKey: 1, key: 1 }, { name: 'by_site' });
  },
];

/** The schema version this build writes and understands. */
export const DIRECTORY_MONGO_VERSION = DIRECTORY_MONGO_MIGRATIONS.length;

interface SchemaMetaDoc {
  _id: string;
  version: number;
}

/** Brings the directory database up to DIRECTORY_MONGO_VERSION; refuses one from a newer Parley. */
export async function migrateDirectory(db: Db, dbName: string): Promise<void> {
  const meta = db.collection<SchemaMetaDoc>('schema_meta');
  const stored = (await meta.findOne({ _id: 'directory' }))?.version ?? 0;
  if (stored > DIRECTORY_MONGO_VERSION) {
    throw new Error(
      `MongoDB database ${dbName} has directory schema version ${stored}, newer than this Parley understands (${DIRECTORY_MONGO_VERSION}); upgrade Parley or restore a backup`,
    );
  }
  for (let version = stored; version < DIRECTORY_MONGO_VERSION; version += 1) {
    await DIRECTORY_MONGO_MIGRATIONS[version]!(db);
    try {
      // Only ever raises the version. When another instance got there first, the filter misses,
      // the upsert collides with its `_id` (11000) and there is nothing left to do.
      await meta.updateOne({ _id: 'directory', version: { $lt: version + 1 } }, { $set: { version: version + 1 } }, { upsert: true });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
}

/** Like the region stores' guard, naming the directory when it cannot be reached. */
export function guard<T>(operation: () => Promise<T>): Promise<T> {
  return guardStore(operation, 'The directory store is unreachable; nothing was saved.');
}
