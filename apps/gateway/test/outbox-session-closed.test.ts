import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Server } from 'socket.io';
import type { Socket as ServerSocket } from 'socket.io';
import { createParleyClient, OUTBOX_MAX_BYTES, OUTBOX_MAX_MESSAGES } from '@parley/client';
import type { Message, ParleyClient, SessionClosedEvent } from '@parley/client';
import type { ClientToServerEvents, ServerToClientEvents } from '@parley/protocol';
import { ParleyError } from '@parley/protocol/errors';
import { sessionReadyFixture } from '@parley/protocol/fixtures';

// The shopper SDK against a real, small Socket.IO server speaking just enough of /visitor: it
// stores every message it is sent and lets a test decide what happens to each connection.

type VisitorServerSocket = ServerSocket<ClientToServerEvents, ServerToClientEvents>;

class FakeVisitorGateway {
  readonly stored: string[] = [];
  /** When each connection was made (ms since the epoch). */
  readonly connectedAt: number[] = [];
  onConnection: (socket: VisitorServerSocket, index: number) => void = () => {};
  url = '';
  readonly #http = createServer();
  readonly #io = new Server<ClientToServerEvents, ServerToClientEvents>(this.#http);

  async start(): Promise<void> {
    this.#io.of('/visitor').on('connection', (socket: VisitorServerSocket) => {
      this.connectedAt.push(Date.now());
      socket.on('history:fetch', (_query, ack) => ack({ ok: true, data: { messages: [], hasMore: false } }));
      socket.on('message:send', (payload, ack) => {
        this.stored.push(payload.text);
        const message: Message = {
          id: `m_${this.stored.length}`,
          conversationId: sessionReadyFixture.conversationId,
          seq: this.stored.length,
          clientMsgId: payload.clientMsgId,
          author: { kind: 'visitor' },
          text: payload.text,
          locale: 'de-DE',
          createdAt: new Date().toISOString(),
        };
        ack({ ok: true, data: message });
      });
      socket.emit('session:ready', { ...sessionReadyFixture, lastSeq: 0 });
      this.onConnection(socket, this.connectedAt.length - 1);
    });
    await new Promise<void>((resolve) => this.#http.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#http.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await this.#io.close();
  }
}

const flood = (retryAfterMs: number) => new ParleyError('PARLEY_ERR_FLOOD_DISCONNECTED', undefined, { retryAfterMs }).toPayload();

describe('the shopper SDK and session:closed', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const start = async (): Promise<{ gateway: FakeVisitorGateway; client: ParleyClient }> => {
    const gateway = new FakeVisitorGateway();
    await gateway.start();
    cleanups.push(() => gateway.stop());
    const client = createParleyClient({ url: gateway.url, siteKey: 'demo' });
    cleanups.push(() => client.disconnect());
    return { gateway, client };
  };

  for (const how of ['a disconnect packet', 'a bare transport close'] as const) {
    it(`waits retryAfterMs after ${how}, then reconnects by itself and sends what was queued`, async () => {
      const { gateway, client } = await start();
      const waitMs = 1_500;
      let closedAt = 0;
      gateway.onConnection = (socket, index) => {
        if (index > 0) return;
        socket.emit('session:closed', { error: flood(waitMs) });
        closedAt = Date.now();
        // Socket.IO would otherwise be back within about 500 ms after a transport close.
        if (how === 'a disconnect packet') socket.disconnect(true);
        else socket.conn.close();
      };
      const closed = new Promise<SessionClosedEvent>((resolve) => client.on('sessionClosed', resolve));
      await client.connect();
      const event = await closed;
      expect(event.error).toBeInstanceOf(ParleyError);
      expect(event.error.code).toBe('PARLEY_ERR_FLOOD_DISCONNECTED');
      expect(event.reconnectInMs).toBe(waitMs);
      await expect.poll(() => client.status).toBe('reconnecting');
      const sent = client.send('Written while the gateway made me wait');
      expect(client.pendingCount).toBe(1);

      const message = await sent;
      expect(message.text).toBe('Written while the gateway made me wait');
      expect(gateway.connectedAt).toHaveLength(2);
      expect(gateway.connectedAt[1]! - closedAt).toBeGreaterThanOrEqual(waitMs);
      expect(gateway.stored).toEqual(['Written while the gateway made me wait']);
      expect(client.status).toBe('connected');
    }, 15_000);
  }

  it('still reconnects after an "io server disconnect" that came without a reason', async () => {
    const { gateway, client } = await start();
    gateway.onConnection = (socket, index) => {
      if (index === 0) socket.disconnect(true);
    };
    await client.connect();
    await expect.poll(() => gateway.connectedAt.length, { timeout: 10_000 }).toBe(2);
  }, 15_000);
});

