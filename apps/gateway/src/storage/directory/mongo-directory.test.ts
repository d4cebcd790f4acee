import { afterAll, describe, expect, inject, it } from 'vitest';
import { MongoClient } from 'mongodb';
import { describeDirectoryStoreContract, sampleAgent } from './directory-store.contract.ts';
import { MongoDirectoryStore } from './mongo-directory.ts';
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
    expect(await meta.find().toArray()).toEqual([{ _id: 'directory', version: 1 }]);
    const indexes = (await client.db(dbName).collection('agents').indexes()).map((index) => index.name);
    expect(indexes).toContain('email_unique');

    await meta.updateOne({ _id: 'directory' }, { $set: { version: 9 } });
    await expect(new MongoDirectoryStore({ client, dbName }).init()).rejects.toThrow(/schema version 9, newer than this Parley understands \(1\)/);
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
