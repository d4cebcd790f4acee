import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describe, expect, inject, it } from 'vitest';
import { connectForSession, rawSocket, removeDataDir, startGateway, testConfig } from './gateway-harness.ts';
import type { RunningGateway } from './gateway-harness.ts';
import { mongoTestTarget } from './mongo-target.ts';
import type { GatewayConfig } from '../src/config.ts';
import type { Message } from '@parley/protocol';

async function historyAfterRestart(config: GatewayConfig): Promise<void> {
  let gateway: RunningGateway = await startGateway(config);
  const socket = rawSocket(gateway.url, {});
  const session = await connectForSession(socket);
  const texts = ['first', 'second', 'third'];
  for (const text of texts) {
    const ack = await socket.timeout(5_000).emitWithAck('message:send', { clientMsgId: randomUUID(), text });
    expect(ack.ok).toBe(true);
  }
  socket.disconnect();
  await gateway.stop();

  gateway = await startGateway(config);
  try {
    const resumed = rawSocket(gateway.url, { visitorToken: session.visitorToken });
    const again = await connectForSession(resumed);
    expect(again).toMatchObject({ conversationId: session.conversationId, region: session.region });
    const ack = await resumed.timeout(5_000).emitWithAck('history:fetch', { afterSeq: 0 });
    if (!ack.ok) throw new Error(ack.error.code);
    // The bot's answers were stored before the gateway stopped (it drains them on close).
    expect(ack.data.messages.map((m: Message) => m.seq)).toEqual(Array.from({ length: again.lastSeq }, (_, i) => i + 1));
    expect(ack.data.messages.filter((m: Message) => m.author.kind === 'visitor').map((m: Message) => m.text)).toEqual(texts);
    expect(ack.data.messages.filter((m: Message) => m.author.kind === 'bot').length).toBeGreaterThan(2);
    resumed.disconnect();
  } finally {
    await gateway.stop();
  }
}

describe('history survives a gateway restart', () => {
  it('on the embedded SQLite store', async () => {
    const config = testConfig();
    try {
      await historyAfterRestart(config);
    } finally {
      removeDataDir(config);
    }
  });

  const target = mongoTestTarget(inject('mongodbUri'), inject('mongodbSkipReason'));
  it.skipIf(!target.uri)('on the MongoDB store (one database per region)', async () => {
    const base = testConfig({ PARLEY_MONGODB_URI: target.uri! });
    const prefix = `restart_${randomUUID().slice(0, 8)}`;
    if (base.storage.kind !== 'mongodb') throw new Error('expected MongoDB storage');
    // Each run gets its own databases so runs never see each other's data.
    for (const entry of Object.values(base.storage.uris)) entry.dbName = `${prefix}_${entry.dbName}`;
    try {
      await historyAfterRestart(base);
    } finally {
      removeDataDir(base);
      const admin = new MongoClient(target.uri!);
      for (const { dbName } of Object.values(base.storage.uris)) await admin.db(dbName).dropDatabase();
      await admin.close();
    }
  });
});
