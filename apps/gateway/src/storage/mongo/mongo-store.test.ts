import { afterAll, describe, inject } from 'vitest';
import { MongoClient } from 'mongodb';
import { describeConversationStoreContract } from '../conversation-store.contract.ts';
import { MongoConversationStore } from './mongo-store.ts';
import { mongoTestTarget } from '../../../test/mongo-target.ts';

const target = mongoTestTarget(inject('mongodbUri'), inject('mongodbSkipReason'));

describe.skipIf(!target.uri)('MongoDB-wire store', () => {
  const clients: MongoClient[] = [];
  const databases = new Set<string>();
  afterAll(async () => {
    const admin = new MongoClient(target.uri!);
    for (const name of databases) await admin.db(name).dropDatabase();
    await admin.close();
    for (const client of clients) await client.close();
  });

  describeConversationStoreContract(`MongoDB wire (${target.label})`, async (location) => {
    // A new client per open, so "close and reopen" really reconnects.
    const client = new MongoClient(target.uri!, { serverSelectionTimeoutMS: 5000 });
    clients.push(client);
    databases.add(`parley_${location}`);
    return new MongoConversationStore({ client, dbName: `parley_${location}`, region: 'eu' });
  });
});
