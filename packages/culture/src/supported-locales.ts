/**
 * Locales Parley speaks today. The culture issue grows this to 20+; a locale is added by adding
 * its resource file under `locales/` and listing it here (a test renders every key in each).
 */
export const SUPPORTED_LOCALES = [
  'en-US',
  'en-GB',
  'de-DE',
  'fr-FR',
  'es-ES',
  'es-MX',
  'pt-BR',
  'it-IT',
  'ja-JP',
  'zh-Hans',
  'zh-Hant',
  'ar-SA',
  'he-IL',
] as const;

/** A locale Parley has templates for. */
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

/** Text direction for a locale, from its language subtag. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  const language = locale.split('-')[0]?.toLowerCase() ?? '';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/** True when `locale` is exactly one of SUPPORTED_LOCALES. */
export function isSupportedLocale(locale: string): locale is SupportedLocale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(locale);
}
