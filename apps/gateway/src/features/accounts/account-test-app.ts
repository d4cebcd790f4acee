import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { fastifyCookie } from '@fastify/cookie';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { ERROR_CATALOGUE, ParleyError } from '@parley/protocol';
import type { ErrorCode } from '@parley/protocol';
import type { AgentRecord } from '../../storage/directory/directory-store.ts';
import { SqliteDirectoryStore } from '../../storage/directory/sqlite-directory.ts';
import { accountRoutes } from './account-routes.ts';
import type { SessionResponse } from './account-schemas.ts';
import { createAuthenticator } from './authenticator.ts';
import type { AccountAuthenticator } from './authenticator.ts';
import { hashPassword } from './passwords.ts';

/** The password every test agent has. */
export const PASSWORD = 'correct horse battery staple';

let passwordHash: Promise<string> | undefined;

/** A signed-in console: the Cookie header to send back and the CSRF token. */
export interface TestSession {
  cookie: string;
  csrfToken: string;
  body: SessionResponse;
}

/** A real Fastify app with the account routes on a real SQLite directory in a temp dir. */
export interface AccountTestApp {
  app: FastifyInstance;
  directory: SqliteDirectoryStore;
  authenticator: AccountAuthenticator;
  /** The injected clock: starts at a fixed time, moves only when told. */
  clock: { now: () => Date; advance: (ms: number) => void };
  addAgent(overrides?: Partial<AgentRecord>): Promise<AgentRecord>;
  /** Signs in and fails the test unless the answer is 200. */
  signIn(email: string, extra?: { totp?: string; password?: string }): Promise<TestSession>;
  close(): Promise<void>;
}

/**
 * Builds the app the way app.ts will (zod compilers, @fastify/cookie, the same error handler,
 * trustProxy so `X-Forwarded-Proto: https` makes `request.protocol` https).
 */
export async function createAccountTestApp(): Promise<AccountTestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-accounts-'));
  const directory = new SqliteDirectoryStore({ dataDir });
  await directory.init();
  let nowMs = Date.UTC(2030, 0, 7, 9, 0, 0);
  const clock = { now: () => new Date(nowMs), advance: (ms: number) => void (nowMs += ms) };
  const authenticator = createAuthenticator({ directory, now: clock.now });
  const app = Fastify({ logger: false, trustProxy: true });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof ParleyError) return reply.code(error.status).send({ error: error.toPayload() });
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 400 && status < 500) return reply.code(status).send(errorBody('PARLEY_ERR_PAYLOAD_INVALID'));
    return reply.code(500).send(errorBody('PARLEY_ERR_INTERNAL_ERROR'));
  });
  await app.register(fastifyCookie);
  await app.register(accountRoutes, { directory, authenticator, now: clock.now });

  async function addAgent(overrides: Partial<AgentRecord> = {}): Promise<AgentRecord> {
    passwordHash ??= hashPassword(PASSWORD);
    const id = `a_${randomUUID()}`;
    const at = clock.now().toISOString();
    const agent: AgentRecord = {
      id,
      email: `${id.slice(2, 10)}@shop.example`,
      name: 'Ana Agent',
      role: 'agent',
      languages: ['de', 'en'],
      sites: null,
      regions: null,
      capacity: 5,
      passwordHash: await passwordHash,
      isDisabled: false,
      createdAt: at,
      updatedAt: at,
      ...overrides,
    };
    await directory.createAgent(agent);
    return agent;
  }

  async function signIn(email: string, extra: { totp?: string; password?: string } = {}): Promise<TestSession> {
    const response = await app.inject({
      method: 'POST',
      url: '/v1/agent/session',
      payload: { email, password: extra.password ?? PASSWORD, ...(extra.totp === undefined ? {} : { totp: extra.totp }) },
    });
    if (response.statusCode !== 200) throw new Error(`sign-in answered ${response.statusCode}: ${response.body}`);
    const body = response.json<SessionResponse>();
    return { cookie: sessionCookieOf(response), csrfToken: body.csrfToken, body };
  }

  return {
    app,
    directory,
    authenticator,
    clock,
    addAgent,
    signIn,
    close: async () => {
      await app.close();
      await directory.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `parley_session=<token>` from a sign-in answer's Set-Cookie. */
export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((candidate) => candidate.name === 'parley_session');
  if (!cookie) throw new Error('no parley_session cookie was set');
  return `parley_session=${cookie.value}`;
}

/** The code an authenticator app shows at `at`, computed with @oslojs/otp directly. */
export function totpAt(secret: string, at: Date): string {
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(Math.floor(at.getTime() / 30_000)), 6);
}

/** The error code of an answer (undefined when it is not an error body). */
export function errorCodeOf(response: LightMyRequestResponse): string | undefined {
  return (response.json<{ error?: { code?: string } }>()).error?.code;
}

function errorBody(code: ErrorCode): { error: { code: ErrorCode; message: string } } {
  return { error: { code, message: ERROR_CATALOGUE[code].message } };
}
