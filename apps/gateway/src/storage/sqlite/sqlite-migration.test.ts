import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, expect, it } from 'vitest';
import { SqliteRegionStore, sqliteRegionPath } from './sqlite-region-store.ts';
import { SQLITE_SCHEMA_VERSION, migrateSqlite, sqliteSchemaVersion } from './sqlite-migrations.ts';

const root = mkdtempSync(join(tmpdir(), 'parley-sqlite-migrate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// The schema of the first release (user_version 0, no bot_state, no meta), as a file on disk would have it.
const FIRST_RELEASE = `
  CREATE TABLE visitors (id TEXT PRIMARY KEY, site_key TEXT NOT NULL, created_at TEXT NOT NULL, user_id TEXT, user_name TEXT, user_email TEXT);
  CREATE TABLE conversations (id TEXT PRIMARY KEY, visitor_id TEXT NOT NULL REFERENCES visitors (id), site_key TEXT NOT NULL, locale TEXT NOT NULL, locale_source TEXT, created_at TEXT NOT NULL);
  CREATE TABLE messages (id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL REFERENCES conversations (id), seq INTEGER NOT NULL, client_msg_id TEXT NOT NULL, author_kind TEXT NOT NULL, author_name TEXT, text TEXT NOT NULL, locale TEXT, created_at TEXT NOT NULL, UNIQUE (conversation_id, seq), UNIQUE (conversation_id, client_msg_id));
  INSERT INTO visitors VALUES ('v_1', 'demo', '2026-01-01T00:00:00.000Z', 'u_1', NULL, NULL);
  INSERT INTO conversations VALUES ('c_1', 'v_1', 'demo', 'de-DE', NULL, '2026-01-01T00:00:00.000Z');
  INSERT INTO messages VALUES ('m_1', 'c_1', 1, 'k1', 'visitor', NULL, 'Hallo', 'de-DE', '2026-01-01T00:00:00.000Z');
`;

// The release just before numbered migrations: still user_version 0, with bot_state and meta (and tickets).
const LAST_UNNUMBERED_RELEASE = `
  CREATE TABLE visitors (id TEXT PRIMARY KEY, site_key TEXT NOT NULL, created_at TEXT NOT NULL, user_id TEXT, user_name TEXT, user_email TEXT);
  CREATE TABLE conversations (id TEXT PRIMARY KEY, visitor_id TEXT NOT NULL REFERENCES visitors (id), site_key TEXT NOT NULL, locale TEXT NOT NULL, locale_source TEXT, created_at TEXT NOT NULL, bot_state TEXT);
  CREATE INDEX conversations_by_visitor ON conversations (visitor_id);
  CREATE TABLE messages (id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL REFERENCES conversations (id), seq INTEGER NOT NULL, client_msg_id TEXT NOT NULL, author_kind TEXT NOT NULL, author_name TEXT, text TEXT NOT NULL, locale TEXT, created_at TEXT NOT NULL, meta TEXT, UNIQUE (conversation_id, seq), UNIQUE (conversation_id, client_msg_id));
  CREATE TABLE tickets (id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL REFERENCES conversations (id), site_key TEXT NOT NULL, email TEXT NOT NULL, locale TEXT NOT NULL, created_at TEXT NOT NULL);
  CREATE INDEX tickets_by_conversation ON tickets (conversation_id);
  INSERT INTO visitors VALUES ('v_1', 'demo', '2026-01-01T00:00:00.000Z', NULL, NULL, NULL);
  INSERT INTO conversations VALUES ('c_1', 'v_1', 'demo', 'ja_JP', 'message', '2026-01-01T00:00:00.000Z', '{"unknownStreak":1}');
  INSERT INTO messages VALUES ('m_1', 'c_1', 1, 'k1', 'bot', 'Parley', 'Hat das geholfen?', 'de-DE', '2026-01-01T00:00:00.000Z', '{"bot":{"intent":"order_status","templateKey":"feedback.ask"}}');
  INSERT INTO tickets VALUES ('t_1', 'c_1', 'demo', 'ana@example.com', 'de-DE', '2026-01-01T00:00:00.000Z');
`;

/** Writes the region file under `dir` as an earlier release left it. */
function writeFile(dir: string, setup: (db: DatabaseSync) => void): void {
  mkdirSync(dir, { recursive: true });
  const db = new DatabaseSync(sqliteRegionPath(dir, 'eu'));
  setup(db);
  db.close();
}

function versionOf(dir: string): number {
  const db = new DatabaseSync(sqliteRegionPath(dir, 'eu'));
  const version = sqliteSchemaVersion(db);
  db.close();
  return version;
}

it('migrates a first-release file (no bot_state, no meta): rows stay readable, new columns and tables work', async () => {
  const dir = join(root, 'first');
  writeFile(dir, (db) => db.exec(FIRST_RELEASE));
  const store = new SqliteRegionStore({ dataDir: dir, region: 'eu' });
  expect((await store.listMessages('c_1', { afterSeq: 0, limit: 10 })).map((m) => m.text)).toEqual(['Hallo']);
  expect(await store.getVisitor('v_1')).toMatchObject({ identity: { userId: 'u_1' } });
  expect(await store.getConversation('c_1')).toEqual({
    id: 'c_1', visitorId: 'v_1', siteKey: 'demo', locale: 'de-DE', createdAt: '2026-01-01T00:00:00.000Z',
    status: 'bot', assigneeId: null, updatedAt: '2026-01-01T00:00:00.000Z',
  });
  expect((await store.listConversations({ statuses: ['bot'], language: 'de', limit: 10 })).map((c) => c.id)).toEqual(['c_1']);
  const { message } = await store.appendMessage({
    conversationId: 'c_1', clientMsgId: 'k2', author: { kind: 'bot', name: 'Parley' }, text: 'Hat das geholfen?',
    bot: { intent: 'order_status', templateKey: 'feedback.ask' },
  });
  expect(message).toMatchObject({ seq: 2, bot: { templateKey: 'feedback.ask' } });
  await store.setBotState('c_1', { unknownStreak: 1 });
  expect(await store.updateConversation('c_1', { status: 'open' })).toMatchObject({ botState: { unknownStreak: 1 }, status: 'open', lastMessage: { seq: 2 } });
  await store.addNote({ id: 'n_1', conversationId: 'c_1', clientNoteId: 'k', author: { kind: 'agent' }, text: 'VIP', createdAt: '2026-01-02T00:00:00.000Z' });
  expect(await store.listNotes('c_1')).toHaveLength(1);
  await store.close();
  expect(versionOf(dir)).toBe(SQLITE_SCHEMA_VERSION);
});

it('migrates a file from the last release before numbered migrations, bot state, meta and tickets included', async () => {
  const dir = join(root, 'unnumbered');
  writeFile(dir, (db) => db.exec(LAST_UNNUMBERED_RELEASE));
  const store = new SqliteRegionStore({ dataDir: dir, region: 'eu' });
  expect(await store.getConversation('c_1')).toMatchObject({ locale: 'ja_JP', localeSource: 'message', botState: { unknownStreak: 1 }, status: 'bot' });
  expect(await store.countConversations({ language: 'ja' })).toBe(1);
  expect(await store.getMessage('c_1', 'm_1')).toMatchObject({ author: { kind: 'bot', name: 'Parley' }, bot: { templateKey: 'feedback.ask' } });
  expect((await store.listTickets('c_1')).map((t) => t.id)).toEqual(['t_1']);
  await store.close();
  expect(versionOf(dir)).toBe(SQLITE_SCHEMA_VERSION);
});

it('migrates a version-1 file, and opening it again changes nothing', async () => {
  const dir = join(root, 'v1');
  writeFile(dir, (db) => {
    migrateSqlite(db, 1);
    db.exec(`
      INSERT INTO visitors VALUES ('v_1', 'demo', '2026-01-01T00:00:00.000Z', NULL, NULL, NULL);
      INSERT INTO conversations VALUES ('c_1', 'v_1', 'demo', 'pt-BR', NULL, '2026-01-01T00:00:00.000Z', NULL);
      INSERT INTO messages VALUES ('m_1', 'c_1', 1, 'k1', 'visitor', NULL, 'Oi', NULL, '2026-01-01T00:00:00.000Z', NULL);
    `);
  });
  expect(versionOf(dir)).toBe(1);
  const store = new SqliteRegionStore({ dataDir: dir, region: 'eu' });
  expect(await store.getConversation('c_1')).toMatchObject({ status: 'bot', assigneeId: null, locale: 'pt-BR' });
  expect((await store.listConversationsOf({ visitorId: 'v_1' }, 5)).map((c) => c.id)).toEqual(['c_1']);
  expect((await store.listMessages('c_1', { afterSeq: 0, limit: 10 })).map((m) => m.text)).toEqual(['Oi']);
  await store.close();
  expect(versionOf(dir)).toBe(SQLITE_SCHEMA_VERSION);
  // Migrations 2 and 3 are not idempotent on their own (plain CREATE): a reopen that re-ran them would throw.
  const again = new SqliteRegionStore({ dataDir: dir, region: 'eu' });
  expect(await again.countConversations({})).toBe(1);
  await again.close();
});

it('migrates a version-2 file: the snooze filter finds its rows through the new index, and reopening changes nothing', async () => {
  const dir = join(root, 'v2');
  writeFile(dir, (db) => {
    migrateSqlite(db, 2);
    db.exec(`
      INSERT INTO visitors VALUES ('v_1', 'demo', '2026-01-01T00:00:00.000Z', NULL, NULL, NULL);
      INSERT INTO conversations (id, visitor_id, site_key, locale, created_at, status, snoozed_until, updated_at, language)
        VALUES ('c_1', 'v_1', 'demo', 'de-DE', '2026-01-01T00:00:00.000Z', 'snoozed', '2026-01-02T09:00:00.000Z', '2026-01-01T00:00:00.000Z', 'de'),
               ('c_2', 'v_1', 'demo', 'de-DE', '2026-01-01T00:00:00.000Z', 'open', NULL, '2026-01-01T00:00:00.000Z', 'de');
    `);
  });
  expect(versionOf(dir)).toBe(2);
  const store = new SqliteRegionStore({ dataDir: dir, region: 'eu' });
  expect((await store.listConversations({ snoozedUntilBefore: '2026-01-02T09:00:00.000Z', limit: 10 })).map((c) => c.id)).toEqual(['c_1']);
  expect(await store.countConversations({ snoozedUntilBefore: '2026-01-02T08:59:59.999Z' })).toBe(0);
  expect(await store.updateConversationIf('c_2', { assigneeId: null }, { assigneeId: 'a_1' })).toMatchObject({ ok: true });
  await store.close();
  expect(versionOf(dir)).toBe(SQLITE_SCHEMA_VERSION);
  const db = new DatabaseSync(sqliteRegionPath(dir, 'eu'));
  const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM conversations WHERE snoozed_until <= ?').all('2026-01-02T09:00:00.000Z');
  db.close();
  expect(plan.map((step) => String(step['detail'])).join('\n')).toContain('conversations_by_snooze');
  const again = new SqliteRegionStore({ dataDir: dir, region: 'eu' });
  expect(await again.countConversations({ snoozedUntilBefore: '2026-01-03T00:00:00.000Z' })).toBe(1);
  await again.close();
});

it('migrates a version-4 file: old messages owe nothing, new marks are listed through the partial index', async () => {
  const dir = join(root, 'v4');
  writeFile(dir, (db) => {
    migrateSqlite(db, 4);
    db.exec(`
      INSERT INTO visitors VALUES ('v_1', 'demo', '2026-01-01T00:00:00.000Z', NULL, NULL, NULL);
      INSERT INTO conversations (id, visitor_id, site_key, locale, created_at, status, updated_at, language)
        VALUES ('c_1', 'v_1', 'demo', 'de-DE', '2026-01-01T00:00:00.000Z', 'bot', '2026-01-01T00:00:00.000Z', 'de');
      INSERT INTO messages (id, conversation_id, seq, client_msg_id, author_kind, text, created_at)
        VALUES ('m_1', 'c_1', 1, 'k1', 'visitor', 'Hallo', '2026-01-01T00:00:00.000Z');
    `);
  });
  expect(versionOf(dir)).toBe(4);
  const store = new SqliteRegionStore({ dataDir: dir, region: 'eu' });
  expect(await store.listAwaitingBot({ limit: 10 })).toEqual([]);
  const { message } = await store.appendMessage({ conversationId: 'c_1', clientMsgId: 'k2', author: { kind: 'visitor' }, text: 'Wo ist mein Paket?', awaitsBot: true });
  expect(message.seq).toBe(2);
  expect(await store.listAwaitingBot({ limit: 10 })).toEqual([{ message, storedAt: message.createdAt }]);
  await store.settleBotTurn('c_1', message.id);
  expect(await store.listAwaitingBot({ limit: 10 })).toEqual([]);
  await store.close();
  expect(versionOf(dir)).toBe(SQLITE_SCHEMA_VERSION);
  const db = new DatabaseSync(sqliteRegionPath(dir, 'eu'));
  const plan = db.prepare('EXPLAIN QUERY PLAN SELECT * FROM messages WHERE awaits_bot = 1 AND created_at < ? ORDER BY created_at ASC, rowid ASC LIMIT 5').all('9999');
  db.close();
  expect(plan.map((step) => String(step['detail'])).join('\n')).toContain('messages_awaiting_bot');
});

it('migrates a version-5 file: old messages stay readable and take translations, the switch and the cache work', async () => {
  const dir = join(root, 'v5');
  writeFile(dir, (db) => {
    migrateSqlite(db, 5);
    db.exec(`
      INSERT INTO visitors VALUES ('v_1', 'demo', '2026-01-01T00:00:00.000Z', NULL, NULL, NULL);
      INSERT INTO conversations (id, visitor_id, site_key, locale, created_at, status, updated_at, language)
        VALUES ('c_1', 'v_1', 'demo', 'es-ES', '2026-01-01T00:00:00.000Z', 'open', '2026-01-01T00:00:00.000Z', 'es');
      INSERT INTO messages (id, conversation_id, seq, client_msg_id, author_kind, author_name, text, locale, created_at, meta)
        VALUES ('m_1', 'c_1', 1, 'k1', 'visitor', NULL, '¿Dónde está mi pedido?', 'es-ES', '2026-01-01T00:00:00.000Z', NULL),
               ('m_2', 'c_1', 2, 'k2', 'bot', 'Parley', 'Un momento', 'es-ES', '2026-01-01T00:00:01.000Z', '{"bot":{"intent":"order_status","templateKey":"order.wait"}}');
    `);
  });
  expect(versionOf(dir)).toBe(5);
  const store = new SqliteRegionStore({ dataDir: dir, region: 'eu' });
  const before = await store.listMessages('c_1', { afterSeq: 0, limit: 10 });
  expect(before.map((m) => m.text)).toEqual(['¿Dónde está mi pedido?', 'Un momento']);
  expect(before[0]).not.toHaveProperty('translations');
  const translated = await store.addMessageTranslations('c_1', 'm_2', { translations: { en: { text: 'One moment', provider: 'deepl' } } });
  expect(translated).toEqual({ ...before[1], translations: { en: { text: 'One moment', provider: 'deepl' } } });
  expect(await store.getConversation('c_1')).not.toHaveProperty('translation');
  const off = { isOff: true, by: 'a_1', at: '2026-01-02T00:00:00.000Z' };
  expect(await store.updateConversation('c_1', { translation: off })).toMatchObject({ translation: off, status: 'open' });
  await store.putCachedTranslation({ key: 'k', text: 'Where is my order?', provider: 'deepl', storedAt: '2026-01-02T00:00:00.000Z' });
  await store.close();
  expect(versionOf(dir)).toBe(SQLITE_SCHEMA_VERSION);
  // Version 6 is plain ALTER/CREATE: a reopen that re-ran it would throw.
  const again = new SqliteRegionStore({ dataDir: dir, region: 'eu' });
  expect(await again.getMessage('c_1', 'm_2')).toEqual(translated);
  expect(await again.getCachedTranslation('k')).toMatchObject({ text: 'Where is my order?' });
  await again.close();
});

it('creates a new file at the newest version', async () => {
  const dir = join(root, 'fresh');
  const store = new SqliteRegionStore({ dataDir: dir, region: 'eu' });
  await store.close();
  expect(versionOf(dir)).toBe(SQLITE_SCHEMA_VERSION);
  expect(SQLITE_SCHEMA_VERSION).toBe(6);
});
