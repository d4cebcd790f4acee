import { afterAll, describe, expect, inject, it } from 'vitest';
import { MongoClient } from 'mongodb';
import { randomUUID } from 'node:crypto';
import { regionCollections } from './mongo-docs.ts';
import { MONGO_SCHEMA_VERSION, migrateMongo, mongoSchemaVersion } from './mongo-migrations.ts';
import { MongoRegionStore } from './mongo-region-store.ts';
import { mongoTestTarget } from '../../../test/mongo-target.ts';

const target = mongoTestTarget(inject('mongodbUri'), inject('mongodbSkipReason'));
const CREATED = new Date('2026-01-01T00:00:00.000Z');

describe.skipIf(!target.uri)('MongoDB-wire migrations', () => {
  const client = new MongoClient(target.uri ?? 'mongodb://unused', { serverSelectionTimeoutMS: 5000 });
  const databases: string[] = [];
  const freshDb = (): string => {
    const name = `parley_migrate_${randomUUID().slice(0, 8)}`;
    databases.push(name);
    return name;
  };
  afterAll(async () => {
    for (const name of databases) await client.db(name).dropDatabase();
    await client.close();
  });

  /** Documents exactly as the releases before the workspace wrote them. */
  async function writeLegacyDocs(dbName: string): Promise<void> {
    const db = client.db(dbName);
    await db.collection('visitors').insertOne({ _id: 'v_1' as never, siteKey: 'demo', createdAt: CREATED });
    await db.collection('conversations').insertOne({ _id: 'c_1' as never, visitorId: 'v_1', siteKey: 'demo', locale: 'ja-JP', createdAt: CREATED, botState: { unknownStreak: 1 } });
    await db.collection('messages').insertOne({ _id: 'm_1' as never, conversationId: 'c_1', seq: 1, clientMsgId: 'k1', author: { kind: 'visitor' }, text: 'こんにちは', createdAt: CREATED });
  }

  async function expectMigratedAndReadable(store: MongoRegionStore, dbName: string): Promise<void> {
    expect(await mongoSchemaVersion(regionCollections(client.db(dbName)))).toBe(MONGO_SCHEMA_VERSION);
    expect(await store.getConversation('c_1')).toEqual({
      id: 'c_1', visitorId: 'v_1', siteKey: 'demo', locale: 'ja-JP', createdAt: CREATED.toISOString(), botState: { unknownStreak: 1 },
      status: 'bot', assigneeId: null, updatedAt: CREATED.toISOString(),
    });
    expect((await store.listConversations({ statuses: ['bot'], language: 'ja', limit: 10 })).map((c) => c.id)).toEqual(['c_1']);
    expect((await store.listMessages('c_1', { afterSeq: 0, limit: 10 })).map((m) => m.text)).toEqual(['こんにちは']);
    // The unique indexes are in place: a repeated clientMsgId is a duplicate, the next seq is 2.
    expect(await store.appendMessage({ conversationId: 'c_1', clientMsgId: 'k1', author: { kind: 'visitor' }, text: 'こんにちは' })).toMatchObject({ isDuplicate: true });
    expect((await store.appendMessage({ conversationId: 'c_1', clientMsgId: 'k2', author: { kind: 'visitor' }, text: 'もしもし' })).message.seq).toBe(2);
    const note = { id: 'n_1', conversationId: 'c_1', clientNoteId: 'k', author: { kind: 'agent' as const }, text: 'VIP', createdAt: CREATED.toISOString() };
    await store.addNote(note);
    expect(await store.addNote({ ...note, id: 'n_2' })).toMatchObject({ isDuplicate: true, note: { id: 'n_1' } });
  }

  it('migrates a database from before numbered migrations, two processes starting at once', async () => {
    const dbName = freshDb();
    await writeLegacyDocs(dbName);
    expect(await mongoSchemaVersion(regionCollections(client.db(dbName)))).toBe(0);
    const stores = [0, 1].map(() => new MongoRegionStore({ client, dbName, region: 'eu' }));
    await Promise.all(stores.map((store) => store.init()));
    await expectMigratedAndReadable(stores[0]!, dbName);
    expect(await client.db(dbName).collection('schema_meta').countDocuments()).toBe(1);
  });

  it('migrates a version-1 database, and a second init changes nothing', async () => {
    const dbName = freshDb();
    await migrateMongo(regionCollections(client.db(dbName)), 1);
    await writeLegacyDocs(dbName);
    expect(await mongoSchemaVersion(regionCollections(client.db(dbName)))).toBe(1);
    const store = new MongoRegionStore({ client, dbName, region: 'eu' });
    await store.init();
    await expectMigratedAndReadable(store, dbName);
    await store.init();
    expect(await client.db(dbName).collection('schema_meta').findOne({ _id: 'region' as never })).toEqual({ _id: 'region', version: MONGO_SCHEMA_VERSION });
  });

  it('migrates a version-2 database: the snooze index exists and the snooze filter finds due documents', async () => {
    const dbName = freshDb();
    const collections = regionCollections(client.db(dbName));
    await migrateMongo(collections, 2);
    expect(await mongoSchemaVersion(collections)).toBe(2);
    const raw = client.db(dbName).collection('conversations');
    await raw.insertMany([
      { _id: 'c_due' as never, visitorId: 'v_1', siteKey: 'demo', locale: 'de-DE', language: 'de', status: 'snoozed', snoozedUntil: new Date('2026-01-02T09:00:00.000Z'), createdAt: CREATED, updatedAt: CREATED },
      { _id: 'c_later' as never, visitorId: 'v_1', siteKey: 'demo', locale: 'de-DE', language: 'de', status: 'snoozed', snoozedUntil: new Date('2026-01-03T09:00:00.000Z'), createdAt: CREATED, updatedAt: CREATED },
      // Unassigned written as an explicit null (another writer may): still unassigned.
      { _id: 'c_open' as never, visitorId: 'v_1', siteKey: 'demo', locale: 'de-DE', language: 'de', status: 'open', assigneeId: null, createdAt: CREATED, updatedAt: CREATED },
    ]);
    const store = new MongoRegionStore({ client, dbName, region: 'eu' });
    await store.init();
    expect(await mongoSchemaVersion(collections)).toBe(MONGO_SCHEMA_VERSION);
    expect(MONGO_SCHEMA_VERSION).toBe(4);
    const indexes = await raw.listIndexes().toArray();
    expect(indexes.find((index) => index['name'] === 'by_snooze')).toMatchObject({ key: { snoozedUntil: 1 } });
    expect((await store.listConversations({ snoozedUntilBefore: '2026-01-02T09:00:00.000Z', limit: 10 })).map((c) => c.id)).toEqual(['c_due']);
    expect(await store.countConversations({ snoozedUntilBefore: '2026-01-04T00:00:00.000Z', statuses: ['snoozed'] })).toBe(2);
    expect(await store.updateConversationIf('c_open', { assigneeId: null }, { assigneeId: 'a_1' })).toMatchObject({ ok: true, conversation: { assigneeId: 'a_1' } });
    await store.init();
    expect(await client.db(dbName).collection('schema_meta').findOne({ _id: 'region' as never })).toEqual({ _id: 'region', version: MONGO_SCHEMA_VERSION });
  });

  it('migrates a version-3 database: the bot-turn index exists, old messages owe nothing, new marks are listed', async () => {
    const dbName = freshDb();
    const collections = regionCollections(client.db(dbName));
    await migrateMongo(collections, 3);
    await writeLegacyDocs(dbName);
    expect(await mongoSchemaVersion(collections)).toBe(3);
    const store = new MongoRegionStore({ client, dbName, region: 'eu' });
    await store.init();
    expect(await mongoSchemaVersion(collections)).toBe(MONGO_SCHEMA_VERSION);
    const indexes = await client.db(dbName).collection('bot_turns').listIndexes().toArray();
    expect(indexes.find((index) => index['name'] === 'by_created')).toMatchObject({ key: { createdAt: 1 } });
    expect(await store.listAwaitingBot({ limit: 10 })).toEqual([]);
    const { message } = await store.appendMessage({ conversationId: 'c_1', clientMsgId: 'k2', author: { kind: 'visitor' }, text: 'どこ?', awaitsBot: true });
    expect(message.seq).toBe(2);
    expect(await store.listAwaitingBot({ limit: 10 })).toEqual([{ message, storedAt: message.createdAt }]);
    await store.settleBotTurn('c_1', message.id);
    expect(await store.listAwaitingBot({ limit: 10 })).toEqual([]);
    expect(await client.db(dbName).collection('bot_turns').countDocuments()).toBe(0);
  });

  it('keeps a version-4 database readable: old messages take translations, the cache and the switch work', async () => {
    const dbName = freshDb();
    const collections = regionCollections(client.db(dbName));
    await migrateMongo(collections, 4);
    await writeLegacyDocs(dbName);
    const store = new MongoRegionStore({ client, dbName, region: 'eu' });
    await store.init();
    expect(await mongoSchemaVersion(collections)).toBe(MONGO_SCHEMA_VERSION);
    const [old] = await store.listMessages('c_1', { afterSeq: 0, limit: 10 });
    expect(old).not.toHaveProperty('translations');
    const translated = await store.addMessageTranslations('c_1', 'm_1', { original: { text: 'こんにちは', lang: 'ja' }, translations: { en: { text: 'Hello', provider: 'deepl' } } });
    expect(translated).toEqual({ ...old, original: { text: 'こんにちは', lang: 'ja' }, translations: { en: { text: 'Hello', provider: 'deepl' } } });
    expect(await store.listMessages('c_1', { afterSeq: 0, limit: 10 })).toEqual([translated]);
    const off = { isOff: true, by: 'a_1', at: '2026-01-02T00:00:00.000Z' };
    expect(await store.updateConversation('c_1', { translation: off })).toMatchObject({ translation: off, botState: { unknownStreak: 1 } });
    await store.putCachedTranslation({ key: 'k', text: 'Hello', provider: 'deepl', storedAt: '2026-01-02T00:00:00.000Z' });
    expect(await store.getCachedTranslation('k')).toEqual({ key: 'k', text: 'Hello', provider: 'deepl', storedAt: '2026-01-02T00:00:00.000Z' });
  });
});
