import { t } from '../i18n/i18n.ts';
import { en } from '../i18n/locales/en.ts';
import type { StringKey } from '../i18n/locales/en.ts';

const isKey = (key: string): key is StringKey => Object.hasOwn(en, key);

interface CodedError {
  code?: unknown;
  details?: unknown;
}

const codeOf = (error: unknown) => (error as CodedError | null)?.code;
const detailsOf = (error: unknown) => ((error as CodedError | null)?.details ?? {}) as Record<string, unknown>;

/**
 * The reason a send was refused for want of a translation (`timeout`, `budget_exhausted` …),
 * or undefined when the failure is something else.
 */
export function translationFailure(error: unknown): string | undefined {
  if (codeOf(error) !== 'PARLEY_ERR_TRANSLATION_UNAVAILABLE') return undefined;
  const reason = detailsOf(error).reason;
  return typeof reason === 'string' && reason ? reason : 'unavailable';
}

/** A translation failure's reason in words ("timed out"); an unknown reason as the gateway sent it. */
export function failureReasonLabel(reason: string): string {
  const key = `translation.reason.${reason}`;
  return isKey(key) ? t(key) : reason;
}

/** A canned-reply variable in words ("order number" for `order.number`). */
export function variableLabel(name: string): string {
  const key = `canned.var.${name}`;
  return isKey(key) ? t(key) : name;
}

/** Why a canned reply was refused, in words; undefined when the failure is not about a canned reply. */
export function cannedFailure(error: unknown): string | undefined {
  const code = codeOf(error);
  if (code === 'PARLEY_ERR_CANNED_REPLY_NOT_FOUND') return t('composer.cannedNotFound');
  if (code !== 'PARLEY_ERR_CANNED_REPLY_INCOMPLETE') return undefined;
  const missing = detailsOf(error).missing;
  const names = Array.isArray(missing) ? missing.filter((name): name is string => typeof name === 'string') : [];
  return t('composer.cannedMissing', { fields: names.map(variableLabel).join(', ') || '?' });
}
