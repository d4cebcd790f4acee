import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, HistoryFetchAckData, Message } from '@parley/protocol';
import { LIMITS } from '@parley/protocol';
import { connectForSession, handshakeRefusal, rawSocket, removeDataDir, startGateway, testConfig } from './gateway-harness.ts';
import type { RunningGateway, TestSocket } from './gateway-harness.ts';

let gateway: RunningGateway;
beforeAll(async () => {
  gateway = await startGateway(testConfig({ PARLEY_MESSAGES_PER_VISITOR: '1000', PARLEY_MESSAGES_PER_IP: '1000' }));
});
afterAll(async () => {
  await gateway.stop();
  removeDataDir(gateway.config);
});

async function shopper(): Promise<TestSocket> {
  const socket = rawSocket(gateway.url, {});
  await connectForSession(socket);
  return socket;
}

/** Emits with any arguments and resolves with the one ack (or 'no ack' after 5 s). */
function call(socket: TestSocket, event: string, ...args: unknown[]): Promise<Ack<unknown> | 'no ack'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('no ack'), 5_000);
    (socket as unknown as { emit(event: string, ...rest: unknown[]): void }).emit(event, ...args, (ack: Ack<unknown>) => {
      clearTimeout(timer);
      resolve(ack);
    });
  });
}

async function historyOf(socket: TestSocket): Promise<Message[]> {
  const all: Message[] = [];
  for (let afterSeq = 0; ; ) {
    const ack = (await socket.emitWithAck('history:fetch', { afterSeq })) as Ack<HistoryFetchAckData>;
    if (!ack.ok) throw new Error(ack.error.code);
    all.push(...ack.data.messages);
    if (!ack.data.hasMore) return all;
    afterSeq = ack.data.messages.at(-1)!.seq;
  }
}

describe('every event is acked exactly once', () => {
  it('answers a call with no payload, or with extra arguments, with a coded error and stores nothing', async () => {
    const socket = await shopper();
    const before = (await historyOf(socket)).length;
    expect(await call(socket, 'message:send')).toMatchObject({ ok: false, error: { code: 'PARLEY_ERR_PAYLOAD_INVALID' } });
    expect(await call(socket, 'history:fetch')).toMatchObject({ ok: false, error: { code: 'PARLEY_ERR_PAYLOAD_INVALID' } });
    const extra = await call(socket, 'message:send', { clientMsgId: randomUUID(), text: 'hello' }, 'extra');
    expect(extra).toMatchObject({ ok: false, error: { code: 'PARLEY_ERR_PAYLOAD_INVALID', details: { argumentCount: 2 } } });
    expect(await call(socket, 'no:such:event', {})).toMatchObject({ ok: false, error: { code: 'PARLEY_ERR_PAYLOAD_INVALID' } });
    expect((await historyOf(socket)).length).toBe(before);
    socket.disconnect();
  });
});

describe('text is checked and normalised once, at the edge', () => {
  it('acks a lone surrogate as the U+FFFD it is stored as', async () => {
    const socket = await shopper();
    const ack = await call(socket, 'message:send', { clientMsgId: randomUUID(), text: 'order a\uD800b' });
    expect(ack).toMatchObject({ ok: true, data: { text: 'order a\uFFFDb' } });
    const stored = (await historyOf(socket)).find((message) => message.author.kind === 'visitor');
    expect(stored?.text).toBe('order a\uFFFDb');
    socket.disconnect();
  });

  it('refuses text made only of zero-width or other invisible characters', async () => {
    const socket = await shopper();
    for (const text of ['\u200B\u200D', '\u2060\uFEFF ', '\u202E\u202C', '\u3164']) {
      expect(await call(socket, 'message:send', { clientMsgId: randomUUID(), text })).toMatchObject({ ok: false, error: { code: 'PARLEY_ERR_PAYLOAD_INVALID' } });
    }
    socket.disconnect();
  });
});

describe('history pages are bounded in bytes', () => {
  it('a page of long messages stays under the byte bound and paging still returns every message', async () => {
    const socket = await shopper();
    const long = 'é'.repeat(LIMITS.messageTextMax - 10);
    for (let i = 0; i < 20; i += 1) {
      const ack = await call(socket, 'message:send', { clientMsgId: randomUUID(), text: `${i} ${long}` });
      expect(ack).toMatchObject({ ok: true });
    }
    const first = (await socket.emitWithAck('history:fetch', { afterSeq: 0, limit: LIMITS.historyPageMax })) as Ack<HistoryFetchAckData>;
    if (!first.ok) throw new Error(first.error.code);
    expect(Buffer.byteLength(JSON.stringify(first.data.messages))).toBeLessThanOrEqual(LIMITS.historyPageBytesMax);
    expect(first.data.hasMore).toBe(true);
    const texts = (await historyOf(socket)).filter((message) => message.author.kind === 'visitor').map((message) => message.text.split(' ')[0]);
    expect(texts).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
    socket.disconnect();
  });
});

describe('refusals carry their own codes', () => {
  it('a handshake auth that is a string or an array is refused as HANDSHAKE_INVALID', async () => {
    for (const auth of ['not-an-object', ['demo']]) {
      const socket = rawSocket(gateway.url, {});
      (socket as unknown as { auth: unknown }).auth = auth;
      expect((await handshakeRefusal(socket))?.code).toBe('PARLEY_ERR_HANDSHAKE_INVALID');
    }
  });

  it('REST answers 413 and 415 with codes of their own', async () => {
    const tooLarge = await fetch(`${gateway.url}/v1/understand`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ siteKey: 'demo', text: 'x'.repeat(LIMITS.packetBytesMax + 1) }),
    });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ error: { code: 'PARLEY_ERR_PAYLOAD_TOO_LARGE' } });
    const wrongType = await fetch(`${gateway.url}/v1/understand`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a,b' });
    expect(wrongType.status).toBe(415);
    expect(await wrongType.json()).toMatchObject({ error: { code: 'PARLEY_ERR_MEDIA_TYPE_UNSUPPORTED' } });
  });
});
