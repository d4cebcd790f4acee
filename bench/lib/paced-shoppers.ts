/**
 * Well-behaved shoppers for bench/flood.ts: raw Socket.IO visitors, each from its own IP (an
 * `X-Forwarded-For` the gateway believes under PARLEY_TRUST_PROXY=1), each sending one message
 * per interval and awaiting its ack. Their ack latencies are the benchmark's measure.
 */
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, VISITOR_NAMESPACE } from '../../packages/protocol/src/version.ts';

/** Texts the bot answers from its knowledge (a greeting, returns, customs, VAT, thanks). */
export const ANSWERABLE_TEXTS = [
  'Hello there',
  'How do I return an item?',
  'Do I have to pay customs duties in Germany?',
  'Thank you so much',
  'Is VAT included for France?',
  'What is your return policy?',
  'Good morning',
  'Are there import fees to Japan?',
  'Can I send my jacket back?',
  'Thanks for the help',
];

/** What one measured window produced. */
export interface ShopperWindow {
  /** Ack latency of every send, ms (a send with no ack in time counts as the timeout). */
  latenciesMs: number[];
  /** Sends the gateway refused (code → count) or never acked (`timeout`). */
  failures: Record<string, number>;
  /** When each send started, ms since the window began (same order as latenciesMs). */
  startedAtMs: number[];
}

const ACK_TIMEOUT_MS = 5_000;

/** Connects one shopper per IP and resolves once every one has its session. */
export async function connectShoppers(url: string, ips: readonly string[], siteKey = 'demo'): Promise<Socket[]> {
  return Promise.all(
    ips.map(
      (ip) =>
        new Promise<Socket>((resolve, reject) => {
          const socket = io(`${url}${VISITOR_NAMESPACE}`, {
            transports: ['websocket'],
            forceNew: true,
            extraHeaders: { 'x-forwarded-for': ip },
            auth: { siteKey, protocolVersion: PROTOCOL_VERSION, locale: 'en-US' },
          });
          socket.once('session:ready', () => resolve(socket));
          socket.once('connect_error', reject);
        }),
    ),
  );
}

/** Every shopper sends one message each `intervalMs` for `durationMs`, awaiting each ack. */
export async function runShoppers(sockets: readonly Socket[], durationMs: number, intervalMs: number): Promise<ShopperWindow> {
  const window: ShopperWindow = { latenciesMs: [], failures: {}, startedAtMs: [] };
  const begin = performance.now();
  await Promise.all(
    sockets.map(async (socket, index) => {
      // Staggered so the shoppers do not all send in the same millisecond.
      let next = begin + (intervalMs * index) / sockets.length;
      for (let turn = 0; next - begin < durationMs; turn += 1) {
        const wait = next - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const started = performance.now();
        const text = ANSWERABLE_TEXTS[(turn + index) % ANSWERABLE_TEXTS.length]!;
        let outcome: string;
        try {
          const ack = (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('message:send', { clientMsgId: randomUUID(), text })) as { ok: boolean; error?: { code: string } };
          outcome = ack.ok ? 'ok' : (ack.error?.code ?? 'error');
        } catch {
          outcome = 'timeout';
        }
        window.latenciesMs.push(performance.now() - started);
        window.startedAtMs.push(started - begin);
        if (outcome !== 'ok') window.failures[outcome] = (window.failures[outcome] ?? 0) + 1;
        next = Math.max(next + intervalMs, performance.now());
      }
    }),
  );
  return window;
}

/** The p-th percentile (nearest rank) of `values`; NaN when there are none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((sorted.length * p) / 100) - 1))]!;
}
