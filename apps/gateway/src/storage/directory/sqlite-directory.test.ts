import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { describeDirectoryStoreContract, sampleAgent } from './directory-store.contract.ts';
import { SqliteDirectoryStore } from './sqlite-directory.ts';
import { DIRECTORY_SQLITE_MIGRATIONS, DIRECTORY_SQLITE_VERSION } from './sqlite-directory-schema.ts';

const root = mkdtempSync(join(tmpdir(), 'parley-directory-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describeDirectoryStoreContract('SQLite (node:sqlite, WAL)', async (location) => new SqliteDirectoryStore({ dataDir: join(root, location) }));

describe('directory.sqlite schema versions', () => {
  function pragma(dataDir: string, name: string): unknown {
    const db = new DatabaseSync(join(dataDir, 'directory.sqlite'));
    const value = db.prepare(`PRAGMA ${name}`).get()?.[name];
    db.close();
    return value;
  }

  it('creates version 2 from nothing, in WAL mode, and reopens without migrating again', async () => {
    const dataDir = join(root, 'fresh');
    const store = new SqliteDirectoryStore({ dataDir });
    const agent = sampleAgent();
    await store.createAgent(agent);
    await store.close();
    expect(DIRECTORY_SQLITE_VERSION).toBe(2);
    expect(pragma(dataDir, 'user_version')).toBe(2);
    expect(pragma(dataDir, 'journal_mode')).toBe('wal');
    const reopened = new SqliteDirectoryStore({ dataDir });
    expect(await reopened.getAgent(agent.id)).toEqual(agent);
    await reopened.close();
  });

  it('refuses a file written by a newer Parley and leaves it untouched', () => {
    const dataDir = join(root, 'newer');
    new SqliteDirectoryStore({ dataDir }).close();
    const db = new DatabaseSync(join(dataDir, 'directory.sqlite'));
    db.exec('PRAGMA user_version = 7');
    db.close();
    expect(() => new SqliteDirectoryStore({ dataDir })).toThrow(/schema version 7, newer than this Parley understands \(2\)/);
    expect(pragma(dataDir, 'user_version')).toBe(7);
  });

  it('migrates a version-1 file: agents and settings stay, usage and canned replies work', async () => {
    const dataDir = join(root, 'v1');
    mkdirSync(dataDir, { recursive: true });
    const db = new DatabaseSync(join(dataDir, 'directory.sqlite'));
    db.exec(DIRECTORY_SQLITE_MIGRATIONS[0]!);
    db.exec('PRAGMA user_version = 1');
    db.exec(`INSERT INTO settings (name, value) VALUES ('workspace', '{"isTotpRequired":true}')`);
    db.close();
    const store = new SqliteDirectoryStore({ dataDir });
    expect(pragma(dataDir, 'user_version')).toBe(2);
    expect(await store.getSettings()).toEqual({ isTotpRequired: true });
    const agent = sampleAgent();
    await store.createAgent(agent);
    expect(await store.addTranslationUsage('demo', '2026-12', 42)).toBe(42);
    await store.putSiteCannedReply({ siteKey: 'demo', key: 'hi', title: 'Hi', bodies: { 'de-DE': 'Hallo' }, updatedAt: '2026-12-01T00:00:00.000Z', updatedBy: agent.id });
    await store.close();
    const reopened = new SqliteDirectoryStore({ dataDir });
    expect(await reopened.getTranslationUsage('demo', '2026-12')).toBe(42);
    expect((await reopened.listSiteCannedReplies('demo')).map((reply) => reply.key)).toEqual(['hi']);
    await reopened.close();
  });

  it('works in memory for tests', async () => {
    const store = new SqliteDirectoryStore({ dataDir: ':memory:' });
    await store.createAgent(sampleAgent({ email: 'mem@shop.example' }));
    expect((await store.listAgents()).map((agent) => agent.email)).toEqual(['mem@shop.example']);
    await store.close();
  });
});
