/**
 * The gateway as a real child process (`node apps/gateway/src/main.ts`), as `pnpm start` runs
 * it, so a benchmark can contend for its CPU or kill it with SIGKILL mid-write. Loopback only;
 * stopped by the PID of the child this module spawned, never by name.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The checkout whose gateway runs: this one, or BENCH_GATEWAY_ROOT (e.g. a `git archive` of an
 * older commit with node_modules beside it) to take the "before" figures with the same harness.
 */
export const gatewayRoot = process.env['BENCH_GATEWAY_ROOT'] ?? new URL('../..', import.meta.url).pathname;
/** The flags every TypeScript entry point of this repository runs with. */
export const NODE_TS_FLAGS = ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'];
/** A fixed secret, so visitor tokens stay valid across restarts of the same gateway. */
export const BENCH_SECRET = 'bench-secret-bench-secret-bench-secret';

/** How to start one gateway. */
export interface GatewayOptions {
  port: number;
  dataDir: string;
  /** Extra PARLEY_* variables (limits, store URIs); they win over the defaults here. */
  env?: Record<string, string>;
  /** Where the gateway's stdout/stderr go (appended), so a crash can be read afterwards. */
  logFile?: string;
}

/** A running gateway child process. */
export interface GatewayProcess {
  url: string;
  child: ChildProcess;
  /** Resolves when the process has exited (for any reason). */
  exited: Promise<void>;
  /** SIGTERM (a clean shutdown), SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL now, like `kill -9`: no shutdown hook runs; resolves once it has exited. */
  kill9(): Promise<void>;
}

/**
 * A fresh data directory under BENCH_DATA_ROOT, else /dev/shm when there is one: a slow disk's
 * fsync (synchronous=FULL) would otherwise dominate every latency. A kill -9 is a process
 * crash, not a power cut, so what it tests survives on tmpfs just as on a disk.
 */
export function benchDataDir(prefix: string): string {
  const root = process.env['BENCH_DATA_ROOT'] ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());
  return mkdtempSync(join(root, prefix));
}

/** A loopback port that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts the gateway and resolves once `GET /readyz` answers 200 (every store is open). */
export async function startGateway(options: GatewayOptions, timeoutMs = 30_000): Promise<GatewayProcess> {
  const env: Record<string, string> = {
    PATH: process.env['PATH'] ?? '',
    HOME: process.env['HOME'] ?? '',
    PARLEY_HOST: '127.0.0.1',
    PARLEY_PORT: String(options.port),
    PARLEY_DATA_DIR: options.dataDir,
    PARLEY_SECRET: BENCH_SECRET,
    PARLEY_LOG_LEVEL: 'warn',
    ...options.env,
  };
  const child = spawn(process.execPath, [...NODE_TS_FLAGS, join(gatewayRoot, 'apps/gateway/src/main.ts')], {
    cwd: gatewayRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logFile = options.logFile ?? join(options.dataDir, 'gateway.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;
  const signal = async (name: NodeJS.Signals, graceMs: number): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(name);
    const forced = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(forced);
  };
  const gateway: GatewayProcess = { url, child, exited, stop: (graceMs = 10_000) => signal('SIGTERM', graceMs), kill9: () => signal('SIGKILL', 0) };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the gateway exited with code ${child.exitCode} before it was ready (log: ${logFile})`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return gateway;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await gateway.kill9();
  throw new Error(`the gateway was not ready on ${url} within ${timeoutMs} ms`);
}
