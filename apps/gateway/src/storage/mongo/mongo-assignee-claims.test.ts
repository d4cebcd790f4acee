import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MongoClient } from 'mongodb';
import { randomUUID } from 'node:crypto';
import { regionCollections } from './mongo-docs.ts';
import type { AssigneeClaimDoc, RegionCollections } from './mongo-docs.ts';
import { MongoRegionStore } from './mongo-region-store.ts';
import { mongoTestTarget } from '../../../test/mongo-target.ts';

const target = mongoTestTarget(inject('mongodbUri'), inject('mongodbSkipReason'));
const CREATED = '2026-01-01T00:00:00.000Z';

/** The claim ledger behind `updateConversationIf` (contract cases cover the port; these its recovery). */
describe.skipIf(!target.uri)('MongoDB-wire assignee claims', () => {
  const client = new MongoClient(target.uri ?? 'mongodb://unused', { serverSelectionTimeoutMS: 5000 });
  const dbName = `parley_claims_${randomUUID().slice(0, 8)}`;
  const store = new MongoRegionStore({ client, dbName, region: 'eu' });
  let collections: RegionCollections;
  beforeAll(async () => {
    await store.init();
    collections = regionCollections(client.db(dbName));
  });
  afterAll(async () => {
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  async function newConversation(): Promise<string> {
    const id = `c_${randomUUID()}`;
    await store.createVisitor({ id: `v_${id}`, siteKey: 'demo', createdAt: CREATED });
    await store.createConversation({ id, visitorId: `v_${id}`, siteKey: 'demo', locale: 'de-DE', createdAt: CREATED, status: 'open' });
    return id;
  }

  /** A claim decided for revision 1 by a caller that never applied it (yet). */
  function decided(id: string, assigneeId: string, at: Date): AssigneeClaimDoc {
    return { _id: `${id}:1`, conversationId: id, rev: 1, set: { assigneeId, updatedAt: new Date(CREATED) }, unset: [], at };
  }

  it('records one ledger entry per successful claim and none for a refused one', async () => {
    const id = await newConversation();
    expect((await store.updateConversationIf(id, { assigneeId: null }, { assigneeId: 'a_1' })).ok).toBe(true);
    expect((await store.updateConversationIf(id, { assigneeId: null }, { assigneeId: 'a_2' })).ok).toBe(false);
    expect((await store.updateConversationIf(id, { assigneeId: 'a_1' }, { assigneeId: null })).ok).toBe(true);
    expect((await collections.claims.find({ conversationId: id }).sort({ rev: 1 }).toArray()).map((c) => [c._id, c.set['assigneeId'] ?? null])).toEqual([
      [`${id}:1`, 'a_1'],
      [`${id}:2`, null],
    ]);
    expect(await collections.conversations.findOne({ _id: id })).toMatchObject({ claimRev: 2 });
    expect(await store.getConversation(id)).not.toHaveProperty('claimRev');
  });

  it('applies a claim whose winner stopped halfway, so the conversation is not stuck', async () => {
    const id = await newConversation();
    await collections.claims.insertOne(decided(id, 'a_ghost', new Date(Date.now() - 60_000)));
    expect(await store.updateConversationIf(id, { assigneeId: null }, { assigneeId: 'a_1' })).toMatchObject({ ok: false, conversation: { assigneeId: 'a_ghost' } });
    expect(await store.updateConversationIf(id, { assigneeId: 'a_ghost' }, { assigneeId: 'a_1' })).toMatchObject({ ok: true, conversation: { assigneeId: 'a_1' } });
  });

  it('waits for a fresh claim to be applied by its winner, then compares against the result', async () => {
    const id = await newConversation();
    await collections.claims.insertOne(decided(id, 'a_slow', new Date()));
    const started = Date.now();
    const answer = store.updateConversationIf(id, { assigneeId: null }, { assigneeId: 'a_1' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    // The winner finishes: this write, not the waiting caller's own apply, is what it must see.
    await collections.conversations.updateOne({ _id: id }, { $set: { assigneeId: 'a_slow', status: 'pending', claimRev: 1 } });
    expect(await answer).toMatchObject({ ok: false, conversation: { assigneeId: 'a_slow', status: 'pending' } });
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
