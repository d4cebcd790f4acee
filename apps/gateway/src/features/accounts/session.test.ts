import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountTestApp } from './account-test-app.ts';
import { createAccountTestApp, errorCodeOf } from './account-test-app.ts';
import { sha256Hex } from './account-secrets.ts';

let t: AccountTestApp;
beforeEach(async () => {
  t = await createAccountTestApp();
});
afterEach(async () => {
  await t.close();
});

const HOUR = 3_600_000;

function getSession(cookie: string) {
  return t.app.inject({ method: 'GET', url: '/v1/agent/session', headers: { cookie } });
}

describe('GET /v1/agent/session', () => {
  it('answers the signed-in agent, the same CSRF token and the expiry', async () => {
    const agent = await t.addAgent({ email: 'ana@shop.example' });
    const session = await t.signIn('ana@shop.example');
    const response = await getSession(session.cookie);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(session.body);
    expect(response.json().agent).toMatchObject({ agentId: agent.id, canRevealPersonalData: false });
  });

  it('answers PARLEY_ERR_AUTH_REQUIRED without a cookie, PARLEY_ERR_AUTH_SESSION_EXPIRED for an unknown one', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/v1/agent/session' });
    expect(none.statusCode).toBe(401);
    expect(errorCodeOf(none)).toBe('PARLEY_ERR_AUTH_REQUIRED');
    expect(errorCodeOf(await getSession('parley_session=made-up-token'))).toBe('PARLEY_ERR_AUTH_SESSION_EXPIRED');
  });

  it('ends a session after 12 idle hours', async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    const { cookie } = await t.signIn('ana@shop.example');
    t.clock.advance(12 * HOUR - 1000);
    expect((await getSession(cookie)).statusCode).toBe(200);
    t.clock.advance(12 * HOUR - 1000);
    expect((await getSession(cookie)).statusCode).toBe(200);
    t.clock.advance(12 * HOUR);
    expect(errorCodeOf(await getSession(cookie))).toBe('PARLEY_ERR_AUTH_SESSION_EXPIRED');
  });

  it('ends an active session 7 days after sign-in', async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    const { cookie } = await t.signIn('ana@shop.example');
    for (let elapsed = 0; elapsed < 7 * 24 * HOUR - 11 * HOUR; elapsed += 11 * HOUR) {
      t.clock.advance(11 * HOUR);
      expect((await getSession(cookie)).statusCode).toBe(200);
    }
    t.clock.advance(11 * HOUR);
    expect(errorCodeOf(await getSession(cookie))).toBe('PARLEY_ERR_AUTH_SESSION_EXPIRED');
  });

  it('writes lastSeenAt at most once a minute', async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    const { cookie } = await t.signIn('ana@shop.example');
    const id = sha256Hex(cookie.slice('parley_session='.length));
    const signedInAt = t.clock.now().toISOString();
    t.clock.advance(59_000);
    await getSession(cookie);
    expect((await t.directory.getSession(id))?.lastSeenAt).toBe(signedInAt);
    t.clock.advance(1000);
    await getSession(cookie);
    expect((await t.directory.getSession(id))?.lastSeenAt).toBe(t.clock.now().toISOString());
  });

  it('answers PARLEY_ERR_AUTH_ACCOUNT_DISABLED once the agent is disabled', async () => {
    const agent = await t.addAgent({ email: 'ana@shop.example' });
    const { cookie } = await t.signIn('ana@shop.example');
    await t.directory.updateAgent(agent.id, { isDisabled: true });
    const response = await getSession(cookie);
    expect(response.statusCode).toBe(403);
    expect(errorCodeOf(response)).toBe('PARLEY_ERR_AUTH_ACCOUNT_DISABLED');
  });
});

describe('DELETE /v1/agent/session', () => {
  it('revokes the session and clears the cookie; the cookie then no longer works', async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    const { cookie, csrfToken } = await t.signIn('ana@shop.example');
    const out = await t.app.inject({ method: 'DELETE', url: '/v1/agent/session', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^parley_session=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/);
    expect(errorCodeOf(await getSession(cookie))).toBe('PARLEY_ERR_AUTH_SESSION_EXPIRED');
    const again = await t.app.inject({ method: 'DELETE', url: '/v1/agent/session', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(again.statusCode).toBe(204);
  });
});

describe('CSRF', () => {
  it('refuses a cookie DELETE without X-CSRF-Token or with a wrong one, and takes the right one', async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    const { cookie, csrfToken } = await t.signIn('ana@shop.example');
    const missing = await t.app.inject({ method: 'DELETE', url: '/v1/agent/session', headers: { cookie } });
    expect(missing.statusCode).toBe(403);
    expect(errorCodeOf(missing)).toBe('PARLEY_ERR_AUTH_CSRF_INVALID');
    const wrong = await t.app.inject({ method: 'DELETE', url: '/v1/agent/session', headers: { cookie, 'x-csrf-token': `${csrfToken.slice(0, -1)}x` } });
    expect(errorCodeOf(wrong)).toBe('PARLEY_ERR_AUTH_CSRF_INVALID');
    expect((await getSession(cookie)).statusCode).toBe(200);
    const right = await t.app.inject({ method: 'DELETE', url: '/v1/agent/session', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(right.statusCode).toBe(204);
  });

  it("refuses another session's CSRF token", async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    await t.addAgent({ email: 'bo@shop.example' });
    const ana = await t.signIn('ana@shop.example');
    const bo = await t.signIn('bo@shop.example');
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/agent/tokens',
      headers: { cookie: ana.cookie, 'x-csrf-token': bo.csrfToken },
      payload: { name: 'x', scopes: ['conversations:read'] },
    });
    expect(errorCodeOf(response)).toBe('PARLEY_ERR_AUTH_CSRF_INVALID');
  });

  it('is not asked of GET requests', async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    const { cookie } = await t.signIn('ana@shop.example');
    expect((await t.app.inject({ method: 'GET', url: '/v1/agent/tokens', headers: { cookie } })).statusCode).toBe(200);
  });
});
