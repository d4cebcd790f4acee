import { t } from '../i18n/i18n.ts';
import { formatClock, formatDuration } from '../i18n/format.ts';

/** What the sign-in form shows after a refusal, and whether to ask for the 2FA code. */
export interface SignInProblem {
  text: string;
  needsTotp: boolean;
}

/** Reads `code` and `details` from a ParleyError or a REST `{ error }` body alike. */
function codeOf(error: unknown): { code?: string; details?: unknown } {
  if (!error || typeof error !== 'object') return {};
  const record = error as { code?: unknown; details?: unknown; error?: unknown };
  if (typeof record.code === 'string') return { code: record.code, details: record.details };
  return record.error ? codeOf(record.error) : {};
}

/**
 * Turns a refused sign-in into words. A lockout says when to try again, as a clock time in the
 * agent's time zone and as a duration (the gateway sends `details.retryAfterMs`).
 */
export function signInProblem(error: unknown, options: { now: number; lang: string; timeZone: string }): SignInProblem {
  const { code, details } = codeOf(error);
  switch (code) {
    case 'PARLEY_ERR_AUTH_CREDENTIALS_INVALID':
      return { text: t('signin.error.credentials'), needsTotp: false };
    case 'PARLEY_ERR_AUTH_TOTP_REQUIRED':
      return { text: t('signin.totpHint'), needsTotp: true };
    case 'PARLEY_ERR_AUTH_TOTP_INVALID':
      return { text: t('signin.error.totpInvalid'), needsTotp: true };
    case 'PARLEY_ERR_AUTH_TOTP_SETUP_REQUIRED':
      return { text: t('signin.error.totpSetup'), needsTotp: false };
    case 'PARLEY_ERR_AUTH_ACCOUNT_DISABLED':
      return { text: t('signin.error.disabled'), needsTotp: false };
    case 'PARLEY_ERR_AUTH_SESSION_EXPIRED':
    case 'PARLEY_ERR_AUTH_REQUIRED':
      return { text: t('signin.error.expired'), needsTotp: false };
    case 'PARLEY_ERR_AUTH_LOCKED': {
      const retryAfterMs = (details as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
      if (typeof retryAfterMs !== 'number' || retryAfterMs <= 0) return { text: t('signin.error.lockedSoon'), needsTotp: false };
      const time = formatClock(new Date(options.now + retryAfterMs), options.lang, options.timeZone);
      return { text: t('signin.error.locked', { time, duration: formatDuration(retryAfterMs, options.lang) }), needsTotp: false };
    }
    case undefined:
    case 'PARLEY_ERR_CLIENT_TIMEOUT':
      return { text: t('signin.error.network'), needsTotp: false };
    default:
      return { text: t('signin.error.other', { code }), needsTotp: false };
  }
}
