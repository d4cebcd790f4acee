import type { DatabaseSync } from 'node:sqlite';
import { migrateToV1 } from './migrations/v1-initial.ts';
import { migrateToV2 } from './migrations/v2-workspace.ts';
import { migrateToV3 } from './migrations/v3-snooze.ts';
import { migrateToV4 } from './migrations/v4-author-ids.ts';
import { migrateToV5 } from './migrations/v5-bot-turns.ts';
import { migrateToV6 } from './migrations/v6-translations.ts';

/** One numbered schema change. `up` runs at most once per file, in order, in a transaction. */
export interface SqliteMigration {
  version: number;
  description: string;
  up(db: DatabaseSync): void;
}

/** Every migration, oldest first; `version` is the position + 1 and the `user_version` it leaves. */
export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  { version: 1, description: 'schema of the releases before numbered migrations', up: migrateToV1 },
  { version: 2, description: "agents' workspace: inbox fields, notes, audit", up: migrateToV2 },
  { version: 3, description: 'snooze sweep index', up: migrateToV3 },
  { version: 4, description: 'author ids on messages and notes', up: migrateToV4 },
  { version: 5, description: "bot-turn marks on messages (the bot's owed answers)", up: migrateToV5 },
  { version: 6, description: 'live translation: conversation switch, translation cache', up: migrateToV6 },
];

/** The version a file is at once opened by this release. */
export const SQLITE_SCHEMA_VERSION = SQLITE_MIGRATIONS.length;

/** The file's schema version (`PRAGMA user_version`; 0 for files from before numbered migrations). */
export function sqliteSchemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  return Number(row?.user_version ?? 0);
}

/**
 * Brings the file up to `target` (default: newest). Each step takes the write lock first
 * (`BEGIN IMMEDIATE`) and re-reads the version under it, so two processes opening the same file
 * at once apply each step exactly once; the step and its `user_version` commit together.
 */
export function migrateSqlite(db: DatabaseSync, target = SQLITE_SCHEMA_VERSION): void {
  for (const migration of SQLITE_MIGRATIONS) {
    if (migration.version > target) return;
    if (sqliteSchemaVersion(db) >= migration.version) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      if (sqliteSchemaVersion(db) < migration.version) {
        migration.up(db);
        db.exec(`PRAGMA user_version = ${migration.version}`);
      }
      db.exec('COMMIT');
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw new Error(`SQLite migration ${migration.version} (${migration.description}) failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
}
