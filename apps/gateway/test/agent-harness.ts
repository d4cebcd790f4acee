import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { AGENT_NAMESPACE, PROTOCOL_VERSION } from '@parley/protocol';
import type { Ack, AgentClientEvents, AgentReady, AgentRole, AgentServerEvents, Region } from '@parley/protocol';
import { hashPassword } from '../src/features/accounts/passwords.ts';
import type { AgentRecord } from '../src/storage/directory/directory-store.ts';
import type { TestSocket } from './gateway-harness.ts';

export type AgentTestSocket = Socket<AgentServerEvents, AgentClientEvents>;
export const AGENT_PASSWORD = 'correct horse battery staple';

/** Creates an agent straight in the gateway's directory (the CLI's job in production). */
export async function addAgent(
  app: FastifyInstance,
  options: { name: string; role?: AgentRole; languages?: string[]; regions?: Region[] | null; sites?: string[] | null; capacity?: number },
): Promise<AgentRecord> {
  const now = new Date().toISOString();
  const agent: AgentRecord = {
    id: `a_${randomUUID()}`,
    email: `${options.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomUUID().slice(0, 8)}@shop.example`,
    name: options.name,
    role: options.role ?? 'agent',
    languages: options.languages ?? ['en'],
    sites: options.sites ?? null,
    regions: options.regions ?? null,
    capacity: options.capacity ?? 5,
    passwordHash: await hashPassword(AGENT_PASSWORD),
    isDisabled: false,
    createdAt: now,
    updatedAt: now,
  };
  await app.directory.createAgent(agent);
  return agent;
}

/** Signs in over REST and returns the session cookie and CSRF token. */
export async function signIn(url: string, email: string, password = AGENT_PASSWORD): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${url}/v1/agent/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken: body.csrfToken };
}

/** Creates an API token for the agent (signing in for it) and returns the secret `pk_…`. */
export async function createToken(url: string, email: string, scopes: string[]): Promise<string> {
  const { cookie, csrfToken } = await signIn(url, email);
  const response = await fetch(`${url}/v1/agent/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'test integration', scopes }),
  });
  if (!response.ok) throw new Error(`token creation failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** A raw `/agent` socket authenticated by an API token. */
export function agentSocketWithToken(url: string, token: string): AgentTestSocket {
  return io(`${url}${AGENT_NAMESPACE}`, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { protocolVersion: PROTOCOL_VERSION, token } });
}

/** A raw `/agent` socket sending `cookie` (connects at once, does not reconnect). */
export function agentSocketWith(url: string, cookie: string, headers: Record<string, string> = {}): AgentTestSocket {
  return io(`${url}${AGENT_NAMESPACE}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { protocolVersion: PROTOCOL_VERSION },
    extraHeaders: cookie ? { cookie, ...headers } : headers,
  });
}

/** A signed-in agent's socket on `/agent`, connected, with its `agent:ready`. */
export async function connectAgent(url: string, agent: Pick<AgentRecord, 'email'>): Promise<{ socket: AgentTestSocket; ready: AgentReady }> {
  const { cookie } = await signIn(url, agent.email);
  const socket = agentSocketWith(url, cookie);
  const ready = await new Promise<AgentReady>((resolve, reject) => {
    socket.once('agent:ready', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, ready };
}

/** Emits an acked agent command; resolves with `data` or rejects with the coded error. */
export function call<E extends keyof AgentClientEvents>(socket: AgentTestSocket, event: E, payload: Parameters<AgentClientEvents[E]>[0]): Promise<AckData<E>> {
  return new Promise((resolve, reject) => {
    const emit = socket.timeout(5000).emit as unknown as (event: string, payload: unknown, ack: (err: Error | null, result: Ack<unknown>) => void) => void;
    emit.call(socket, event, payload, (err, result) => {
      if (err) return reject(err);
      if (result.ok) return resolve(result.data as AckData<E>);
      reject(Object.assign(new Error(result.error.message), { code: result.error.code, details: result.error.details }));
    });
  });
}
type AckData<E extends keyof AgentClientEvents> = Parameters<AgentClientEvents[E]>[1] extends ((result: Ack<infer T>) => void) | undefined ? T : never;

/** Resolves with the first event `name` whose payload passes `test`, or rejects after `ms`. */
export function nextEvent<T>(target: AgentTestSocket | TestSocket, name: string, test: (value: T) => boolean = () => true, ms = 5000): Promise<T> {
  // Typed loosely on purpose: the test names the event and the payload type it expects.
  const socket = target as unknown as { on(name: string, listener: (value: T) => void): void; off(name: string, listener: (value: T) => void): void };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(name, listener);
      reject(new Error(`no ${name} within ${ms} ms`));
    }, ms);
    const listener = (value: T) => {
      if (!test(value)) return;
      clearTimeout(timer);
      socket.off(name, listener);
      resolve(value);
    };
    socket.on(name, listener);
  });
}

/** The code of a rejected call. */
export async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code ?? (error as Error).message;
  }
}
