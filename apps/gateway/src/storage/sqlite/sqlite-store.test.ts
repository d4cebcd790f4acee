import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { describeConversationStoreContract } from '../conversation-store.contract.ts';
import { SqliteConversationStore } from './sqlite-store.ts';

const root = mkdtempSync(join(tmpdir(), 'parley-sqlite-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describeConversationStoreContract('SQLite (node:sqlite, WAL)', async (location) =>
  new SqliteConversationStore({ dataDir: join(root, location), region: 'eu' }),
);
