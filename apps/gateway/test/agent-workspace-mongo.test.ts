import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describe, expect, inject, it } from 'vitest';
import type { ConversationSummary, Message } from '@parley/protocol';
import { addAgent, call, connectAgent, nextEvent } from './agent-harness.ts';
import { connectForSession, rawSocket, removeDataDir, startGateway, testConfig } from './gateway-harness.ts';
import { mongoTestTarget } from './mongo-target.ts';

const target = mongoTestTarget(inject('mongodbUri'), inject('mongodbSkipReason'));

describe.skipIf(!target.uri)('agents on the MongoDB stores (regions and directory)', () => {
  it('a hand-off is routed, answered, noted and resolved, each record in its region’s database', async () => {
    const config = testConfig({ PARLEY_MONGODB_URI: target.uri!, PARLEY_COUNTRY_HEADER: 'x-country' });
    const prefix = `agents_${randomUUID().slice(0, 8)}`;
    if (config.storage.kind !== 'mongodb' || config.directory.kind !== 'mongodb') throw new Error('expected MongoDB storage');
    for (const entry of Object.values(config.storage.uris)) entry.dbName = `${prefix}_${entry.dbName}`;
    config.directory.dbName = `${prefix}_parley_directory`;
    const gateway = await startGateway(config);
    const sockets: Array<{ disconnect(): unknown }> = [];
    try {
      const ken = await addAgent(gateway.app, { name: 'Ken', languages: ['ja'] });
      const { socket: agent } = await connectAgent(gateway.url, ken);
      sockets.push(agent);
      const shopper = rawSocket(gateway.url, { locales: ['ja-JP'] }, { 'x-country': 'JP' });
      sockets.push(shopper);
      const session = await connectForSession(shopper);
      const routed = nextEvent<ConversationSummary>(agent, 'conversation:changed', (c) => c.id === session.conversationId && c.assigneeId === ken.id, 10_000);
      await shopper.timeout(10_000).emitWithAck('message:send', { clientMsgId: randomUUID(), text: '担当者と話したいです' });
      expect(await routed).toMatchObject({ region: 'sg', status: 'open', handoffReason: 'asked_for_person' });
      const reply = nextEvent<Message>(shopper, 'message:created', (m) => m.author.kind === 'agent', 10_000);
      await call(agent, 'agent:message:send', { conversationId: session.conversationId, clientMsgId: randomUUID(), text: 'ケンです。' });
      expect((await reply).author).toEqual({ kind: 'agent', name: 'Ken' });
      await call(agent, 'note:add', { conversationId: session.conversationId, clientNoteId: randomUUID(), text: '要確認' });
      const resolved = await call(agent, 'conversation:status', { conversationId: session.conversationId, status: 'resolved' });
      expect(resolved.status).toBe('resolved');
      const mine = await call(agent, 'inbox:list', { view: 'mine', status: ['resolved'] });
      expect(mine.conversations.map((c) => c.id)).toEqual([session.conversationId]);

      const admin = new MongoClient(target.uri!);
      try {
        for (const [region, { dbName }] of Object.entries(config.storage.uris)) {
          const db = admin.db(dbName);
          const expected = region === 'sg' ? 1 : 0;
          expect(await db.collection('notes').countDocuments({ conversationId: session.conversationId }), region).toBe(expected);
          expect(await db.collection('audit').countDocuments({ conversationId: session.conversationId }) > 0, region).toBe(expected === 1);
        }
        expect(await admin.db(config.directory.dbName).collection('agents').countDocuments()).toBe(1);
      } finally {
        await admin.close();
      }
    } finally {
      for (const socket of sockets) socket.disconnect();
      await gateway.stop();
      removeDataDir(config);
      const admin = new MongoClient(target.uri!);
      for (const { dbName } of Object.values(config.storage.uris)) await admin.db(dbName).dropDatabase();
      await admin.db(config.directory.dbName).dropDatabase();
      await admin.close();
    }
  });
});
