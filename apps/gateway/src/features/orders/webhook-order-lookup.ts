import { createHmac } from 'node:crypto';
import { request } from 'node:https';
import type { SecureContextOptions } from 'node:tls';
import { OrderSchema } from './order.ts';
import type { OrderLookup, OrderLookupFailure, OrderLookupResult } from './order.ts';

/** A shop's order lookup endpoint, as configured on its site. */
export interface OrderWebhook {
  /** `https://` only: the request carries order numbers and the answer personal data. */
  url: string;
  /** Shared secret for the signature; at least 32 characters. */
  secret: string;
  /** Give up after this long and tell the shopper; default 4 s. */
  timeoutMs?: number | undefined;
}

/** Largest answer read from a webhook; an order is a few hundred bytes. */
export const WEBHOOK_RESPONSE_MAX_BYTES = 64 * 1024;
const DEFAULT_TIMEOUT_MS = 4000;

/**
 * The signature a webhook receives in `X-Parley-Signature`: `v1=` + hex HMAC-SHA256 of
 * `<timestamp>.<raw body>` under the site's webhook secret, with the same timestamp (Unix
 * seconds) in `X-Parley-Timestamp`. Shops verify it and reject stale timestamps (replays).
 */
export function signWebhookBody(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Asks a shop's webhook for an order: `POST { siteKey, orderNumber }`, signed. 200 with an
 * order is found, 404 is not found; anything else (timeout, refused connection, another status,
 * a body that is not JSON or not an order, more than 64 KiB) is a failure the bot explains to
 * the shopper. `tls` lets tests trust a self-signed certificate; production uses system CAs
 * (plus `NODE_EXTRA_CA_CERTS` for a private CA).
 */
export function webhookOrderLookup(options: { siteKey: string; webhook: OrderWebhook; tls?: SecureContextOptions }): OrderLookup {
  const timeoutMs = options.webhook.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return async (orderNumber) => {
    if (!options.webhook.url.startsWith('https://')) return failed('not-configured');
    const body = JSON.stringify({ siteKey: options.siteKey, orderNumber });
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await post(options.webhook.url, body, {
      'content-type': 'application/json',
      'x-parley-timestamp': String(timestamp),
      'x-parley-signature': signWebhookBody(options.webhook.secret, timestamp, body),
    }, timeoutMs, options.tls);
    if ('failure' in response) return failed(response.failure);
    if (response.status === 404) return { kind: 'not-found' };
    if (response.status !== 200) return failed('bad-status');
    let json: unknown;
    try {
      json = JSON.parse(response.body);
    } catch {
      return failed('bad-json');
    }
    const parsed = OrderSchema.safeParse(json);
    return parsed.success ? { kind: 'found', order: parsed.data } : failed('bad-shape');
  };
}

function failed(reason: OrderLookupFailure): OrderLookupResult {
  return { kind: 'failed', reason };
}

type PostResult = { status: number; body: string } | { failure: OrderLookupFailure };

/** One HTTPS POST with a deadline covering connect, headers and body; resolves, never rejects. */
function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number, tls: SecureContextOptions | undefined): Promise<PostResult> {
  return new Promise((resolve) => {
    const signal = AbortSignal.timeout(timeoutMs);
    const req = request(url, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, signal, ...tls }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > WEBHOOK_RESPONSE_MAX_BYTES) {
          resolve({ failure: 'too-large' });
          res.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => resolve({ failure: signal.aborted ? 'timeout' : 'unreachable' }));
    });
    req.on('error', () => resolve({ failure: signal.aborted ? 'timeout' : 'unreachable' }));
    req.end(body);
  });
}
