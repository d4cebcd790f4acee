import { afterAll, describe, inject } from 'vitest';
import { MongoClient } from 'mongodb';
import { describeRegionStoreContract } from '../region-store.contract.ts';
import { MongoRegionStore } from './mongo-region-store.ts';
import { mongoTestTarget } from '../../../test/mongo-target.ts';

const target = mongoTestTarget(inject('mongodbUri'), inject('mongodbSkipReason'));

describe.skipIf(!target.uri)('MongoDB-wire store', () => {
  const clients: MongoClient[] = [];
  const databases = new Set<string>();
  const client = (): MongoClient => {
    const opened = new MongoClient(target.uri!, { serverSelectionTimeoutMS: 5000 });
    clients.push(opened);
    return opened;
  };
  afterAll(async () => {
    const admin = new MongoClient(target.uri!);
    for (const name of databases) await admin.db(name).dropDatabase();
    await admin.close();
    for (const opened of clients) await opened.close();
  });

  describeRegionStoreContract(
    `MongoDB wire (${target.label})`,
    async (location) => {
      // A new client per open, so "close and reopen" really reconnects.
      databases.add(`parley_${location}`);
      return new MongoRegionStore({ client: client(), dbName: `parley_${location}`, region: 'eu' });
    },
    {
      async writeLegacyConversation(location, { id, createdAt, ...rest }) {
        // Exactly the fields the releases before the workspace wrote.
        await client().db(`parley_${location}`).collection('conversations').insertOne({ _id: id as never, ...rest, createdAt: new Date(createdAt) });
      },
    },
  );
});
