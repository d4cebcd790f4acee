import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountTestApp } from './account-test-app.ts';
import { createAccountTestApp, errorCodeOf, PASSWORD } from './account-test-app.ts';

let t: AccountTestApp;
beforeEach(async () => {
  t = await createAccountTestApp();
});
afterEach(async () => {
  await t.close();
});

function attempt(email: string, password: string, options: { ip?: string; https?: boolean } = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/v1/agent/session',
    payload: { email, password },
    remoteAddress: options.ip ?? '203.0.113.7',
    headers: options.https ? { 'x-forwarded-proto': 'https' } : {},
  });
}

describe('POST /v1/agent/session', () => {
  it('signs in with the right password and answers the profile, the CSRF token and the expiry', async () => {
    const agent = await t.addAgent({ email: 'ana@shop.example', role: 'supervisor', uiLocale: 'de-DE' });
    const response = await attempt('ANA@shop.example', PASSWORD);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.agent).toEqual({
      agentId: agent.id,
      email: 'ana@shop.example',
      name: 'Ana Agent',
      role: 'supervisor',
      languages: ['de', 'en'],
      sites: null,
      regions: null,
      capacity: 5,
      uiLocale: 'de-DE',
      canRevealPersonalData: true,
    });
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(body.expiresAt).toBe(new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString());
    expect(body).toMatchObject({ isTotpEnabled: false, isTotpSetupRequired: false });
    expect(response.body).not.toContain('argon2');
  });

  it('answers the same code and message for a wrong password and an unknown email', async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    const wrongPassword = await attempt('ana@shop.example', 'not the password at all');
    const unknownEmail = await attempt('nobody@shop.example', PASSWORD);
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownEmail.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual(unknownEmail.json());
    expect(errorCodeOf(wrongPassword)).toBe('PARLEY_ERR_AUTH_CREDENTIALS_INVALID');
    expect(wrongPassword.cookies).toEqual([]);
  });

  it('locks an account after 5 failures, even for the right password, with retryAfterMs and Retry-After', async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    for (let i = 0; i < 5; i++) expect((await attempt('ana@shop.example', `wrong-${i}`)).statusCode).toBe(401);
    const locked = await attempt('ana@shop.example', PASSWORD);
    expect(locked.statusCode).toBe(429);
    const error = locked.json().error;
    expect(error.code).toBe('PARLEY_ERR_AUTH_LOCKED');
    expect(error.details.retryAfterMs).toBeGreaterThan(14 * 60_000);
    expect(error.details.retryAfterMs).toBeLessThanOrEqual(15 * 60_000);
    expect(Number(locked.headers['retry-after'])).toBe(Math.ceil(error.details.retryAfterMs / 1000));
    expect(locked.cookies).toEqual([]);
    // Another IP does not unlock the account: the lock is per account.
    expect((await attempt('ana@shop.example', PASSWORD, { ip: '198.51.100.9' })).statusCode).toBe(429);
  });

  it('holds the lock under a burst: 40 simultaneous guesses get at most 5 tries', async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    const answers = await Promise.all(Array.from({ length: 40 }, () => attempt('ana@shop.example', 'wrong password, long enough')));
    const codes = answers.map(errorCodeOf);
    expect(codes.filter((code) => code === 'PARLEY_ERR_AUTH_CREDENTIALS_INVALID')).toHaveLength(5);
    expect(codes.filter((code) => code === 'PARLEY_ERR_AUTH_LOCKED')).toHaveLength(35);
  });

  it('locks an unknown email the same way, so a lock reveals nothing', async () => {
    for (let i = 0; i < 5; i++) await attempt('ghost@shop.example', `wrong-${i}`);
    expect(errorCodeOf(await attempt('ghost@shop.example', 'again'))).toBe('PARLEY_ERR_AUTH_LOCKED');
  });

  it('locks an IP address after 20 failures across accounts, and only that address', async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    for (let i = 0; i < 20; i++) expect((await attempt(`spray-${i}@shop.example`, 'Winter2030!')).statusCode).toBe(401);
    const locked = await attempt('ana@shop.example', PASSWORD);
    expect(errorCodeOf(locked)).toBe('PARLEY_ERR_AUTH_LOCKED');
    expect(locked.json().error.details.retryAfterMs).toBeGreaterThan(0);
    expect(locked.headers['retry-after']).toBeDefined();
    expect((await attempt('ana@shop.example', PASSWORD, { ip: '198.51.100.9' })).statusCode).toBe(200);
  });

  it("forgives the account's failures after a success", async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    for (let i = 0; i < 4; i++) await attempt('ana@shop.example', `wrong-${i}`);
    expect((await attempt('ana@shop.example', PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt('ana@shop.example', `wrong-${i}`)).statusCode).toBe(401);
    expect((await attempt('ana@shop.example', PASSWORD)).statusCode).toBe(200);
  });

  it('tells a disabled agent so only once the password was right', async () => {
    await t.addAgent({ email: 'gone@shop.example', isDisabled: true });
    expect(errorCodeOf(await attempt('gone@shop.example', 'wrong password here'))).toBe('PARLEY_ERR_AUTH_CREDENTIALS_INVALID');
    const right = await attempt('gone@shop.example', PASSWORD);
    expect(right.statusCode).toBe(403);
    expect(errorCodeOf(right)).toBe('PARLEY_ERR_AUTH_ACCOUNT_DISABLED');
    expect(right.cookies).toEqual([]);
  });

  it('sets an httpOnly, SameSite=Strict, Path=/ cookie for 7 days, Secure only over HTTPS', async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    const overHttp = await attempt('ana@shop.example', PASSWORD);
    const overHttps = await attempt('ana@shop.example', PASSWORD, { https: true });
    const httpHeader = String(overHttp.headers['set-cookie']);
    const httpsHeader = String(overHttps.headers['set-cookie']);
    for (const header of [httpHeader, httpsHeader]) {
      expect(header).toMatch(/^parley_session=[\w-]{40,};/);
      expect(header).toContain('HttpOnly');
      expect(header).toContain('SameSite=Strict');
      expect(header).toContain('Path=/');
      expect(header).toContain('Max-Age=604800');
    }
    expect(httpHeader).not.toContain('Secure');
    expect(httpsHeader).toContain('Secure');
  });

  it('stores only the SHA-256 of the cookie token', async () => {
    await t.addAgent({ email: 'ana@shop.example' });
    const response = await attempt('ana@shop.example', PASSWORD);
    const token = response.cookies[0]?.value ?? '';
    const session = await t.directory.getSession(createHash('sha256').update(token).digest('hex'));
    expect(session?.csrfToken).toBe(response.json().csrfToken);
    expect(await t.directory.getSession(token)).toBeNull();
  });

  it('refuses a malformed body with PARLEY_ERR_PAYLOAD_INVALID', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/v1/agent/session', payload: { email: 'not-an-email', password: 'x' } });
    expect(response.statusCode).toBe(400);
    expect(errorCodeOf(response)).toBe('PARLEY_ERR_PAYLOAD_INVALID');
  });
});
