import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll } from 'vitest';
import { describeRegionStoreContract } from '../region-store.contract.ts';
import { SqliteRegionStore, sqliteRegionPath } from './sqlite-region-store.ts';

const root = mkdtempSync(join(tmpdir(), 'parley-sqlite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describeRegionStoreContract(
  'SQLite (node:sqlite, WAL)',
  async (location) => new SqliteRegionStore({ dataDir: join(root, location), region: 'eu' }),
  {
    async writeLegacyConversation(location, conversation) {
      // A second connection, as another process on the same file would be; only the first release's columns.
      const db = new DatabaseSync(sqliteRegionPath(join(root, location), 'eu'));
      db.exec('PRAGMA busy_timeout = 5000');
      db.prepare('INSERT INTO conversations (id, visitor_id, site_key, locale, created_at) VALUES (?, ?, ?, ?, ?)').run(
        conversation.id,
        conversation.visitorId,
        conversation.siteKey,
        conversation.locale,
        conversation.createdAt,
      );
      db.close();
    },
  },
);
