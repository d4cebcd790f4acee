import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountTestApp, TestSession } from './account-test-app.ts';
import { createAccountTestApp, errorCodeOf, PASSWORD, totpAt } from './account-test-app.ts';

let t: AccountTestApp;
beforeEach(async () => {
  t = await createAccountTestApp();
});
afterEach(async () => {
  await t.close();
});

const STEP = 30_000;

function call(session: TestSession, method: 'POST' | 'PUT' | 'DELETE' | 'GET', url: string, payload?: object) {
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  return t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
}

function signInAttempt(email: string, totp?: string) {
  return t.app.inject({ method: 'POST', url: '/v1/agent/session', payload: { email, password: PASSWORD, ...(totp === undefined ? {} : { totp }) } });
}

/** Sets up two-factor for a signed-in agent; returns the secret. Moves the clock a step on. */
async function enableTotp(session: TestSession): Promise<string> {
  const started = await call(session, 'POST', '/v1/agent/totp');
  expect(started.statusCode).toBe(200);
  const { secret } = started.json<{ secret: string }>();
  const confirmed = await call(session, 'POST', '/v1/agent/totp/confirm', { totp: totpAt(secret, t.clock.now()) });
  expect(confirmed.json()).toEqual({ isTotpEnabled: true });
  t.clock.advance(STEP);
  return secret;
}

describe('two-factor setup', () => {
  it('starts with a pending base32 secret and an otpauth URL, and is only on once a code confirms it', async () => {
    const agent = await t.addAgent({ email: 'ana@shop.example' });
    const session = await t.signIn('ana@shop.example');
    const started = await call(session, 'POST', '/v1/agent/totp');
    const { secret, otpauthUrl } = started.json<{ secret: string; otpauthUrl: string }>();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUrl).toBe(`otpauth://totp/Parley:ana%40shop.example?issuer=Parley&algorithm=SHA1&secret=${secret}&period=30&digits=6`);
    expect((await t.directory.getAgent(agent.id))?.pendingTotpSecret).toBe(secret);
    // Not on yet: signing in needs no code.
    expect((await signInAttempt('ana@shop.example')).statusCode).toBe(200);
    const wrong = await call(session, 'POST', '/v1/agent/totp/confirm', { totp: totpAt(secret, new Date(t.clock.now().getTime() + 10 * STEP)) });
    expect(errorCodeOf(wrong)).toBe('PARLEY_ERR_AUTH_TOTP_INVALID');
    const right = await call(session, 'POST', '/v1/agent/totp/confirm', { totp: totpAt(secret, t.clock.now()) });
    expect(right.json()).toEqual({ isTotpEnabled: true });
    const stored = await t.directory.getAgent(agent.id);
    expect(stored?.totpSecret).toBe(secret);
    expect(stored?.pendingTotpSecret).toBeUndefined();
    expect(errorCodeOf(await call(session, 'POST', '/v1/agent/totp'))).toBe('PARLEY_ERR_PAYLOAD_INVALID');
  });

  it('needs the CSRF token like every cookie POST', async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    const session = await t.signIn('ana@shop.example');
    const response = await t.app.inject({ method: 'POST', url: '/v1/agent/totp', headers: { cookie: session.cookie } });
    expect(errorCodeOf(response)).toBe('PARLEY_ERR_AUTH_CSRF_INVALID');
  });
});

