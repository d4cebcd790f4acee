import { afterAll, describe, expect, inject, it } from 'vitest';
import { MongoClient } from 'mongodb';
import { describeDirectoryStoreContract, sampleAgent } from './directory-store.contract.ts';
import { MongoDirectoryStore } from './mongo-directory.ts';
import { DIRECTORY_MONGO_MIGRATIONS } from './mongo-directory-schema.ts';
import { MongoTranslationUsage } from './mongo-translation-usage.ts';
import { mongoTestTarget } from '../../../test/mongo-target.ts';

const target = mongoTestTarget(inject('mongodbUri'), inject('mongodbSkipReason'));

describe.skipIf(!target.uri)('MongoDB-wire directory', () => {
  const clients: MongoClient[] = [];
  const databases = new Set<string>();
  const connect = (): MongoClient => {
    // A new client per open, so "close and reopen" really reconnects.
    const client = new MongoClient(target.uri!, { serverSelectionTimeoutMS: 5000 });
    clients.push(client);
    return client;
  };
  afterAll(async () => {
    const admin = new MongoClient(target.uri!);
    for (const name of databases) await admin.db(name).dropDatabase();
    await admin.close();
    for (const client of clients) await client.close();
  });

  describeDirectoryStoreContract(`MongoDB wire (${target.label})`, async (location) => {
    databases.add(`parley_${location}`);
    return new MongoDirectoryStore({ client: connect(), dbName: `parley_${location}` });
  });

  it('records its schema version in schema_meta and refuses a database from a newer Parley', async () => {
    const dbName = `parley_directory_meta_${Date.now()}`;
    databases.add(dbName);
    const client = connect();
    const store = new MongoDirectoryStore({ client, dbName });
    await store.init();
    await store.init(); // a second start (or a second gateway) changes nothing
    const meta = client.db(dbName).collection<{ _id: string; version: number }>('schema_meta');
    expect(await meta.find().toArray()).toEqual([{ _id: 'directory', version: 2 }]);
    const indexes = (await client.db(dbName).collection('agents').indexes()).map((index) => index.name);
    expect(indexes).toContain('email_unique');
    const cannedIndexes = await client.db(dbName).collection('site_canned_replies').indexes();
    expect(cannedIndexes.find((index) => index.name === 'by_site')).toMatchObject({ key: { siteKey: 1, key: 1 } });

    await meta.updateOne({ _id: 'directory' }, { $set: { version: 9 } });
    await expect(new MongoDirectoryStore({ client, dbName }).init()).rejects.toThrow(/schema version 9, newer than this Parley understands \(2\)/);
  });

  it('migrates a version-1 directory: agents stay, canned replies get their index and work', async () => {
    const dbName = `parley_directory_v1_${Date.now()}`;
    databases.add(dbName);
    const client = connect();
    const db = client.db(dbName);
    await DIRECTORY_MONGO_MIGRATIONS[0]!(db);
    await db.collection<{ _id: string; version: number }>('schema_meta').insertOne({ _id: 'directory', version: 1 });
    const agent = sampleAgent();
    const before = new MongoDirectoryStore({ client, dbName });
    await before.createAgent(agent);
    const store = new MongoDirectoryStore({ client, dbName });
    await store.init();
    expect(await db.collection('schema_meta').findOne({ _id: 'directory' as never })).toEqual({ _id: 'directory', version: 2 });
    expect((await db.collection('site_canned_replies').indexes()).map((index) => index.name)).toContain('by_site');
    expect(await store.getAgent(agent.id)).toEqual(agent);
    await store.putSiteCannedReply({ siteKey: 'demo', key: 'hi', title: 'Hi', bodies: { 'de-DE': 'Hallo' }, updatedAt: '2026-12-01T00:00:00.000Z', updatedBy: agent.id });
    expect((await store.listSiteCannedReplies('demo')).map((reply) => reply.key)).toEqual(['hi']);
    expect(await store.addTranslationUsage('demo', '2026-12', 5)).toBe(5);
  });

  it('prunes superseded usage revisions without changing the total', async () => {
    const dbName = `parley_directory_usage_${Date.now()}`;
    databases.add(dbName);
    const db = connect().db(dbName);
    const usage = new MongoTranslationUsage(db, { keepRevisions: 2, keepForMs: 0 });
    for (let i = 1; i <= 12; i += 1) expect(await usage.add('demo', '2026-12', 5)).toBe(i * 5);
    await usage.add('other', '2026-12', 1);
    expect(await usage.get('demo', '2026-12')).toBe(60);
    const revisions = await db.collection('translation_usage').find({ siteKey: 'demo' }).toArray();
    expect(revisions.map((doc) => doc['rev']).sort((a, b) => a - b)).toEqual([10, 11, 12]);
    expect(await new MongoTranslationUsage(db).add('demo', '2026-12', 1)).toBe(61);
  });

  it('answers PARLEY_ERR_STORE_UNAVAILABLE when the server cannot be reached', async () => {
    // A client per call: the driver closes a client whose first connection failed.
    const unreachable = (): MongoDirectoryStore => {
      const client = new MongoClient('mongodb://127.0.0.1:1/?directConnection=true', { serverSelectionTimeoutMS: 300 });
      clients.push(client);
      return new MongoDirectoryStore({ client, dbName: 'parley_directory_unreachable' });
    };
    await expect(unreachable().init()).rejects.toMatchObject({ code: 'PARLEY_ERR_STORE_UNAVAILABLE' });
    await expect(unreachable().createAgent(sampleAgent())).rejects.toMatchObject({ code: 'PARLEY_ERR_STORE_UNAVAILABLE' });
    await expect(unreachable().getAgentByEmail('ana@shop.example')).rejects.toMatchObject({ code: 'PARLEY_ERR_STORE_UNAVAILABLE' });
  });

  it('closes a client it owns, and leaves a shared one open', async () => {
    const shared = connect();
    await new MongoDirectoryStore({ client: shared, dbName: 'parley_directory_shared' }).close();
    await shared.db('admin').command({ ping: 1 });
    const owned = connect();
    const store = new MongoDirectoryStore({ client: owned, dbName: 'parley_directory_owned', ownsClient: true });
    await store.ping();
    await store.close();
    await expect(store.ping()).rejects.toThrow();
  });
});
