/**
 * A well-behaved shopper's p99 ack latency while one abusive socket floods the gateway, as a
 * ratio to the same shoppers' p99 without the flood (phase A, the baseline run beside it).
 * Goal: at most 2x. Three processes, so CPU contention is real: the gateway (as `pnpm start`
 * runs it, SQLite on tmpfs: see benchDataDir), the flooder (bench/lib/flooder.ts: one WebSocket, valid handshake,
 * `message:send` as fast as the socket drains, no waiting for acks, reconnecting at once), and
 * this one (SHOPPERS shoppers, one message each INTERVAL ms, each awaiting its ack).
 * Every party has its own IP: the gateway runs with PARLEY_TRUST_PROXY=1 and each socket sends
 * its own X-Forwarded-For, so per-IP limits see the flooder apart from the shoppers.
 * The gateway keeps its default limits (20 messages per visitor and 60 per IP every 10 s): 20
 * shoppers each send one message every 700 ms, within them, so every refusal is the flood's.
 * Bounded (~35 s), loopback only. BENCH_GATEWAY_ROOT runs another checkout's gateway (a before run).
 *   pnpm --filter @parley/bench flood
 *   BENCH_PHASE_MS=10000 BENCH_SHOPPERS=20 BENCH_INTERVAL_MS=700 (defaults)
 */
import { fork } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { benchDataDir, freePort, NODE_TS_FLAGS, startGateway } from './lib/gateway-process.ts';
import type { FloodCounts } from './lib/flooder.ts';
import { connectShoppers, percentile, runShoppers } from './lib/paced-shoppers.ts';
import type { ShopperWindow } from './lib/paced-shoppers.ts';

const PHASE_MS = Number(process.env['BENCH_PHASE_MS'] ?? 10_000);
const SHOPPERS = Number(process.env['BENCH_SHOPPERS'] ?? 20);
const INTERVAL_MS = Number(process.env['BENCH_INTERVAL_MS'] ?? 700);
const GOAL = 2;
// The gateway's default limits: each shopper's ~14 messages per 10 s are within them, and the
// flooder gets no more room than any shopper would.
const LIMITS_ENV = { PARLEY_TRUST_PROXY: '1' };
const FLOODER_IP = '198.51.100.66';

/** CPU seconds (user + system) a Linux process has used so far; NaN elsewhere. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ (100 on Linux)
  } catch {
    return Number.NaN;
  }
}

const dataDir = benchDataDir('parley-bench-flood-');
const port = await freePort();
const gateway = await startGateway({ port, dataDir, env: LIMITS_ENV });
const pid = gateway.child.pid;
const shopperIps = Array.from({ length: SHOPPERS }, (_, i) => `203.0.113.${10 + i}`);
const shoppers = await connectShoppers(gateway.url, shopperIps);

// Untimed warm-up: the first sends pay for JIT compilation and SQLite's first pages.
await runShoppers(shoppers, 2_000, INTERVAL_MS);
let cpu = cpuSeconds(pid);
const quiet = await runShoppers(shoppers, PHASE_MS, INTERVAL_MS);
const quietCpu = cpuSeconds(pid) - cpu;

const flooder = fork(new URL('./lib/flooder.ts', import.meta.url).pathname, [], {
  execArgv: NODE_TS_FLAGS,
  env: { ...process.env, FLOOD_URL: gateway.url, FLOOD_IP: FLOODER_IP },
});
const fromFlooder = (type: string) =>
  new Promise<{ type: string; counts?: FloodCounts }>((resolve, reject) => {
    const listener = (message: { type: string; counts?: FloodCounts }) => {
      if (message.type !== type) return;
      flooder.off('message', listener);
      resolve(message);
    };
    flooder.on('message', listener);
    flooder.once('exit', (code) => reject(new Error(`the flooder exited (${code}) before "${type}"`)));
  });
await fromFlooder('ready');
flooder.send({ type: 'start' });
cpu = cpuSeconds(pid);
const flooderCpu = cpuSeconds(flooder.pid);
const flooded = await runShoppers(shoppers, PHASE_MS, INTERVAL_MS);
const floodCpu = cpuSeconds(pid) - cpu;
const flooderCpuUsed = cpuSeconds(flooder.pid) - flooderCpu;
const done = fromFlooder('done');
flooder.send({ type: 'stop' });
const counts = (await done).counts!;
if (flooder.exitCode === null) flooder.kill();

for (const socket of shoppers) socket.disconnect();
await gateway.stop();
rmSync(dataDir, { recursive: true, force: true });

const ms = (value: number) => `${value.toFixed(1)} ms`;
const failures = (window: ShopperWindow) => Object.entries(window.failures).map(([code, n]) => `${code} ${n}`).join(', ') || 'none';
const line = (name: string, window: ShopperWindow, cpuUsed: number) =>
  `${name.padEnd(30)} ${String(window.latenciesMs.length).padStart(5)} acks  p50 ${ms(percentile(window.latenciesMs, 50)).padStart(9)}  p99 ${ms(percentile(window.latenciesMs, 99)).padStart(9)}  max ${ms(Math.max(...window.latenciesMs)).padStart(9)}  gateway CPU ${((cpuUsed / (PHASE_MS / 1000)) * 100).toFixed(0)}%  refused/timed out: ${failures(window)}`;
const afterFirstSecond = flooded.latenciesMs.filter((_, i) => flooded.startedAtMs[i]! >= 1_000);
const ratio = percentile(flooded.latenciesMs, 99) / percentile(quiet.latenciesMs, 99);

console.log(`${SHOPPERS} shoppers x 1 message / ${INTERVAL_MS} ms (awaiting acks), ${PHASE_MS / 1000} s per phase, SQLite in ${dataDir}, loopback; gateway, flooder and shoppers in 3 processes`);
console.log(`each party has its own IP (PARLEY_TRUST_PROXY=1 + X-Forwarded-For: shoppers ${shopperIps[0]}…, flooder ${FLOODER_IP}); limits ${JSON.stringify(LIMITS_ENV)}`);
console.log(line('A baseline: shoppers alone', quiet, quietCpu));
console.log(line('B shoppers during the flood', flooded, floodCpu));
console.log(`  B from the flood's 2nd second on: p99 ${ms(percentile(afterFirstSecond, 99))} (${afterFirstSecond.length} acks)`);
const acks = Object.entries(counts.acksByOutcome).map(([outcome, n]) => `${outcome} ${n}`).join(', ') || 'none';
const refused = Object.entries(counts.refusedReconnects).map(([code, n]) => `${code} ${n}`).join(', ') || 'none';
console.log(
  `flooder: ${counts.framesSent} frames sent in ${counts.seconds.toFixed(1)} s (${(counts.framesSent / counts.seconds).toFixed(0)}/s), ` +
    `${counts.acksReceived} acks (${acks}), ${counts.disconnects} disconnects, ${counts.sessions} sessions, refused reconnects: ${refused}; flooder CPU ${((flooderCpuUsed / (PHASE_MS / 1000)) * 100).toFixed(0)}%`,
);
console.log(`ratio p99 B / p99 A = ${ratio.toFixed(2)}x (goal <= ${GOAL}x: ${ratio <= GOAL ? 'met' : 'NOT met'})`);
