import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { PROTOCOL_VERSION, VISITOR_NAMESPACE } from '@parley/protocol';
import type { ClientToServerEvents, HandshakeErrorData, ServerToClientEvents, Session } from '@parley/protocol';
import { buildApp } from '../src/app.ts';
import type { BuildAppOptions } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { GatewayConfig } from '../src/config.ts';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A gateway listening on an ephemeral loopback port, with its own data directory. */
export interface RunningGateway {
  app: FastifyInstance;
  url: string;
  port: number;
  config: GatewayConfig;
  /** Stops the gateway (keeps the data directory, so a new one can restart on it). */
  stop(): Promise<void>;
}

/** Builds a test config: a fresh temp data dir unless given, a fixed secret, overrides applied. */
export function testConfig(env: Record<string, string> = {}, overrides: Partial<GatewayConfig> = {}): GatewayConfig {
  const dataDir = env['PARLEY_DATA_DIR'] ?? mkdtempSync(join(tmpdir(), 'parley-gw-'));
  const config = loadConfig({ PARLEY_SECRET: 'test-secret-test-secret-test-secret!', ...env, PARLEY_DATA_DIR: dataDir });
  return { ...config, ...overrides };
}

/** Starts buildApp(config) on 127.0.0.1 (port 0 = ephemeral unless `port` is given). */
export async function startGateway(config: GatewayConfig, port = 0, options: Omit<BuildAppOptions, 'logger'> = {}): Promise<RunningGateway> {
  const app = await buildApp(config, { ...options, logger: false });
  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  if (!address || typeof address !== 'object') throw new Error('gateway did not bind');
  return {
    app,
    config,
    port: address.port,
    url: `http://127.0.0.1:${address.port}`,
    stop: () => app.close(),
  };
}

/**
 * Starts one gateway for a describe block (fresh data dir) and stops it after. The returned
 * handle reads the running gateway lazily, so tests use `gateway.url` as usual.
 */
export function useGateway(): Pick<RunningGateway, 'url' | 'app'> {
  let gateway: RunningGateway | undefined;
  beforeAll(async () => {
    gateway = await startGateway(testConfig());
  });
  afterAll(async () => {
    if (!gateway) return;
    await gateway.stop();
    removeDataDir(gateway.config);
  });
  const running = (): RunningGateway => {
    if (!gateway) throw new Error('the gateway is not running');
    return gateway;
  };
  return {
    get url() {
      return running().url;
    },
    get app() {
      return running().app;
    },
  };
}

/** Removes a test data directory. */
export function removeDataDir(config: GatewayConfig): void {
  rmSync(config.dataDir, { recursive: true, force: true });
}

/** A raw socket.io-client on the visitor namespace, not yet connected. */
export function rawSocket(url: string, auth: Record<string, unknown>, headers: Record<string, string> = {}): TestSocket {
  return io(`${url}${VISITOR_NAMESPACE}`, {
    autoConnect: false,
    reconnection: false,
    transports: ['websocket'],
    auth: { siteKey: 'demo', protocolVersion: PROTOCOL_VERSION, ...auth },
    extraHeaders: headers,
    forceNew: true,
  });
}

/** Connects and resolves with the session, or rejects with the handshake refusal's data. */
export function connectForSession(socket: TestSocket): Promise<Session> {
  return new Promise((resolve, reject) => {
    socket.once('session:ready', resolve);
    socket.once('connect_error', (error: Error & { data?: HandshakeErrorData }) =>
      reject(Object.assign(new Error(error.message), { data: error.data })),
    );
    socket.connect();
  });
}

/** Resolves with the refusal data of a handshake expected to fail. */
export async function handshakeRefusal(socket: TestSocket): Promise<HandshakeErrorData | undefined> {
  try {
    await connectForSession(socket);
  } catch (error) {
    return (error as { data?: HandshakeErrorData }).data;
  } finally {
    socket.disconnect();
  }
  throw new Error('handshake unexpectedly succeeded');
}
