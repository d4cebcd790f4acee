import { afterEach, describe, expect, it } from 'vitest';
import { createParleyClient } from '@parley/client';
import type { Message, ParleyClient } from '@parley/client';
import { PROTOCOL_VERSION } from '@parley/protocol';
import { removeDataDir, startGateway, testConfig } from './gateway-harness.ts';
import type { RunningGateway } from './gateway-harness.ts';
import type { GatewayConfig } from '../src/config.ts';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function gatewayFor(config: GatewayConfig, port = 0): Promise<RunningGateway> {
  const gateway = await startGateway(config, port);
  cleanups.push(() => (gateway.app.server.listening ? gateway.stop() : undefined));
  return gateway;
}

function clientFor(url: string, options: Partial<Parameters<typeof createParleyClient>[0]> = {}): ParleyClient {
  const client = createParleyClient({ url, siteKey: 'demo', ackTimeoutMs: 2_000, ...options });
  cleanups.push(() => client.disconnect());
  return client;
}

function until(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (predicate()) return resolve();
      if (Date.now() > deadline) return reject(new Error('condition not met in time'));
      setTimeout(tick, 20);
    };
    tick();
  });
}

describe('@parley/client against a real gateway', () => {
  it('connects, greets, sends, and reports every message once in seq order', async () => {
    const config = testConfig();
    cleanups.push(() => removeDataDir(config));
    const gateway = await gatewayFor(config);
    const client = clientFor(gateway.url, { locales: ['ja-JP'] });
    const seen: Message[] = [];
    client.on('message', (m) => seen.push(m));
    const session = await client.connect();
    expect(session).toMatchObject({ locale: 'ja-JP', region: 'eu' });
    const sent = await client.send('注文した商品がまだ届きません');
    expect(sent.text).toBe('注文した商品がまだ届きません');
    // Greeting, privacy notice, the shopper's message, and the bot asking for the order number.
    await until(() => seen.length === 4);
    expect(seen.map((m) => [m.seq, m.author.kind])).toEqual([[1, 'bot'], [2, 'bot'], [3, 'visitor'], [4, 'bot']]);
    expect(seen[3]).toMatchObject({ locale: 'ja-JP', bot: { templateKey: 'order.askNumber' } });
    expect((await client.history()).map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    expect(seen).toHaveLength(4);
  });

  it('refuses bad input before it leaves the client', async () => {
    const config = testConfig();
    cleanups.push(() => removeDataDir(config));
    const client = clientFor((await gatewayFor(config)).url);
    await client.connect();
    await expect(client.send('x'.repeat(4001))).rejects.toMatchObject({ code: 'PARLEY_ERR_MESSAGE_TOO_LONG' });
    await expect(client.send('   ')).rejects.toMatchObject({ code: 'PARLEY_ERR_PAYLOAD_INVALID' });
  });

  it('rejects connect() with the refusal code for an unknown site, without hanging', async () => {
    const config = testConfig();
    cleanups.push(() => removeDataDir(config));
    const client = clientFor((await gatewayFor(config)).url, { siteKey: 'nope' });
    await expect(client.connect()).rejects.toMatchObject({ code: 'PARLEY_ERR_SITE_UNKNOWN' });
    expect(client.status).toBe('failed');
  });

  it('starts a new visitor when its stored token is no longer valid', async () => {
    const config = testConfig();
    cleanups.push(() => removeDataDir(config));
    const client = clientFor((await gatewayFor(config)).url, { visitorToken: 'v1.forged.token' });
    const session = await client.connect();
    expect(session.visitorToken).not.toBe('v1.forged.token');
  });

  it('continues the same conversation with a stored token', async () => {
    const config = testConfig();
    cleanups.push(() => removeDataDir(config));
    const gateway = await gatewayFor(config);
    const first = clientFor(gateway.url);
    const session = await first.connect();
    await first.send('remember me');
    first.disconnect();
    const again = clientFor(gateway.url, { visitorToken: session.visitorToken });
    expect((await again.connect()).conversationId).toBe(session.conversationId);
    expect((await again.history()).map((m) => m.text)).toContain('remember me');
  });

  it('loses and doubles nothing across a gateway restart, sending what was queued while down', async () => {
    const config = testConfig();
    cleanups.push(() => removeDataDir(config));
    let gateway = await gatewayFor(config);
    const port = gateway.port;
    const client = clientFor(gateway.url);
    const seen: Message[] = [];
    client.on('message', (m) => seen.push(m));
    await client.connect();
    await client.send('before the restart');
    await gateway.stop();
    await until(() => client.status === 'reconnecting');

    const whileDown = [client.send('sent while down 1'), client.send('sent while down 2')];
    expect(client.pendingCount).toBe(2);
    gateway = await gatewayFor(config, port);
    const acked = await Promise.all(whileDown);
    await until(() => seen.some((m) => m.id === acked[1]!.id));
    // The bot answers in between, so seqs are not fixed; what matters is order, no gap, no double.
    const texts = ['before the restart', 'sent while down 1', 'sent while down 2'];
    expect(seen.filter((m) => m.author.kind === 'visitor').map((m) => m.text)).toEqual(texts);
    expect(seen.map((m) => m.seq)).toEqual(Array.from({ length: seen.length }, (_, i) => i + 1));
    const history = await client.history();
    expect(history.map((m) => m.seq)).toEqual(Array.from({ length: history.length }, (_, i) => i + 1));
    expect(history.filter((m) => m.author.kind === 'visitor').map((m) => m.text)).toEqual(texts);
  });

  it('reports a wrong identity hash and carries on anonymously', async () => {
    const config = testConfig();
    cleanups.push(() => removeDataDir(config));
    const client = clientFor((await gatewayFor(config)).url, { identity: { userId: 'u_1', userHash: 'a'.repeat(64) } });
    const errors: string[] = [];
    client.on('error', (error) => errors.push(error.code));
    const session = await client.connect();
    expect(session.visitorId).toMatch(/^v_/u);
    expect(errors).toEqual(['PARLEY_ERR_IDENTITY_INVALID']);
  });

  it('sends PROTOCOL_VERSION in its handshake', async () => {
    const config = testConfig();
    cleanups.push(() => removeDataDir(config));
    const gateway = await gatewayFor(config);
    const versions: unknown[] = [];
    gateway.app.io.of('/visitor').use((socket, next) => {
      versions.push((socket.handshake.auth as { protocolVersion?: unknown }).protocolVersion);
      next();
    });
    await clientFor(gateway.url).connect();
    expect(versions).toEqual([PROTOCOL_VERSION]);
  });
});
