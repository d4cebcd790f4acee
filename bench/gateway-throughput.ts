/**
 * Gateway message throughput beside a baseline run in the same process: a bare Socket.IO
 * server that acks each packet at once. Both get the same load (CLIENTS sockets on loopback,
 * each sending MESSAGES acked messages one after another), so the ratio shows what validation,
 * a durable SQLite write (synchronous=FULL), fan-out and the bot's answer cost. Every message
 * ("Where is my order #1234?") is understood, looked up in the demo orders and answered, so
 * each one the shopper sends stores two. Bounded, loopback only.
 *   pnpm --filter @parley/bench throughput
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Server } from 'socket.io';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { buildApp } from '../apps/gateway/src/app.ts';
import { loadConfig } from '../apps/gateway/src/config.ts';

const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 20);
const MESSAGES = Number(process.env['BENCH_MESSAGES'] ?? 100);

async function drive(connect: () => Socket, event: string, payload: () => unknown): Promise<number> {
  const sockets = await Promise.all(
    Array.from({ length: CLIENTS }, () => {
      const socket = connect();
      return new Promise<Socket>((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    }),
  );
  const started = performance.now();
  await Promise.all(
    sockets.map(async (socket) => {
      for (let i = 0; i < MESSAGES; i += 1) {
        const ack = (await socket.timeout(10_000).emitWithAck(event, payload())) as { ok?: boolean };
        if (ack.ok === false) throw new Error(`refused: ${JSON.stringify(ack)}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  for (const socket of sockets) socket.disconnect();
  return (CLIENTS * MESSAGES) / seconds;
}

async function baseline(): Promise<number> {
  const http = createServer();
  const server = new Server(http);
  server.on('connection', (socket) => socket.on('echo', (_payload, ack: (r: unknown) => void) => ack({ ok: true })));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as { port: number }).port;
  const rate = await drive(() => io(`http://127.0.0.1:${port}`, { transports: ['websocket'], forceNew: true }), 'echo', () => ({
    clientMsgId: randomUUID(),
    text: 'Where is my order #1234?',
  }));
  await new Promise<void>((resolve) => void server.close(() => resolve()));
  return rate;
}

async function gateway(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-'));
  const config = loadConfig({ PARLEY_DATA_DIR: dataDir, PARLEY_SECRET: 'bench-secret-bench-secret-bench-secret' });
  const unlimited = { points: 1_000_000, durationSeconds: 1 };
  const app = await buildApp(
    { ...config, rateLimits: { ...config.rateLimits, messagesPerVisitor: unlimited, messagesPerIp: unlimited, handshakesPerIp: unlimited } },
    { logger: false },
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  const rate = await drive(
    () =>
      io(`http://127.0.0.1:${port}/visitor`, {
        transports: ['websocket'],
        forceNew: true,
        auth: { siteKey: 'demo', protocolVersion: 1 },
      }),
    'message:send',
    () => ({ clientMsgId: randomUUID(), text: 'Where is my order #1234?' }),
  );
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  return rate;
}

const base = await baseline();
const parley = await gateway();
console.log(`load: ${CLIENTS} sockets x ${MESSAGES} acked messages each, loopback`);
console.log(`baseline (bare Socket.IO ack)   ${base.toFixed(0)} msg/s`);
console.log(`gateway  (validate+store+fanout) ${parley.toFixed(0)} msg/s`);
console.log(`ratio gateway / baseline = ${(parley / base).toFixed(3)}`);
