import { describe, expect, it } from 'vitest';
import { ParleyError } from '@parley/protocol/errors';
import { signInProblem } from './sign-in-errors.ts';

const NOW = Date.parse('2025-03-12T10:00:00Z');
const at = { now: NOW, lang: 'en', timeZone: 'Europe/Berlin' };

describe('signInProblem', () => {
  it('words wrong credentials and asks for the code when two-factor is required', () => {
    expect(signInProblem(new ParleyError('PARLEY_ERR_AUTH_CREDENTIALS_INVALID'), at)).toEqual({ text: 'The email or password is wrong.', needsTotp: false });
    expect(signInProblem(new ParleyError('PARLEY_ERR_AUTH_TOTP_REQUIRED'), at).needsTotp).toBe(true);
    expect(signInProblem(new ParleyError('PARLEY_ERR_AUTH_TOTP_INVALID'), at)).toMatchObject({ needsTotp: true, text: expect.stringContaining('wrong or has expired') });
  });

  it('tells a locked-out agent when to try again, in their time zone', () => {
    const locked = new ParleyError('PARLEY_ERR_AUTH_LOCKED', undefined, { retryAfterMs: 5 * 60_000 });
    // 10:05 UTC is 11:05 in Berlin in March (English shows a 12-hour clock).
    // Intl may join number and unit with a no-break space.
    expect(signInProblem(locked, at).text).toMatch(/^Too many failed sign-ins\. Try again at 11:05\sAM \(in 5\smin\)\.$/);
    expect(signInProblem(new ParleyError('PARLEY_ERR_AUTH_LOCKED'), at).text).toBe('Too many failed sign-ins. Try again in a moment.');
  });

  it('reads REST error bodies too, and names unknown codes', () => {
    expect(signInProblem({ error: { code: 'PARLEY_ERR_AUTH_ACCOUNT_DISABLED', message: 'x' } }, at).text).toContain('disabled');
    expect(signInProblem(new ParleyError('PARLEY_ERR_RATE_LIMITED'), at).text).toBe('Sign-in failed (PARLEY_ERR_RATE_LIMITED).');
    expect(signInProblem(new TypeError('fetch failed'), at).text).toContain('cannot be reached');
  });
});
