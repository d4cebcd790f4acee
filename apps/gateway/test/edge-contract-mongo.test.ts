import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import type { Ack, HistoryFetchAckData, Message } from '@parley/protocol';
import { connectForSession, rawSocket, removeDataDir, startGateway, testConfig } from './gateway-harness.ts';
import { mongoTestTarget } from './mongo-target.ts';
import type { GatewayConfig } from '../src/config.ts';

const target = mongoTestTarget(inject('mongodbUri'), inject('mongodbSkipReason'));

/** A config whose region databases are this test's own, on the MongoDB-wire server. */
function mongoConfig(): GatewayConfig {
  const config = testConfig({ PARLEY_MONGODB_URI: target.uri!, PARLEY_MESSAGES_PER_VISITOR: '1000', PARLEY_MESSAGES_PER_IP: '1000' });
  if (config.storage.kind !== 'mongodb' || config.directory.kind !== 'mongodb') throw new Error('expected MongoDB storage');
  const prefix = `edge_${randomUUID().slice(0, 8)}`;
  for (const entry of Object.values(config.storage.uris)) entry.dbName = `${prefix}_${entry.dbName}`;
  config.directory.dbName = `${prefix}_parley_directory`;
  return config;
}

describe.skipIf(!target.uri)('the edge on the MongoDB stores', () => {
  it('acks a lone surrogate exactly as it is stored, and answers an owed message after a restart', async () => {
    const config = mongoConfig();
    let gateway = await startGateway(config);
    try {
      const socket = rawSocket(gateway.url, {});
      const session = await connectForSession(socket);
      const ack = (await socket.timeout(10_000).emitWithAck('message:send', { clientMsgId: randomUUID(), text: 'lone \uDC00 half' })) as Ack<Message>;
      socket.disconnect();
      expect(ack).toMatchObject({ ok: true, data: { text: 'lone \uFFFD half' } });
      const sentId = ack.ok ? ack.data.id : '';
      const owed = await gateway.app.regions.store(session.region).appendMessage({
        conversationId: session.conversationId,
        clientMsgId: randomUUID(),
        author: { kind: 'visitor', id: session.visitorId },
        text: 'What is your return policy?',
        awaitsBot: true,
      });
      await gateway.stop();
      gateway = await startGateway(config);
      const reader = rawSocket(gateway.url, { visitorToken: session.visitorToken });
      await connectForSession(reader);
      let messages: Message[] = [];
      for (let tries = 0; tries < 100; tries += 1) {
        const page = (await reader.timeout(10_000).emitWithAck('history:fetch', { afterSeq: 0 })) as Ack<HistoryFetchAckData>;
        if (!page.ok) throw new Error(page.error.code);
        messages = page.data.messages;
        if (messages.some((m) => m.clientMsgId === `bot:${owed.message.id}:0`)) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      reader.disconnect();
      expect(messages.find((m) => m.id === sentId)?.text).toBe('lone \uFFFD half');
      expect(messages.filter((m) => m.clientMsgId === `bot:${owed.message.id}:0`)).toHaveLength(1);
    } finally {
      await gateway.stop();
      removeDataDir(config);
    }
  });
});