describe('signing in with two-factor on', () => {
  it('asks for the code, refuses a wrong or replayed one, takes a valid one and one a step off', async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    const secret = await enableTotp(await t.signIn('ana@shop.example'));
    const missing = await signInAttempt('ana@shop.example');
    expect(missing.statusCode).toBe(401);
    expect(errorCodeOf(missing)).toBe('PARLEY_ERR_AUTH_TOTP_REQUIRED');
    expect(missing.cookies).toEqual([]);
    const stale = totpAt(secret, new Date(t.clock.now().getTime() - 2 * STEP));
    expect(errorCodeOf(await signInAttempt('ana@shop.example', stale))).toBe('PARLEY_ERR_AUTH_TOTP_INVALID');
    const code = totpAt(secret, t.clock.now());
    const valid = await signInAttempt('ana@shop.example', code);
    expect(valid.statusCode).toBe(200);
    expect(valid.json()).toMatchObject({ isTotpEnabled: true, isTotpSetupRequired: false });
    expect(errorCodeOf(await signInAttempt('ana@shop.example', code))).toBe('PARLEY_ERR_AUTH_TOTP_INVALID');
    t.clock.advance(2 * STEP);
    // The code of the step before still passes (a slow typist), once.
    expect((await signInAttempt('ana@shop.example', totpAt(secret, new Date(t.clock.now().getTime() - STEP)))).statusCode).toBe(200);
  });

  it('counts wrong codes as failures: 5 lock the account', async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    const secret = await enableTotp(await t.signIn('ana@shop.example'));
    const wrong = totpAt(secret, new Date(t.clock.now().getTime() + 20 * STEP));
    for (let i = 0; i < 5; i++) expect(errorCodeOf(await signInAttempt('ana@shop.example', wrong))).toBe('PARLEY_ERR_AUTH_TOTP_INVALID');
    expect(errorCodeOf(await signInAttempt('ana@shop.example', totpAt(secret, t.clock.now())))).toBe('PARLEY_ERR_AUTH_LOCKED');
  });

  it('turns off with a current code when two-factor is optional', async () => {
    const agent = await t.addAgent({ email: 'ana@shop.example' });
    const session = await t.signIn('ana@shop.example');
    const secret = await enableTotp(session);
    const wrong = await call(session, 'DELETE', '/v1/agent/totp', { totp: totpAt(secret, new Date(t.clock.now().getTime() + 20 * STEP)) });
    expect(errorCodeOf(wrong)).toBe('PARLEY_ERR_AUTH_TOTP_INVALID');
    const off = await call(session, 'DELETE', '/v1/agent/totp', { totp: totpAt(secret, t.clock.now()) });
    expect(off.json()).toEqual({ isTotpEnabled: false });
    expect((await t.directory.getAgent(agent.id))?.totpSecret).toBeUndefined();
    expect((await signInAttempt('ana@shop.example')).statusCode).toBe(200);
  });
});

describe('mandatory two-factor', () => {
  it('is an admin setting: agents get PARLEY_ERR_FORBIDDEN_ROLE, admins need two-factor themselves first', async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    await t.addAgent({ email: 'root@shop.example', role: 'admin' });
    const agent = await t.signIn('ana@shop.example');
    const refused = await call(agent, 'PUT', '/v1/admin/settings', { isTotpRequired: true });
    expect(refused.statusCode).toBe(403);
    expect(errorCodeOf(refused)).toBe('PARLEY_ERR_FORBIDDEN_ROLE');
    expect(errorCodeOf(await call(agent, 'GET', '/v1/admin/settings'))).toBe('PARLEY_ERR_FORBIDDEN_ROLE');
    const admin = await t.signIn('root@shop.example');
    expect(errorCodeOf(await call(admin, 'PUT', '/v1/admin/settings', { isTotpRequired: true }))).toBe('PARLEY_ERR_AUTH_TOTP_SETUP_REQUIRED');
    await enableTotp(admin);
    expect((await call(admin, 'PUT', '/v1/admin/settings', { isTotpRequired: true })).json()).toEqual({ isTotpRequired: true });
    expect((await call(admin, 'GET', '/v1/admin/settings')).json()).toEqual({ isTotpRequired: true });
    expect(await t.directory.getSettings()).toEqual({ isTotpRequired: true });
  });

  it('blocks work until the agent has set it up, but lets them read the session and set it up', async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    await t.directory.setSettings({ isTotpRequired: true });
    const session = await t.signIn('ana@shop.example');
    expect(session.body).toMatchObject({ isTotpEnabled: false, isTotpSetupRequired: true });
    const blocked = await call(session, 'POST', '/v1/agent/tokens', { name: 'ci', scopes: ['conversations:read'] });
    expect(blocked.statusCode).toBe(403);
    expect(errorCodeOf(blocked)).toBe('PARLEY_ERR_AUTH_TOTP_SETUP_REQUIRED');
    expect(errorCodeOf(await call(session, 'GET', '/v1/agent/tokens'))).toBe('PARLEY_ERR_AUTH_TOTP_SETUP_REQUIRED');
    expect((await call(session, 'GET', '/v1/agent/session')).statusCode).toBe(200);
    const secret = await enableTotp(session);
    expect((await call(session, 'GET', '/v1/agent/session')).json()).toMatchObject({ isTotpEnabled: true, isTotpSetupRequired: false });
    expect((await call(session, 'POST', '/v1/agent/tokens', { name: 'ci', scopes: ['conversations:read'] })).statusCode).toBe(201);
    // While it is mandatory it cannot be turned off.
    const off = await call(session, 'DELETE', '/v1/agent/totp', { totp: totpAt(secret, t.clock.now()) });
    expect(errorCodeOf(off)).toBe('PARLEY_ERR_AUTH_TOTP_SETUP_REQUIRED');
    expect((await t.directory.getAgentByEmail('ana@shop.example'))?.totpSecret).toBe(secret);
  });
});
