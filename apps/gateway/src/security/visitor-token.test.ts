import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VisitorTokenSigner } from './visitor-token.ts';

const SECRET = 'a-test-secret-that-is-long-enough-0123';
const CLAIMS = { visitorId: 'v_1', siteKey: 'demo', conversationId: 'c_1', region: 'eu' as const };

describe('visitor tokens', () => {
  it('carry an expiry a lifetime after signing', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const signer = new VisitorTokenSigner(SECRET, { lifetimeDays: 30, now: () => now });
    const verified = signer.verify(signer.sign(CLAIMS));
    expect(verified).toMatchObject(CLAIMS);
    expect(verified?.expiresAt?.toISOString()).toBe('2026-12-31T12:00:00.000Z');
  });

  it('refuse a changed expiry (it is inside the MAC)', () => {
    const signer = new VisitorTokenSigner(SECRET);
    const [version, body, mac] = signer.sign(CLAIMS).split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString()) as Record<string, unknown>;
    const longer = Buffer.from(JSON.stringify({ ...claims, e: 9_999_999_999 })).toString('base64url');
    expect(signer.verify(`${version}.${longer}.${mac}`)).toBeNull();
  });

  it('still verify v1 tokens (no expiry inside; the session judges their age)', () => {
    const body = Buffer.from(JSON.stringify({ v: 'v_1', s: 'demo', c: 'c_1', r: 'eu' })).toString('base64url');
    const mac = createHmac('sha256', SECRET).update(`v1.${body}`).digest('base64url');
    expect(new VisitorTokenSigner(SECRET).verify(`v1.${body}.${mac}`)).toMatchObject({ ...CLAIMS, expiresAt: undefined });
  });

  it('refuse a v2 token without an expiry', () => {
    const body = Buffer.from(JSON.stringify({ v: 'v_1', s: 'demo', c: 'c_1', r: 'eu' })).toString('base64url');
    const mac = createHmac('sha256', SECRET).update(`v2.${body}`).digest('base64url');
    expect(new VisitorTokenSigner(SECRET).verify(`v2.${body}.${mac}`)).toBeNull();
  });
});
