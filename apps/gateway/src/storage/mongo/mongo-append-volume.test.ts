import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MongoClient } from 'mongodb';
import type { CommandStartedEvent, Document } from 'mongodb';
import { regionCollections } from './mongo-docs.ts';
import { MongoRegionStore } from './mongo-region-store.ts';
import { mongoTestTarget } from '../../../test/mongo-target.ts';

const target = mongoTestTarget(inject('mongodbUri'), inject('mongodbSkipReason'));
const EXISTING = 3_000;
const READS = new Set(['find', 'aggregate', 'count', 'distinct', 'findAndModify']);

/** Appends whose cost must not grow with the messages already stored (issue 10). */
describe.skipIf(!target.uri)('MongoDB-wire appends independent of volume', () => {
  const client = new MongoClient(target.uri ?? 'mongodb://unused', { serverSelectionTimeoutMS: 5000, monitorCommands: true });
  const dbName = `parley_volume_${randomUUID().slice(0, 8)}`;
  const commands: CommandStartedEvent[] = [];
  client.on('commandStarted', (event) => commands.push(event));
  const conversationId = `c_${randomUUID()}`;

  /** The commands `work` sends, as `<command> <collection>`. */
  async function commandsOf(work: () => Promise<unknown>): Promise<CommandStartedEvent[]> {
    commands.length = 0;
    await work();
    return commands.filter((event) => event.databaseName === dbName);
  }
  const named = (event: CommandStartedEvent): string => `${event.commandName} ${String(event.command[event.commandName])}`;

  beforeAll(async () => {
    const store = new MongoRegionStore({ client, dbName, region: 'eu' });
    await store.init();
    await store.createVisitor({ id: 'v_1', siteKey: 'demo', createdAt: new Date().toISOString() });
    await store.createConversation({ id: conversationId, visitorId: 'v_1', siteKey: 'demo', locale: 'de-DE', createdAt: new Date().toISOString() });
    // A conversation that already holds thousands of messages, written behind the store's back
    // the way the store itself leaves them (the newest recorded on the conversation).
    const { messages, conversations } = regionCollections(client.db(dbName));
    const createdAt = new Date();
    await messages.insertMany(
      Array.from({ length: EXISTING }, (_, i) => ({
        _id: `msg_${randomUUID()}`, conversationId, seq: i + 1, clientMsgId: `old_${i}`, author: { kind: 'visitor' as const }, text: `m${i}`, createdAt,
      })),
    );
    await conversations.updateOne({ _id: conversationId }, { $set: { lastMessage: { authorKind: 'visitor', text: 'm', seq: EXISTING, createdAt: createdAt.toISOString() } } });
  }, 60_000);
  afterAll(async () => {
    await client.db(dbName).dropDatabase();
    await client.close();
  });

  it('appends without reading the messages: one insert each, the seq from memory after one read of the conversation', async () => {
    // A new store: what a gateway that just started knows, nothing.
    const store = new MongoRegionStore({ client, dbName, region: 'eu' });
    const sent = await commandsOf(async () => {
      for (let i = 0; i < 20; i += 1) {
        const { message } = await store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text: `neu ${i}` });
        expect(message.seq).toBe(EXISTING + i + 1);
      }
    });
    const reads = sent.filter((event) => READS.has(event.commandName)).map(named);
    expect(reads).toEqual(['find conversations']);
    expect(sent.filter((event) => event.commandName === 'insert').map(named)).toEqual(Array.from({ length: 20 }, () => 'insert messages'));
    expect(await store.lastSeq(conversationId)).toBe(EXISTING + 20);
  });

  it('corrects a stale seq through the unique index when another gateway appended meanwhile, gaplessly', async () => {
    const [one, two] = [0, 1].map(() => new MongoRegionStore({ client, dbName, region: 'eu' }));
    const start = await one!.lastSeq(conversationId);
    const seqs: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const store = i % 2 === 0 ? one! : two!;
      seqs.push((await store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text: `g${i}` })).message.seq);
    }
    expect(seqs).toEqual(Array.from({ length: 6 }, (_, i) => start + i + 1));
    // A gateway that is alone again appends from memory, with no read of the messages.
    const alone = await commandsOf(() => two!.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text: 'solo' }));
    expect(alone.filter((event) => READS.has(event.commandName))).toEqual([]);
  });

  it('marks and settles an owed bot turn without touching the messages beyond the message’s own insert', async () => {
    const store = new MongoRegionStore({ client, dbName, region: 'eu' });
    let id = '';
    const marked = await commandsOf(async () => {
      id = (await store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text: 'owed', awaitsBot: true })).message.id;
    });
    expect(marked.map(named).filter((name) => name.endsWith('messages') || name.endsWith('bot_turns'))).toEqual(['insert bot_turns', 'insert messages']);
    const settled = await commandsOf(() => store.settleBotTurn(conversationId, id));
    expect(settled.map(named)).toEqual(['delete bot_turns']);
  });

  it('sends the hot reads in shapes the server serves from an index, or from `_id` alone where FerretDB v1 pushes down nothing else', async () => {
    const store = new MongoRegionStore({ client, dbName, region: 'eu' });
    const { message } = await store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text: '?', awaitsBot: true });
    const finds = await commandsOf(async () => {
      await store.lastSeq(conversationId);
      await store.listMessages(conversationId, { afterSeq: EXISTING, limit: 10 });
      await store.getMessage(conversationId, message.id);
      await store.listAwaitingBot({ limit: 10, storedBefore: new Date(Date.now() + 1000) });
      await store.settleBotTurn(conversationId, message.id);
    });
    const shapes = finds.filter((event) => event.commandName === 'find');
    // lastSeq, listMessages, getMessage, then the sweep: its marks, and each marked message by `_id`.
    expect(shapes.map(named)).toEqual(['find messages', 'find messages', 'find messages', 'find bot_turns', 'find messages']);
    const plans = await Promise.all(shapes.map((event) => explain(event.command)));
    const ferret = plans.every((plan) => !('winningPlan' in (plan['queryPlanner'] as Document)));
    if (ferret) {
      // getMessage and the sweep's message reads go by `_id` alone: the one filter FerretDB v1 hands its backend.
      expect(plans.map((plan) => plan['filterPushdown'] ?? plan['pushdown'])).toEqual([false, false, true, false, true]);
    } else {
      for (const plan of plans) expect(JSON.stringify(plan['queryPlanner'])).not.toContain('COLLSCAN');
    }
  });

  async function explain(command: Document): Promise<Document> {
    const { find, filter, sort, limit, projection } = command;
    const cmd = { find, filter, ...(sort ? { sort } : {}), ...(limit ? { limit } : {}), ...(projection ? { projection } : {}) };
    return client.db(dbName).command({ explain: cmd, verbosity: 'queryPlanner' });
  }
});
