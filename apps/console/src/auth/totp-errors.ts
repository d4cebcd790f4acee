import { t } from '../i18n/i18n.ts';
import { signInProblem } from './sign-in-errors.ts';

/** Which two-factor call was refused: the same code means different things for each. */
export type TotpAction = 'start' | 'confirm' | 'disable' | 'require';

/** What to say about a refused two-factor call, and whether the session is over. */
export interface TotpProblem {
  text: string;
  /** The session expired or was revoked: the agent must sign in again. */
  isSessionOver: boolean;
}

const SESSION_OVER = new Set(['PARLEY_ERR_AUTH_SESSION_EXPIRED', 'PARLEY_ERR_AUTH_REQUIRED', 'PARLEY_ERR_AUTH_ACCOUNT_DISABLED']);

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Turns a refused two-factor or workspace-settings call into words. PARLEY_ERR_AUTH_TOTP_SETUP_REQUIRED
 * is the gateway's answer both to "turn off" while two-factor is mandatory and to an admin who
 * makes it mandatory before setting it up for themselves.
 */
export function totpProblem(error: unknown, action: TotpAction, at: { now: number; lang: string; timeZone: string }): TotpProblem {
  const code = codeOf(error);
  const words = (text: string): TotpProblem => ({ text, isSessionOver: false });
  if (code && SESSION_OVER.has(code)) return { text: signInProblem(error, at).text, isSessionOver: true };
  switch (code) {
    case 'PARLEY_ERR_AUTH_TOTP_INVALID':
      return words(t(action === 'disable' ? 'totp.error.invalidCurrent' : 'totp.error.invalid'));
    case 'PARLEY_ERR_AUTH_TOTP_SETUP_REQUIRED':
      return words(t(action === 'require' ? 'admin.error.ownTotpFirst' : 'totp.error.mandatory'));
    case 'PARLEY_ERR_PAYLOAD_INVALID':
      // Starting a setup while two-factor is on already (another tab finished it first).
      return words(t(action === 'start' ? 'totp.error.already' : 'totp.error.other', { code }));
    case 'PARLEY_ERR_FORBIDDEN_ROLE':
      return words(t('admin.error.role'));
    case 'PARLEY_ERR_AUTH_LOCKED':
    case 'PARLEY_ERR_CLIENT_TIMEOUT':
    case undefined:
      return words(signInProblem(error, at).text);
    default:
      return words(t('totp.error.other', { code }));
  }
}
