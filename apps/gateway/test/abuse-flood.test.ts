import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Manager } from 'socket.io-client';
import type { Ack, SessionClosed } from '@parley/protocol';
import { connectForSession, handshakeRefusal, rawSocket, removeDataDir, startGateway, testConfig } from './gateway-harness.ts';
import type { RunningGateway, TestSocket } from './gateway-harness.ts';
import { DEFAULT_FLOOD_POLICY, FloodControl } from '../src/security/flood-control.ts';
import { VisitorTokenSigner } from '../src/security/visitor-token.ts';

let gateway: RunningGateway | undefined;
const sockets: TestSocket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  if (gateway) {
    await gateway.stop();
    removeDataDir(gateway.config);
    gateway = undefined;
  }
});

/** A visitor socket whose IP, behind one trusted proxy, is `ip` (the entry the proxy appends). */
function visitorFrom(ip: string, forgedLeft = '', visitorToken?: string): TestSocket {
  const socket = rawSocket(gateway!.url, visitorToken ? { visitorToken } : {}, { 'x-forwarded-for': forgedLeft ? `${forgedLeft}, ${ip}` : ip });
  sockets.push(socket);
  return socket;
}

/** A bare Engine.IO polling handshake from `ip` (via the trusted proxy): its status and body. */
async function engineHandshake(ip: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${gateway!.url}/socket.io/?EIO=4&transport=polling`, { headers: { 'x-forwarded-for': ip } });
  return { status: response.status, body: await response.text() };
}

function send(socket: TestSocket, text: string): Promise<Ack<unknown>> {
  return socket.timeout(5_000).emitWithAck('message:send', { clientMsgId: randomUUID(), text }) as Promise<Ack<unknown>>;
}

describe('one client cannot degrade the service', () => {
  it('disconnects a socket that keeps sending past its limit, says why, and refuses its IP for a while', async () => {
    gateway = await startGateway(testConfig({ PARLEY_TRUST_PROXY: '1' }));
    const flooder = visitorFrom('198.51.100.7');
    await connectForSession(flooder);
    const closed = new Promise<SessionClosed>((resolve) => flooder.once('session:closed', resolve));
    const disconnected = new Promise<string>((resolve) => flooder.once('disconnect', resolve));
    let refused = 0;
    for (let i = 0; i < 3_000 && flooder.connected; i += 1) {
      flooder.emit('message:send', { clientMsgId: randomUUID(), text: `flood ${i}` }, (ack: Ack<unknown>) => {
        if (!ack.ok && ack.error.code === 'PARLEY_ERR_RATE_LIMITED') refused += 1;
      });
    }
    const reason = await closed;
    expect(reason.error.code).toBe('PARLEY_ERR_FLOOD_DISCONNECTED');
    expect((reason.error.details as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
    expect(await disconnected).toBe('io server disconnect');
    expect(refused).toBeGreaterThan(0);

    // The same IP cannot come straight back (refused before the Engine.IO handshake, the code in
    // the answer's body); a shopper elsewhere is unaffected.
    const comeback = await engineHandshake('198.51.100.7');
    expect(comeback.status).toBe(403);
    expect(comeback.body).toContain('PARLEY_ERR_FLOOD_DISCONNECTED');
    const shopper = visitorFrom('203.0.113.20');
    await connectForSession(shopper);
    expect((await send(shopper, 'Where is my order?')).ok).toBe(true);
  });

  it('caps open connections per IP before the handshake, and closes connections that never complete one', async () => {
    gateway = await startGateway(testConfig({ PARLEY_TRUST_PROXY: '1', PARLEY_CONNECTIONS_PER_IP: '3', PARLEY_HANDSHAKE_TIMEOUT_MS: '2000' }));
    const managers = Array.from({ length: 3 }, () => new Manager(gateway!.url, { autoConnect: false, reconnection: false, transports: ['websocket'], extraHeaders: { 'x-forwarded-for': '198.51.100.9' } }));
    const opened = managers.map((manager) => new Promise<void>((resolve, reject) => manager.open((error) => (error ? reject(error) : resolve()))));
    await Promise.all(opened);
    const fourth = await engineHandshake('198.51.100.9');
    expect(fourth.status).toBe(403);
    expect(fourth.body).toContain('PARLEY_ERR_TOO_MANY_CONNECTIONS');
    // None of the three joined a namespace: each is closed after the handshake timeout, which frees the IP.
    await Promise.all(managers.map((manager) => new Promise<void>((resolve) => manager.engine.once('close', () => resolve()))));
    const later = visitorFrom('198.51.100.9');
    await connectForSession(later);
    expect(later.connected).toBe(true);
  });
});

describe('limits hold behind a proxy', () => {
  it('takes the address the trusted proxy saw, not the leftmost X-Forwarded-For entry the client wrote', async () => {
    gateway = await startGateway(testConfig({ PARLEY_TRUST_PROXY: '1', PARLEY_HANDSHAKES_PER_IP: '5' }));
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 8; i += 1) {
      const socket = visitorFrom('127.5.0.1', `203.0.113.${i}`);
      try {
        await connectForSession(socket);
        codes.push('ok');
      } catch (error) {
        codes.push((error as { data?: { code: string } }).data?.code);
      }
      socket.disconnect();
    }
    expect(codes.filter((code) => code === 'ok')).toHaveLength(5);
    expect(codes.slice(5)).toEqual(['PARLEY_ERR_RATE_LIMITED', 'PARLEY_ERR_RATE_LIMITED', 'PARLEY_ERR_RATE_LIMITED']);
  });

  it('applies the same rule to REST: forged entries do not reset /v1/understand’s per-IP limit', async () => {
    const base = testConfig({ PARLEY_TRUST_PROXY: '1' });
    gateway = await startGateway({ ...base, rateLimits: { ...base.rateLimits, understandPerIp: { points: 4, durationSeconds: 60 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await fetch(`${gateway.url}/v1/understand`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${i}, 127.5.0.1`, origin: 'http://localhost:8787' },
        body: JSON.stringify({ siteKey: 'demo', text: 'Where is my order?' }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 4).every((status) => status !== 429)).toBe(true);
    expect(statuses.slice(4)).toEqual([429, 429]);
  });

  it('a handshake from a different proxied client is its own IP', async () => {
    gateway = await startGateway(testConfig({ PARLEY_TRUST_PROXY: '1', PARLEY_HANDSHAKES_PER_IP: '1' }));
    await connectForSession(visitorFrom('192.0.2.1'));
    expect((await handshakeRefusal(visitorFrom('192.0.2.1')))?.code).toBe('PARLEY_ERR_RATE_LIMITED');
    await connectForSession(visitorFrom('192.0.2.2'));
  });
});

