import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@parley/protocol';
import { connectForSession, rawSocket, removeDataDir, startGateway, testConfig } from './gateway-harness.ts';

const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const children: ChildProcessWithoutNullStreams[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function startMain(env: Record<string, string>): { child: ChildProcessWithoutNullStreams; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', MAIN], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
  });
  children.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function listeningUrl(output: () => string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output());
    if (match?.[1]) return match[1];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gateway did not start:\n${output()}`);
}

describe('gateway process (src/main.ts)', () => {
  it('stops cleanly on SIGTERM with a visitor connected: sockets dropped, exit code 0', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'parley-main-'));
    dirs.push(dataDir);
    const main = startMain({ PARLEY_PORT: '0', PARLEY_DATA_DIR: dataDir, PARLEY_LOG_LEVEL: 'info' });
    const url = await listeningUrl(main.output);
    const socket = rawSocket(url, {});
    await connectForSession(socket);
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    main.child.kill('SIGTERM');
    expect(await main.exited).toBe(0);
    expect(await dropped).toMatch(/transport close|io server disconnect/);
    expect(main.output()).toContain('shutting down');
    socket.disconnect();
  });

  it('refuses a bad environment with exit code 78 and the variable named', async () => {
    const main = startMain({ PARLEY_PORT: 'not-a-port' });
    expect(await main.exited).toBe(78);
    expect(main.output()).toContain('PARLEY_PORT');
  });
});

describe('gateway close', () => {
  it('completes while clients keep reconnecting as fast as they can', async () => {
    const config = testConfig();
    const gateway = await startGateway(config);
    const clients = Array.from({ length: 5 }, () =>
      io(`${gateway.url}/visitor`, {
        transports: ['websocket'],
        forceNew: true,
        reconnectionDelay: 1,
        reconnectionDelayMax: 5,
        randomizationFactor: 0,
        auth: { siteKey: 'demo', protocolVersion: PROTOCOL_VERSION },
      }),
    );
    try {
      await Promise.all(clients.map((client) => new Promise((resolve) => client.once('session:ready', resolve))));
      const outcome = await Promise.race([
        gateway.stop().then(() => 'closed'),
        new Promise((resolve) => setTimeout(() => resolve('still open after 8 s'), 8_000)),
      ]);
      expect(outcome).toBe('closed');
    } finally {
      for (const client of clients) client.disconnect();
      removeDataDir(config);
    }
  });
});
