import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, expect, it } from 'vitest';
import { SqliteConversationStore } from './sqlite-store.ts';

const root = mkdtempSync(join(tmpdir(), 'parley-sqlite-migrate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('opens a file written before bot meta existed, keeps its messages and adds the new columns', async () => {
  // The schema of the first release, as a file on disk would have it.
  const old = new DatabaseSync(join(root, 'eu.sqlite'));
  old.exec(`
    CREATE TABLE visitors (id TEXT PRIMARY KEY, site_key TEXT NOT NULL, created_at TEXT NOT NULL, user_id TEXT, user_name TEXT, user_email TEXT);
    CREATE TABLE conversations (id TEXT PRIMARY KEY, visitor_id TEXT NOT NULL REFERENCES visitors (id), site_key TEXT NOT NULL, locale TEXT NOT NULL, locale_source TEXT, created_at TEXT NOT NULL);
    CREATE TABLE messages (id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL REFERENCES conversations (id), seq INTEGER NOT NULL, client_msg_id TEXT NOT NULL, author_kind TEXT NOT NULL, author_name TEXT, text TEXT NOT NULL, locale TEXT, created_at TEXT NOT NULL, UNIQUE (conversation_id, seq), UNIQUE (conversation_id, client_msg_id));
    INSERT INTO visitors VALUES ('v_1', 'demo', '2026-01-01T00:00:00.000Z', NULL, NULL, NULL);
    INSERT INTO conversations VALUES ('c_1', 'v_1', 'demo', 'de-DE', NULL, '2026-01-01T00:00:00.000Z');
    INSERT INTO messages VALUES ('m_1', 'c_1', 1, 'k1', 'visitor', NULL, 'Hallo', 'de-DE', '2026-01-01T00:00:00.000Z');
  `);
  old.close();

  const store = new SqliteConversationStore({ dataDir: root, region: 'eu' });
  expect((await store.listMessages('c_1', { afterSeq: 0, limit: 10 })).map((m) => m.text)).toEqual(['Hallo']);
  const { message } = await store.appendMessage({
    conversationId: 'c_1',
    clientMsgId: 'k2',
    author: { kind: 'bot', name: 'Parley' },
    text: 'Hat das geholfen?',
    bot: { intent: 'order_status', templateKey: 'feedback.ask' },
  });
  expect(message).toMatchObject({ seq: 2, bot: { templateKey: 'feedback.ask' } });
  await store.setBotState('c_1', { unknownStreak: 1 });
  expect((await store.getConversation('c_1'))!.botState).toEqual({ unknownStreak: 1 });
  await store.close();
});
