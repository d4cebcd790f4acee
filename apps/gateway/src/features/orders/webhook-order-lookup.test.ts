import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:https';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookOrderLookup, WEBHOOK_RESPONSE_MAX_BYTES } from './webhook-order-lookup.ts';

const SECRET = 'whsec_0123456789abcdef0123456789abcdef';
type Handler = (body: string, req: IncomingMessage, res: ServerResponse) => void;

/** A shop's webhook over real TLS, verifying the signature the way the docs tell shops to. */
let server: Server;
let url: string;
let ca: string;
let handler: Handler;
const received: Array<{ body: string; verified: boolean }> = [];

function verify(req: IncomingMessage, body: string): boolean {
  const timestamp = String(req.headers['x-parley-timestamp']);
  const given = Buffer.from(String(req.headers['x-parley-signature']));
  const expected = Buffer.from(`v1=${createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex')}`);
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
  return fresh && given.length === expected.length && timingSafeEqual(given, expected);
}

beforeAll(async () => {
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  ca = pems.cert;
  server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push({ body, verified: verify(req, body) });
      handler(body, req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/parley/orders`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const lookup = (timeoutMs = 1000) => webhookOrderLookup({ siteKey: 'nordlicht', webhook: { url, secret: SECRET, timeoutMs }, tls: { ca } });
const json = (status: number, value: unknown): Handler => (_body, _req, res) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
};

describe('order lookup webhook', () => {
  it('sends a signed request and reads the order it gets back', async () => {
    handler = json(200, { number: 'NL-77', status: 'shipped', shippedAt: '2026-11-20', estimatedDelivery: '2026-11-28T12:00:00Z', destinationCountry: 'DE', internalNote: 'ignored' });
    const result = await lookup()('NL-77');
    expect(result).toEqual({
      kind: 'found',
      order: { number: 'NL-77', status: 'shipped', shippedAt: '2026-11-20', estimatedDelivery: '2026-11-28T12:00:00Z', destinationCountry: 'DE' },
    });
    expect(received.at(-1)).toEqual({ body: JSON.stringify({ siteKey: 'nordlicht', orderNumber: 'NL-77' }), verified: true });
  });

  it('signs with the configured secret only: another secret fails the shop’s check', async () => {
    handler = json(200, { number: 'NL-77', status: 'processing', placedAt: '2026-11-20' });
    await webhookOrderLookup({ siteKey: 'nordlicht', webhook: { url, secret: 'x'.repeat(40) }, tls: { ca } })('NL-77');
    expect(received.at(-1)?.verified).toBe(false);
  });

  it('reads 404 as an unknown order number', async () => {
    handler = json(404, { error: 'no such order' });
    expect(await lookup()('NL-0')).toEqual({ kind: 'not-found' });
  });

  it('gives up after the timeout instead of keeping the shopper waiting', async () => {
    handler = () => undefined; // never answers
    expect(await lookup(300)('NL-1')).toEqual({ kind: 'failed', reason: 'timeout' });
  });

  it('fails clearly on a body that is not JSON, not an order, too large, or a server error', async () => {
    handler = (_body, _req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"number": "NL-1", ');
    expect(await lookup()('NL-1')).toEqual({ kind: 'failed', reason: 'bad-json' });
    handler = json(200, { number: 'NL-1', status: 'teleported' });
    expect(await lookup()('NL-1')).toEqual({ kind: 'failed', reason: 'bad-shape' });
    // A shipped order without its ship date: the bot would have to invent one, so it is refused.
    handler = json(200, { number: 'NL-1', status: 'shipped' });
    expect(await lookup()('NL-1')).toEqual({ kind: 'failed', reason: 'bad-shape' });
    handler = (_body, _req, res) => res.writeHead(200).end('x'.repeat(WEBHOOK_RESPONSE_MAX_BYTES + 1));
    expect(await lookup()('NL-1')).toEqual({ kind: 'failed', reason: 'too-large' });
    handler = json(500, { error: 'boom' });
    expect(await lookup()('NL-1')).toEqual({ kind: 'failed', reason: 'bad-status' });
  });

  it('refuses a certificate it cannot verify, and an unreachable host', async () => {
    handler = json(200, { number: 'NL-77', status: 'processing', placedAt: '2026-11-20' });
    expect(await webhookOrderLookup({ siteKey: 's', webhook: { url, secret: SECRET } })('NL-77')).toEqual({ kind: 'failed', reason: 'unreachable' });
    const closed = webhookOrderLookup({ siteKey: 's', webhook: { url: 'https://127.0.0.1:1/orders', secret: SECRET }, tls: { ca } });
    expect(await closed('NL-77')).toEqual({ kind: 'failed', reason: 'unreachable' });
  });
});
