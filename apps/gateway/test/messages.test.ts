import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Ack, Message, MessageSendAckData } from '@parley/protocol';
import { messageSendFixtures } from '@parley/protocol/fixtures';
import { connectForSession, rawSocket, removeDataDir, startGateway, testConfig, useGateway } from './gateway-harness.ts';
import type { TestSocket } from './gateway-harness.ts';

function send(socket: TestSocket, payload: unknown): Promise<Ack<MessageSendAckData>> {
  return socket.timeout(5_000).emitWithAck('message:send', payload as never);
}

async function history(socket: TestSocket, afterSeq = 0): Promise<Message[]> {
  const ack = await socket.timeout(5_000).emitWithAck('history:fetch', { afterSeq });
  if (!ack.ok) throw new Error(ack.error.code);
  return ack.data.messages;
}

/** Collects message:created events until `count` arrived. */
function collectCreated(socket: TestSocket, count: number): Promise<Message[]> {
  const seen: Message[] = [];
  return new Promise((resolve) => {
    socket.on('message:created', (message) => {
      seen.push(message);
      if (seen.length === count) resolve(seen);
    });
  });
}

describe('visitor messages', () => {
  const gateway = useGateway();

  it('greets a new conversation in the negotiated locale, once, as seq 1, then the privacy notice', async () => {
    const socket = rawSocket(gateway.url, { locales: ['de-DE', 'en'] });
    const opening = collectCreated(socket, 2);
    const session = await connectForSession(socket);
    const [greeting, notice] = await opening;
    expect(greeting).toMatchObject({ seq: 1, author: { kind: 'bot' }, locale: 'de-DE', bot: { intent: 'system', templateKey: 'greeting' } });
    expect(greeting!.text).toContain('Ihnen');
    // The notice names the region that stores this conversation (the EU, by the demo's default).
    expect(notice).toMatchObject({ seq: 2, author: { kind: 'bot' }, bot: { templateKey: 'privacy.notice' } });
    expect(notice!.text).toContain('Europäische Union');
    // A second tab with the same token gets the same conversation and no second opening.
    const second = rawSocket(gateway.url, { visitorToken: session.visitorToken });
    const resumed = await connectForSession(second);
    expect(resumed).toMatchObject({ conversationId: session.conversationId, lastSeq: 2 });
    expect((await history(second)).map((m) => m.seq)).toEqual([1, 2]);
    socket.disconnect();
    second.disconnect();
  });

  it('stores the greeting before announcing the session, so a message sent at once comes after it', async () => {
    // A slow store (MongoDB across a network) must not let the shopper's first message win seq 1.
    const store = gateway.app.regions.store('eu');
    const original = store.appendMessage.bind(store);
    store.appendMessage = async (message) => {
      if (message.clientMsgId.startsWith('greeting:')) await new Promise((resolve) => setTimeout(resolve, 150));
      return original(message);
    };
    try {
      const socket = rawSocket(gateway.url, {});
      const firstAck = new Promise<Ack<MessageSendAckData>>((resolve) =>
        socket.once('session:ready', () => void send(socket, { clientMsgId: randomUUID(), text: 'first!' }).then(resolve)),
      );
      socket.connect();
      expect(await firstAck).toMatchObject({ ok: true, data: { seq: 3 } });
      expect((await history(socket)).slice(0, 3).map((m) => m.author.kind)).toEqual(['bot', 'bot', 'visitor']);
      socket.disconnect();
    } finally {
      store.appendMessage = original;
    }
  });

  it('acks after storing, and fans the message out to every tab of the conversation', async () => {
    const socket = rawSocket(gateway.url, {});
    const session = await connectForSession(socket);
    const otherTab = rawSocket(gateway.url, { visitorToken: session.visitorToken });
    await connectForSession(otherTab);
    const fannedOut = new Promise<Message>((resolve) =>
      otherTab.on('message:created', (m) => m.author.kind === 'visitor' && resolve(m)),
    );
    const ack = await send(socket, { clientMsgId: randomUUID(), text: 'Where is my parcel?' });
    expect(ack).toMatchObject({ ok: true, data: { text: 'Where is my parcel?', author: { kind: 'visitor' } } });
    expect(await fannedOut).toEqual(ack.ok && ack.data);
    socket.disconnect();
    otherTab.disconnect();
  });

  it('acks a duplicate clientMsgId with the original message and stores it once', async () => {
    const socket = rawSocket(gateway.url, {});
    await connectForSession(socket);
    const clientMsgId = randomUUID();
    const first = await send(socket, { clientMsgId, text: 'only once' });
    const again = await send(socket, { clientMsgId, text: 'only once' });
    expect(again).toEqual(first);
    expect((await history(socket)).filter((m) => m.clientMsgId === clientMsgId)).toHaveLength(1);
    socket.disconnect();
  });

  it('keeps seq strictly increasing under concurrent sends from several tabs', async () => {
    const socket = rawSocket(gateway.url, {});
    const session = await connectForSession(socket);
    const tabs = [socket, rawSocket(gateway.url, { visitorToken: session.visitorToken }), rawSocket(gateway.url, { visitorToken: session.visitorToken })];
    await Promise.all(tabs.slice(1).map(connectForSession));
    const acks = await Promise.all(
      Array.from({ length: 15 }, (_, i) => send(tabs[i % 3]!, { clientMsgId: randomUUID(), text: `burst ${i}` })),
    );
    expect(acks.every((ack) => ack.ok)).toBe(true);
    // The bot answers in between; every message, the shopper's and the bot's, gets the next seq.
    const stored = await history(socket);
    expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: stored.length }, (_, i) => i + 1));
    expect(stored.filter((m) => m.author.kind === 'visitor')).toHaveLength(15);
    for (const tab of tabs) tab.disconnect();
  });

  it.each(messageSendFixtures)('golden fixture "$name" gets $expected', async ({ payload, expected }) => {
    const socket = rawSocket(gateway.url, {});
    await connectForSession(socket);
    const ack = await send(socket, payload);
    if (expected === 'ok') expect(ack.ok).toBe(true);
    else expect(ack).toMatchObject({ ok: false, error: { code: expected } });
    socket.disconnect();
  });

  it('pages history after a seq', async () => {
    const socket = rawSocket(gateway.url, {});
    await connectForSession(socket);
    await send(socket, { clientMsgId: randomUUID(), text: 'page 0' });
    // Greeting (1) and privacy notice (2), then the shopper's message (3); the bot's answer follows.
    const first = await socket.timeout(5_000).emitWithAck('history:fetch', { afterSeq: 0, limit: 2 });
    expect(first).toMatchObject({ ok: true, data: { hasMore: true } });
    expect(first.ok && first.data.messages.map((m: Message) => m.seq)).toEqual([1, 2]);
    const next = await socket.timeout(5_000).emitWithAck('history:fetch', { afterSeq: 2, limit: 1 });
    expect(next.ok && next.data.messages.map((m: Message) => m.text)).toEqual(['page 0']);
    const invalid = await socket.timeout(5_000).emitWithAck('history:fetch', { afterSeq: -1 });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'PARLEY_ERR_PAYLOAD_INVALID' } });
    socket.disconnect();
  });

  it('drops a packet larger than the size limit without crashing the gateway', async () => {
    const socket = rawSocket(gateway.url, {});
    await connectForSession(socket);
    const dropped = new Promise<string>((resolve) => socket.on('disconnect', resolve));
    socket.emit('message:send', { clientMsgId: randomUUID(), text: 'x'.repeat(64 * 1024) }, () => {});
    expect(await dropped).toBe('transport close');
    const healthy = rawSocket(gateway.url, {});
    await expect(connectForSession(healthy)).resolves.toHaveProperty('conversationId');
    healthy.disconnect();
  });
});

describe('message rate limit', () => {
  it('refuses sends past the per-visitor limit with a coded, retryable error', async () => {
    const config = testConfig();
    const gateway = await startGateway({
      ...config,
      rateLimits: { ...config.rateLimits, messagesPerVisitor: { points: 3, durationSeconds: 60 } },
    });
    try {
      const socket = rawSocket(gateway.url, {});
      await connectForSession(socket);
      const acks = [];
      for (let i = 0; i < 4; i += 1) acks.push(await send(socket, { clientMsgId: randomUUID(), text: `n${i}` }));
      expect(acks.slice(0, 3).every((a) => a.ok)).toBe(true);
      expect(acks[3]).toMatchObject({ ok: false, error: { code: 'PARLEY_ERR_RATE_LIMITED' } });
      socket.disconnect();
    } finally {
      await gateway.stop();
      removeDataDir(config);
    }
  });
});
