import i18next from 'i18next';
import type { i18n } from 'i18next';
import { RESOURCES } from './resources.ts';
import { SUPPORTED_LOCALES } from './supported-locales.ts';
import type { SupportedLocale } from './supported-locales.ts';

/** The canned replies Parley ships, written natively in every supported locale. */
export const CANNED_REPLY_KEYS = ['orderStatus', 'delayApology', 'returnSteps', 'refundTiming', 'addressChangeReceived', 'closing'] as const;

/** One of CANNED_REPLY_KEYS. */
export type CannedReplyKey = (typeof CANNED_REPLY_KEYS)[number];

/** Values a canned reply may use; absent ones are simply unknown. */
export interface CannedValues {
  shopper?: { name?: string | undefined } | undefined;
  order?: { number?: string | undefined } | undefined;
  agent?: { name?: string | undefined } | undefined;
}

/** A rendered reply, or the variables it needs that the context lacks (so it is never sent with a hole). */
export type CannedRender = { ok: true; text: string } | { ok: false; missing: string[] };

/** The only variables a canned text may use, shipped or a site's own. */
export const CANNED_VARIABLES = ['shopper.name', 'order.number', 'agent.name'] as const;

// `{{ order.number }}` with optional spaces, like i18next's own interpolation syntax.
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/gu;
// A brace pair left over once the well-formed placeholders are gone is a typo (`{{order.number}`).
const STRAY_BRACES = /\{\{[^{}]*|\}\}/u;

// The shipped texts are only looked up through i18next; interpolation is ours (below), so a shipped
// reply and a site's own text follow one rule for missing variables and literal insertion.
const instance: i18n = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, { canned: RESOURCES[locale].canned }])),
  ns: ['canned'],
  defaultNS: 'canned',
  supportedLngs: [...SUPPORTED_LOCALES],
  lng: 'en-US',
  fallbackLng: false,
  load: 'currentOnly',
  initAsync: false,
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

/** A shipped canned text, raw (placeholders intact); undefined when the locale lacks it. */
function rawText(locale: SupportedLocale, key: string): string | undefined {
  if (!instance.exists(key, { lng: locale, ns: 'canned' })) return undefined;
  return instance.t(key, { lng: locale, ns: 'canned', skipInterpolation: true });
}

/** The picker label of a shipped reply in the agent's locale: a short title and search words. */
export function cannedReplyLabel(locale: SupportedLocale, key: CannedReplyKey): { title: string; keywords: string } {
  return { title: rawText(locale, `${key}.title`) ?? key, keywords: rawText(locale, `${key}.keywords`) ?? '' };
}

/**
 * Renders a shipped reply in the shopper's locale. With a shopper name, the locale's named
 * variant (`body_named`: `{{shopper.name}}様`…) is used where that culture addresses people so.
 */
export function renderCannedReply(locale: SupportedLocale, key: CannedReplyKey, values: CannedValues): CannedRender {
  const named = valueOf(values, 'shopper.name') === undefined ? undefined : rawText(locale, `${key}.body_named`);
  const template = named ?? rawText(locale, `${key}.body`);
  // Unreachable for shipped keys (the resource test covers every locale); reported, never sent blank.
  if (template === undefined) return { ok: false, missing: [`${key}.body`] };
  return renderCannedTemplate(template, values);
}

/**
 * Renders a site's own canned text with the same variables and the same missing-variable rule.
 * Values are inserted literally in one pass: a name that reads `{{order.number}}` stays as typed.
 * Unknown variables and stray braces count as missing, so a typo is caught when the site saves it.
 */
export function renderCannedTemplate(template: string, values: CannedValues): CannedRender {
  const missing = cannedVariables(template).filter((name) => valueOf(values, name) === undefined);
  const stray = STRAY_BRACES.exec(template.replace(PLACEHOLDER, ''));
  if (stray) missing.push(stray[0]);
  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, text: template.replace(PLACEHOLDER, (_match, name: string) => valueOf(values, name) ?? '') };
}

/** The variables a template uses, in order of first use, e.g. ['order.number', 'agent.name']. */
export function cannedVariables(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (match) => match[1] ?? ''))];
}

/** A variable's value, or undefined when unknown, blank, or not one of CANNED_VARIABLES. */
function valueOf(values: CannedValues, name: string): string | undefined {
  let value: string | undefined;
  if (name === 'shopper.name') value = values.shopper?.name;
  else if (name === 'order.number') value = values.order?.number;
  else if (name === 'agent.name') value = values.agent?.name;
  // A blank name would be sent as "Hi , …": it is as missing as an absent one.
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
