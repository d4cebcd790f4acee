import { errorContext } from '../auth/error-context.ts';
import { signInProblem } from '../auth/sign-in-errors.ts';
import { formatList } from '../i18n/format.ts';
import { t, uiLanguage } from '../i18n/i18n.ts';
import { CANNED_VARIABLES } from './canned-form.ts';
import type { FieldProblem } from './canned-form.ts';

const SESSION_OVER = new Set(['PARLEY_ERR_AUTH_SESSION_EXPIRED', 'PARLEY_ERR_AUTH_REQUIRED', 'PARLEY_ERR_AUTH_ACCOUNT_DISABLED']);

/** `{{name}}` as the admin types it (built here: i18next would read braces in a string as its own). */
export const variableCode = (name: string): string => `{{${name}}}`;

/** A field's problem in words. */
export function problemText(problem: FieldProblem): string {
  switch (problem.kind) {
    case 'required':
      return t('cannedAdmin.error.required');
    case 'tooLong':
      return t('cannedAdmin.error.tooLong', { max: problem.max });
    case 'keyChars':
      return t('cannedAdmin.error.keyChars');
    case 'keyTaken':
      return t('cannedAdmin.error.keyTaken');
    case 'unknownVariables':
      return t('cannedAdmin.error.unknown', {
        names: formatList(problem.unknown.map(variableCode), uiLanguage()),
        known: formatList(CANNED_VARIABLES.map(variableCode), uiLanguage()),
      });
    case 'strayBraces':
      return t('cannedAdmin.error.stray', { example: variableCode('order.number') });
    case 'noBodies':
      return t('cannedAdmin.error.noBodies');
    case 'server':
      return t('cannedAdmin.error.refused', { message: problem.message });
  }
}

/** A refused canned-reply call in words, and whether the session is over (then sign in again). */
export function refusalText(error: unknown): { text: string; isSessionOver: boolean } {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const words = (text: string) => ({ text, isSessionOver: false });
  if (typeof code === 'string' && SESSION_OVER.has(code)) return { text: signInProblem(error, errorContext()).text, isSessionOver: true };
  switch (code) {
    case 'PARLEY_ERR_FORBIDDEN_ROLE':
      return words(t('cannedAdmin.error.role'));
    case 'PARLEY_ERR_FORBIDDEN_SITE':
      return words(t('cannedAdmin.error.site'));
    case 'PARLEY_ERR_SITE_UNKNOWN':
      return words(t('cannedAdmin.error.siteUnknown'));
    case 'PARLEY_ERR_PAYLOAD_INVALID':
      return words(t('cannedAdmin.error.refused', { message: typeof message === 'string' ? message : code }));
    default:
      return words(signInProblem(error, errorContext()).text);
  }
}
