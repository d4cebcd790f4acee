/**
 * Hand-off-to-inbox latency: a shopper asks for a person; how long until a signed-in agent's
 * console receives the conversation, routed to them. Measured RUNS times (a new shopper each
 * time) beside a baseline in the same run: the shopper's own ack for the same message, i.e.
 * what one durable store round trip costs on this machine. Also times one sign-in (argon2id
 * verification plus the session write) against a bare HTTP round trip. Loopback only, bounded.
 *   pnpm --filter @parley/bench handoff
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { buildApp } from '../apps/gateway/src/app.ts';
import { loadConfig } from '../apps/gateway/src/config.ts';
import { hashPassword } from '../apps/gateway/src/features/accounts/passwords.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 50);
const PASSWORD = 'bench password, long enough';

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-handoff-'));
const config = loadConfig({ PARLEY_DATA_DIR: dataDir, PARLEY_SECRET: 'bench-secret-bench-secret-bench-secret' });
const unlimited = { points: 1_000_000, durationSeconds: 1 };
const app = await buildApp({ ...config, rateLimits: { ...config.rateLimits, handshakesPerIp: unlimited, messagesPerIp: unlimited, restPerIp: unlimited } }, { logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const now = new Date().toISOString();
await app.directory.createAgent({
  id: 'a_bench', email: 'bench@shop.example', name: 'Bench', role: 'agent', languages: ['en'], sites: null, regions: null,
  capacity: RUNS + 10, passwordHash: await hashPassword(PASSWORD), isDisabled: false, createdAt: now, updatedAt: now,
});

const signInMs: number[] = [];
const bareHttpMs: number[] = [];
let cookie = '';
for (let i = 0; i < 10; i += 1) {
  let started = performance.now();
  await fetch(`${url}/healthz`);
  bareHttpMs.push(performance.now() - started);
  started = performance.now();
  const response = await fetch(`${url}/v1/agent/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@shop.example', password: PASSWORD }) });
  signInMs.push(performance.now() - started);
  cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const agent = io(`${url}/agent`, { transports: ['websocket'], forceNew: true, auth: { protocolVersion: 1 }, extraHeaders: { cookie } });
await new Promise((resolve, reject) => (agent.once('agent:ready', resolve), agent.once('connect_error', reject)));

const handoffMs: number[] = [];
const ackMs: number[] = [];
for (let run = 0; run < RUNS; run += 1) {
  const shopper = io(`${url}/visitor`, { transports: ['websocket'], forceNew: true, auth: { siteKey: 'demo', protocolVersion: 1 } });
  const session = await new Promise<{ conversationId: string }>((resolve, reject) => (shopper.once('session:ready', resolve), shopper.once('connect_error', reject)));
  const routed = new Promise<number>((resolve) => {
    const listener = (summary: { id: string; assigneeId: string | null }) => {
      if (summary.id !== session.conversationId || summary.assigneeId !== 'a_bench') return;
      agent.off('conversation:changed', listener);
      resolve(performance.now());
    };
    agent.on('conversation:changed', listener);
  });
  const started = performance.now();
  await shopper.timeout(10_000).emitWithAck('message:send', { clientMsgId: randomUUID(), text: 'I want to talk to a person' });
  ackMs.push(performance.now() - started);
  handoffMs.push((await routed) - started);
  shopper.disconnect();
}
agent.disconnect();
await app.close();
rmSync(dataDir, { recursive: true, force: true });

const line = (name: string, values: number[]) => `${name.padEnd(44)} median ${percentile(values, 50).toFixed(1)} ms  p95 ${percentile(values, 95).toFixed(1)} ms`;
console.log(`${RUNS} hand-offs, one agent online, SQLite (synchronous=FULL), loopback`);
console.log(line('baseline: shopper ack of the same message', ackMs));
console.log(line('hand-off → routed in the agent inbox', handoffMs));
console.log(`ratio hand-off / ack (median) = ${(percentile(handoffMs, 50) / percentile(ackMs, 50)).toFixed(2)}`);
console.log(line('baseline: bare GET /healthz', bareHttpMs));
console.log(line('sign-in (argon2id verify + session)', signInMs));
console.log(`ratio sign-in / bare HTTP (median) = ${(percentile(signInMs, 50) / percentile(bareHttpMs, 50)).toFixed(1)}`);
