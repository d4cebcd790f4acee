/**
 * A MongoDB-wire server for a benchmark: `MONGODB_URI` when set, else a FerretDB (SQLite
 * backend) built once by scripts/ferretdb.sh and started on a free loopback port, as the test
 * global setup does. A FerretDB started here is stopped by its PID.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGIONS } from '../../packages/protocol/src/events/common.ts';
import { freePort } from './gateway-process.ts';

const ferretdbScript = new URL('../../scripts/ferretdb.sh', import.meta.url).pathname;

/** A server to point the gateway at, and how to let it go. */
export interface MongoServer {
  /** Base URI without a database, e.g. `mongodb://127.0.0.1:27017`. */
  uri: string;
  /** Where it came from, for the report. */
  source: string;
  stop(): Promise<void>;
}

/** Uses MONGODB_URI or builds and starts a FerretDB; throws with the reason when neither works. */
export async function startMongoServer(): Promise<MongoServer> {
  const fromEnv = process.env['MONGODB_URI'];
  if (fromEnv) return { uri: fromEnv, source: 'MONGODB_URI', stop: async () => {} };
  const built = spawnSync(ferretdbScript, ['build'], { stdio: ['ignore', 'pipe', 'inherit'], timeout: 15 * 60_000 });
  if (built.status !== 0) throw new Error(`no MONGODB_URI, and scripts/ferretdb.sh build exited ${built.status ?? built.signal}`);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-ferretdb-'));
  const child = spawn(ferretdbScript, ['start', '--port', String(port), '--dir', join(dir, 'data')], { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(join(dir, 'ferretdb.log'));
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(forced);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const isOpen = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (isOpen) return { uri: `mongodb://127.0.0.1:${port}`, source: `FerretDB (SQLite backend) on 127.0.0.1:${port}`, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error('FerretDB did not start listening within 30 s');
}

/**
 * The gateway's env for a fresh set of databases on `base` (one per region plus the directory,
 * all prefixed with `prefix`), so each run starts empty without dropping anything.
 */
export function mongoEnv(base: string, prefix: string): Record<string, string> {
  const [hostPart = base, query] = base.split('?');
  const root = hostPart.replace(/^(mongodb(\+srv)?:\/\/[^/]*).*$/, '$1');
  const uri = (db: string) => `${root}/${db}${query ? `?${query}` : ''}`;
  const env: Record<string, string> = { PARLEY_MONGODB_URI_DIRECTORY: uri(`${prefix}_directory`) };
  for (const region of REGIONS) env[`PARLEY_MONGODB_URI_${region.toUpperCase()}`] = uri(`${prefix}_${region}`);
  return env;
}
