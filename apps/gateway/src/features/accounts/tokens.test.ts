import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountTestApp, TestSession } from './account-test-app.ts';
import { createAccountTestApp, errorCodeOf } from './account-test-app.ts';
import { authenticateRequest } from './authenticate-request.ts';

let t: AccountTestApp;
beforeEach(async () => {
  t = await createAccountTestApp();
  // Routes of other features use the exported helper; these two stand in for them.
  t.app.get('/v1/probe', async (request) => {
    const principal = await authenticateRequest(request, t.authenticator, { scope: 'conversations:read' });
    return { via: principal.via, agentId: principal.agent.id };
  });
  t.app.post('/v1/probe', async (request) => {
    const principal = await authenticateRequest(request, t.authenticator, { scope: 'conversations:write' });
    return { via: principal.via };
  });
});
afterEach(async () => {
  await t.close();
});

function call(session: TestSession, method: 'POST' | 'GET' | 'DELETE', url: string, payload?: object) {
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  return t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
}

async function createToken(session: TestSession, scopes: string[], name = 'Zapier'): Promise<{ id: string; token: string }> {
  const response = await call(session, 'POST', '/v1/agent/tokens', { name, scopes });
  expect(response.statusCode).toBe(201);
  return response.json();
}

function bearer(token: string, method: 'GET' | 'POST' | 'PUT' = 'GET', url = '/v1/probe', payload?: object) {
  return t.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload }) });
}

