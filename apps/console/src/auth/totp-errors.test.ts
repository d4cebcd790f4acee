import { describe, expect, it } from 'vitest';
import { ParleyError } from '@parley/protocol/errors';
import { totpProblem } from './totp-errors.ts';

const at = { now: Date.parse('2025-03-12T10:00:00Z'), lang: 'en', timeZone: 'Europe/Berlin' };

describe('totpProblem', () => {
  it('asks for another try after a wrong code, worded for setting up and for turning off', () => {
    const wrong = new ParleyError('PARLEY_ERR_AUTH_TOTP_INVALID');
    expect(totpProblem(wrong, 'confirm', at)).toEqual({ text: 'That code did not match. Wait for the next code in your app and try again.', isSessionOver: false });
    expect(totpProblem(wrong, 'disable', at).text).toBe('That code is wrong or has expired. Enter the code your app shows now.');
  });

  it('explains the setup-required refusal by what was asked', () => {
    const refusal = new ParleyError('PARLEY_ERR_AUTH_TOTP_SETUP_REQUIRED');
    expect(totpProblem(refusal, 'disable', at).text).toBe('Your workspace requires two-factor sign-in, so it cannot be turned off.');
    expect(totpProblem(refusal, 'require', at).text).toBe('Set up two-factor sign-in for yourself first; then you can require it for everyone.');
  });

  it('says when two-factor is on already, and when only admins may act', () => {
    expect(totpProblem(new ParleyError('PARLEY_ERR_PAYLOAD_INVALID'), 'start', at).text).toBe('Two-factor sign-in is already on for your account.');
    expect(totpProblem(new ParleyError('PARLEY_ERR_PAYLOAD_INVALID'), 'confirm', at).text).toBe('That did not work (PARLEY_ERR_PAYLOAD_INVALID). Try again.');
    expect(totpProblem(new ParleyError('PARLEY_ERR_FORBIDDEN_ROLE'), 'require', at).text).toBe('Only admins can change this setting.');
  });

  it('marks an ended session, and words lockouts and network failures like sign-in', () => {
    expect(totpProblem(new ParleyError('PARLEY_ERR_AUTH_SESSION_EXPIRED'), 'confirm', at)).toEqual({ text: 'Your session has ended. Sign in again.', isSessionOver: true });
    const locked = new ParleyError('PARLEY_ERR_AUTH_LOCKED', undefined, { retryAfterMs: 5 * 60_000 });
    expect(totpProblem(locked, 'disable', at)).toMatchObject({ text: expect.stringContaining('Try again at 11:05'), isSessionOver: false });
    expect(totpProblem(new TypeError('Failed to fetch'), 'start', at).text).toContain('cannot be reached');
  });
});
