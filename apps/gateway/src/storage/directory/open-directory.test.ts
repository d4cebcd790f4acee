import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, expect, inject, it } from 'vitest';
import { openDirectory } from './open-directory.ts';
import { sampleAgent } from './directory-store.contract.ts';
import { mongoTestTarget } from '../../../test/mongo-target.ts';

const root = mkdtempSync(join(tmpdir(), 'parley-open-directory-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const target = mongoTestTarget(inject('mongodbUri'), inject('mongodbSkipReason'));

it('opens directory.sqlite in the data dir', async () => {
  const store = await openDirectory({ kind: 'sqlite', dataDir: join(root, 'data') });
  await store.createAgent(sampleAgent());
  await store.close();
  expect(existsSync(join(root, 'data', 'directory.sqlite'))).toBe(true);
});

it('names the directory when it cannot be opened', async () => {
  await expect(openDirectory({ kind: 'mongodb', uri: 'mongodb://127.0.0.1:1/?directConnection=true&serverSelectionTimeoutMS=300', dbName: 'parley_directory' })).rejects.toThrow(
    /Could not open the directory \(MongoDB database parley_directory\): The directory store is unreachable/,
  );
});

it.skipIf(!target.uri)('opens the MongoDB directory with its own client and closes it', async () => {
  const dbName = `parley_directory_open_${Date.now()}`;
  const store = await openDirectory({ kind: 'mongodb', uri: target.uri!, dbName });
  await store.createAgent(sampleAgent({ email: 'open@shop.example' }));
  await store.close();
  await expect(store.ping()).rejects.toThrow();
  const admin = new MongoClient(target.uri!);
  expect(await admin.db(dbName).collection('agents').countDocuments({ email: 'open@shop.example' })).toBe(1);
  await admin.db(dbName).dropDatabase();
  await admin.close();
});