describe('API tokens', () => {
  it('are shown once at creation, stored only as a SHA-256, and listed without secrets', async () => {
    const agent = await t.addAgent({ email: 'ana@shop.example' });
    const session = await t.signIn('ana@shop.example');
    const response = await call(session, 'POST', '/v1/agent/tokens', { name: 'Zapier', scopes: ['conversations:read', 'conversations:read'] });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toEqual({ id: expect.stringMatching(/^[0-9a-f]{16}$/), name: 'Zapier', scopes: ['conversations:read'], createdAt: t.clock.now().toISOString(), token: expect.any(String) });
    expect(created.token).toMatch(new RegExp(`^pk_${created.id}_[0-9a-f]{64}$`));
    const [stored] = await t.directory.listApiTokens(agent.id);
    expect(stored?.tokenHash).toBe(createHash('sha256').update(created.token).digest('hex'));
    const listed = await call(session, 'GET', '/v1/agent/tokens');
    expect(listed.json()).toEqual({ tokens: [{ id: created.id, name: 'Zapier', scopes: ['conversations:read'], createdAt: created.createdAt }] });
    expect(listed.body).not.toContain(created.token.slice(20));
    expect(listed.body).not.toContain(stored?.tokenHash);
  });

  it('authenticate without a CSRF token and record lastUsedAt', async () => {
    const agent = await t.addAgent({ email: 'ana@shop.example' });
    const { token, id } = await createToken(await t.signIn('ana@shop.example'), ['conversations:read', 'conversations:write']);
    t.clock.advance(5000);
    const read = await bearer(token);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ via: 'token', agentId: agent.id });
    expect((await bearer(token, 'POST', '/v1/probe', {})).json()).toEqual({ via: 'token' });
    expect((await t.directory.listApiTokens(agent.id)).find((record) => record.id === id)?.lastUsedAt).toBe(t.clock.now().toISOString());
  });

  it('answer PARLEY_ERR_AUTH_SCOPE_MISSING with details.scope for a call outside their scopes', async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    const { token } = await createToken(await t.signIn('ana@shop.example'), ['conversations:read']);
    const response = await bearer(token, 'POST', '/v1/probe', {});
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toMatchObject({ code: 'PARLEY_ERR_AUTH_SCOPE_MISSING', details: { scope: 'conversations:write' } });
  });

  it('cannot manage tokens (console sessions only) and non-admins cannot mint agents:admin', async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    const session = await t.signIn('ana@shop.example');
    const { token } = await createToken(session, ['conversations:read', 'conversations:write']);
    const minted = await bearer(token, 'POST', '/v1/agent/tokens', { name: 'more', scopes: ['conversations:read'] });
    expect(minted.statusCode).toBe(401);
    expect(errorCodeOf(minted)).toBe('PARLEY_ERR_AUTH_REQUIRED');
    const admin = await call(session, 'POST', '/v1/agent/tokens', { name: 'x', scopes: ['agents:admin'] });
    expect(errorCodeOf(admin)).toBe('PARLEY_ERR_FORBIDDEN_ROLE');
  });

  it('with agents:admin let an admin integration read and change settings', async () => {
    await t.addAgent({ email: 'root@shop.example', role: 'admin' });
    const { token } = await createToken(await t.signIn('root@shop.example'), ['agents:admin']);
    expect((await bearer(token, 'GET', '/v1/admin/settings')).json()).toEqual({ isTotpRequired: false });
    expect((await bearer(token, 'PUT', '/v1/admin/settings', { isTotpRequired: false })).json()).toEqual({ isTotpRequired: false });
    expect(errorCodeOf(await bearer(token, 'GET', '/v1/probe'))).toBe('PARLEY_ERR_AUTH_SCOPE_MISSING');
  });

  it('stop working once revoked, with PARLEY_ERR_AUTH_SESSION_EXPIRED', async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    const session = await t.signIn('ana@shop.example');
    const { token, id } = await createToken(session, ['conversations:read']);
    expect((await call(session, 'DELETE', `/v1/agent/tokens/${id}`)).statusCode).toBe(204);
    const response = await bearer(token);
    expect(response.statusCode).toBe(401);
    expect(errorCodeOf(response)).toBe('PARLEY_ERR_AUTH_SESSION_EXPIRED');
    expect((await call(session, 'GET', '/v1/agent/tokens')).json().tokens[0].revokedAt).toBe(t.clock.now().toISOString());
  });

  it("can be revoked by their agent or an admin, not by another agent", async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    await t.addAgent({ email: 'bo@shop.example' });
    await t.addAgent({ email: 'root@shop.example', role: 'admin' });
    const { token, id } = await createToken(await t.signIn('ana@shop.example'), ['conversations:read']);
    const bo = await t.signIn('bo@shop.example');
    const refused = await call(bo, 'DELETE', `/v1/agent/tokens/${id}`);
    expect(refused.statusCode).toBe(404);
    expect((await bearer(token)).statusCode).toBe(200);
    expect((await call(await t.signIn('root@shop.example'), 'DELETE', `/v1/agent/tokens/${id}`)).statusCode).toBe(204);
    expect(errorCodeOf(await bearer(token))).toBe('PARLEY_ERR_AUTH_SESSION_EXPIRED');
  });

  it('refuse a malformed or forged token with PARLEY_ERR_AUTH_REQUIRED', async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    const { token } = await createToken(await t.signIn('ana@shop.example'), ['conversations:read']);
    expect(errorCodeOf(await bearer('not-a-token'))).toBe('PARLEY_ERR_AUTH_REQUIRED');
    const forged = `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`;
    expect(errorCodeOf(await bearer(forged))).toBe('PARLEY_ERR_AUTH_REQUIRED');
  });
  it("stop working when their agent is disabled, with PARLEY_ERR_AUTH_ACCOUNT_DISABLED", async () => {
    const agent = await t.addAgent({ email: 'ana@shop.example' });
    const { token } = await createToken(await t.signIn('ana@shop.example'), ['conversations:read']);
    await t.directory.updateAgent(agent.id, { isDisabled: true });
    expect(errorCodeOf(await bearer(token))).toBe('PARLEY_ERR_AUTH_ACCOUNT_DISABLED');
  });
});

describe('authenticateRequest with a console session', () => {
  it('passes GETs, and POSTs only with the CSRF token', async () => {
    const agent = await t.addAgent({ email: 'ana@shop.example' });
    const session = await t.signIn('ana@shop.example');
    expect((await t.app.inject({ method: 'GET', url: '/v1/probe', headers: { cookie: session.cookie } })).json()).toEqual({ via: 'session', agentId: agent.id });
    const noCsrf = await t.app.inject({ method: 'POST', url: '/v1/probe', headers: { cookie: session.cookie }, payload: {} });
    expect(errorCodeOf(noCsrf)).toBe('PARLEY_ERR_AUTH_CSRF_INVALID');
    expect((await call(session, 'POST', '/v1/probe', {})).json()).toEqual({ via: 'session' });
  });
});