describe('visitor tokens expire', () => {
  it('refuses a token past its lifetime, and renews a valid one in session:ready', async () => {
    const config = testConfig();
    gateway = await startGateway(config);
    const first = rawSocket(gateway.url, {});
    sockets.push(first);
    const session = await connectForSession(first);
    first.disconnect();
    const claims = { visitorId: session.visitorId, siteKey: 'demo', conversationId: session.conversationId, region: session.region };
    const secret = config.secret!;
    const longAgo = new Date(Date.now() - 2 * 86_400_000);
    const expired = new VisitorTokenSigner(secret, { lifetimeDays: 1, now: () => longAgo }).sign(claims);
    const refusal = await handshakeRefusal(visitorFrom('127.0.0.1', '', expired));
    expect(refusal).toMatchObject({ code: 'PARLEY_ERR_TOKEN_INVALID', details: { reason: 'expired' } });
    const old = new VisitorTokenSigner(secret, { now: () => longAgo }).sign(claims);
    const renewed = await connectForSession(visitorFrom('127.0.0.1', '', old));
    expect(renewed.conversationId).toBe(session.conversationId);
    expect(renewed.visitorToken).not.toBe(old);
    expect(new VisitorTokenSigner(secret).verify(renewed.visitorToken)?.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 170 * 86_400_000);
  });
});

describe('flood penalties', () => {
  it('keep a short fixed penalty for the first offences of an IP, then double, up to the cap', async () => {
    const flood = new FloodControl({ ...DEFAULT_FLOOD_POLICY, connectionsPerIp: 10 });
    const penalties: number[] = [];
    for (let i = 0; i < 8; i += 1) penalties.push(await flood.penalise('192.0.2.50'));
    expect(penalties).toEqual([15_000, 15_000, 15_000, 30_000, 60_000, 120_000, 240_000, 300_000]);
    expect(await flood.refusal('192.0.2.50')).toMatchObject({ code: 'PARLEY_ERR_FLOOD_DISCONNECTED' });
    expect(await flood.refusal('192.0.2.51')).toBeUndefined();
  });
});

describe('packets no handler meters', () => {
  it('cuts a connection that sends ACK frames (the gateway never asks a client for one) or floods unacked events', async () => {
    gateway = await startGateway(testConfig({ PARLEY_TRUST_PROXY: '1' }));
    const acker = visitorFrom('198.51.100.21');
    await connectForSession(acker);
    const ackerGone = new Promise<string>((resolve) => acker.once('disconnect', resolve));
    (acker.io.engine as unknown as { write(frame: string): void }).write('3/visitor,1["x"]');
    expect(await ackerGone).toBe('transport close');

    const typist = visitorFrom('198.51.100.22');
    await connectForSession(typist);
    const typistGone = new Promise<string>((resolve) => typist.once('disconnect', resolve));
    for (let i = 0; i < 2_000 && typist.connected; i += 1) typist.emit('typing:set', { isTyping: i % 2 === 0 });
    expect(await typistGone).toBe('transport close');

    // Neither took the gateway down: a new shopper is served.
    const shopper = visitorFrom('203.0.113.30');
    await connectForSession(shopper);
    expect((await send(shopper, 'Hello')).ok).toBe(true);
  });
});