describe('the shopper SDK outbox bound', () => {
  const unreachable = () => createParleyClient({ url: 'http://127.0.0.1:9', siteKey: 'demo' });

  it('refuses the send past the count cap with PARLEY_ERR_CLIENT_OUTBOX_FULL and keeps every queued one', async () => {
    const client = unreachable();
    const queued = Array.from({ length: OUTBOX_MAX_MESSAGES }, (_, i) => client.send(`message ${i}`).catch((error: ParleyError) => error.code));
    expect(client.pendingCount).toBe(OUTBOX_MAX_MESSAGES);
    expect(client.hasOutboxRoom('one more')).toBe(false);
    const refusal = await client.send('one more').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ParleyError);
    expect((refusal as ParleyError).code).toBe('PARLEY_ERR_CLIENT_OUTBOX_FULL');
    expect((refusal as ParleyError).isRetryable).toBe(true);
    expect(client.pendingCount).toBe(OUTBOX_MAX_MESSAGES);
    client.disconnect();
    expect(new Set(await Promise.all(queued))).toEqual(new Set(['PARLEY_ERR_CLIENT_CLOSED']));
  });

  it('bounds by UTF-8 bytes, then sends everything it kept, in order, once connected', async () => {
    const gateway = new FakeVisitorGateway();
    await gateway.start();
    const client = createParleyClient({ url: gateway.url, siteKey: 'demo' });
    try {
      // 4,000 × 'ü' is 8,000 bytes: the byte cap, not the count cap, is what fills here.
      const long = 'ü'.repeat(4000);
      const fits = Math.floor(OUTBOX_MAX_BYTES / 8000);
      expect(fits).toBeLessThan(OUTBOX_MAX_MESSAGES);
      const sends = Array.from({ length: fits }, () => client.send(long));
      expect(client.hasOutboxRoom(long)).toBe(false);
      await expect(client.send(long)).rejects.toMatchObject({ code: 'PARLEY_ERR_CLIENT_OUTBOX_FULL' });
      // What is left is still usable for a short message.
      const rest = OUTBOX_MAX_BYTES - fits * 8000;
      expect(client.hasOutboxRoom('a'.repeat(rest))).toBe(true);
      expect(client.hasOutboxRoom('a'.repeat(rest + 1))).toBe(false);

      await client.connect();
      await Promise.all(sends);
      expect(gateway.stored).toHaveLength(fits);
      expect(client.pendingCount).toBe(0);
      expect(client.hasOutboxRoom(long)).toBe(true);
    } finally {
      client.disconnect();
      await gateway.stop();
    }
  }, 20_000);

  it('refuses text made only of invisible characters before it reaches the outbox', async () => {
    const client = unreachable();
    for (const text of ['\u200B\u200D', '\u202E\u202C', ' \u3164 ']) {
      await expect(client.send(text)).rejects.toMatchObject({ code: 'PARLEY_ERR_PAYLOAD_INVALID' });
    }
    expect(client.pendingCount).toBe(0);
    client.disconnect();
  });
});
