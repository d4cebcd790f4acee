import { t } from '../i18n/i18n.ts';
import { en } from '../i18n/locales/en.ts';
import type { StringKey } from '../i18n/locales/en.ts';

const isKey = (key: string): key is StringKey => Object.hasOwn(en, key);

/**
 * A bot intent in the agent's words ("Wants a person" for `talk_to_human`); an intent this
 * console does not know yet is shown as the gateway sent it, rather than hidden.
 */
export function intentLabel(intent: string): string {
  const key = `intent.${intent}`;
  return isKey(key) ? t(key) : intent;
}

/**
 * Why an order lookup failed, in words: no such order, the shop's order system did not answer,
 * or (anything else the gateway reports) the failure's code.
 */
export function orderProblem(error: string): string {
  if (error === 'not-found') return t('ctx.orderNotFound');
  if (error === 'timeout' || error === 'unreachable') return t('ctx.orderUnavailable', { error });
  return t('ctx.orderError', { error });
}
