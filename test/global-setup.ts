import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    mongodbUri: string | null;
    mongodbSkipReason: string;
    apertiumUrl: string | null;
    apertiumSkipReason: string;
  }
}

const repoRoot = new URL('..', import.meta.url).pathname;
const ferretdbScript = join(repoRoot, 'scripts', 'ferretdb.sh');

/**
 * Gives the MongoDB-wire tests a server: MONGODB_URI when set, else a FerretDB (SQLite backend)
 * built once by scripts/ferretdb.sh and started here on a free loopback port; stopped by PID after.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stopApertium = await startApertium(project);
  const stopMongo = await startMongo(project);
  return async () => {
    await stopMongo();
    await stopApertium();
  };
}

const APERTIUM_MODES = '/usr/share/apertium/modes';

/**
 * Gives the live-translation tests a real Apertium: PARLEY_TEST_APERTIUM_URL when set, else
 * Debian's `apertium-apy` (installed by .ci/run with the eng-spa, fr-es, es-pt and spa-ita
 * pairs) started here on a free loopback port, and stopped by PID after.
 */
async function startApertium(project: TestProject): Promise<() => Promise<void>> {
  const fromEnv = process.env['PARLEY_TEST_APERTIUM_URL'];
  if (fromEnv) {
    project.provide('apertiumUrl', fromEnv);
    project.provide('apertiumSkipReason', '');
    return async () => {};
  }
  const which = spawnSync('sh', ['-c', 'command -v apertium-apy'], { encoding: 'utf8' });
  if (which.status !== 0) {
    project.provide('apertiumUrl', null);
    project.provide('apertiumSkipReason', 'apertium-apy is not installed (apt-get install apertium-apy apertium-eng-spa apertium-fr-es apertium-es-pt apertium-spa-ita vislcg3)');
    return async () => {};
  }
  const port = await freePort();
  const logDir = mkdtempSync(join(tmpdir(), 'parley-apertium-'));
  const log = createWriteStream(join(logDir, 'apy.log'));
  // APy refuses to start without a UTF-8 locale; C.UTF-8 exists on every Debian.
  const env = { ...process.env, LANG: process.env['LANG']?.includes('UTF-8') ? process.env['LANG'] : 'C.UTF-8' };
  const child = spawn(which.stdout.trim(), ['-p', String(port), APERTIUM_MODES], { stdio: ['ignore', 'pipe', 'pipe'], env });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  await waitForPort(port, child, 30_000, 'apertium-apy').catch((error: unknown) => {
    throw new Error(`${(error as Error).message} (its log: ${join(logDir, 'apy.log')})`);
  });
  project.provide('apertiumUrl', `http://127.0.0.1:${port}`);
  project.provide('apertiumSkipReason', '');
  return async () => {
    await stop(child);
    rmSync(logDir, { recursive: true, force: true });
  };
}

async function startMongo(project: TestProject): Promise<() => Promise<void>> {
  const fromEnv = process.env['MONGODB_URI'];
  if (fromEnv) {
    project.provide('mongodbUri', fromEnv);
    project.provide('mongodbSkipReason', '');
    return async () => {};
  }
  const built = spawnSync(ferretdbScript, ['build'], { stdio: ['ignore', 'pipe', 'inherit'], timeout: 15 * 60_000 });
  if (built.status !== 0) {
    const reason = `no MONGODB_URI, and building FerretDB failed (scripts/ferretdb.sh build exited ${built.status ?? built.signal})`;
    project.provide('mongodbUri', null);
    project.provide('mongodbSkipReason', reason);
    return async () => {};
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-ferretdb-'));
  const log = createWriteStream(join(dataDir, 'ferretdb.log'));
  const child = spawn(ferretdbScript, ['start', '--port', String(port), '--dir', join(dataDir, 'data')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  await waitForPort(port, child, 30_000);
  project.provide('mongodbUri', `mongodb://127.0.0.1:${port}/`);
  project.provide('mongodbSkipReason', '');
  return async () => {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number, name = 'FerretDB'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode} before listening`);
    const isOpen = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (isOpen) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop(child);
  throw new Error(`${name} did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
