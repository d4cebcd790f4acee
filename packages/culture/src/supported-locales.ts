/**
 * Locales Parley speaks. A locale is added by adding its resource files under `locales/`, its
 * culture profile, and listing it here; a test renders every key in each and checks the profile.
 */
export const SUPPORTED_LOCALES = [
  'en-US',
  'en-GB',
  'de-DE',
  'fr-FR',
  'es-ES',
  'es-MX',
  'pt-BR',
  'pt-PT',
  'it-IT',
  'nl-NL',
  'pl-PL',
  'tr-TR',
  'ru-RU',
  'ar-SA',
  'he-IL',
  'hi-IN',
  'ja-JP',
  'ko-KR',
  'zh-Hans',
  'zh-Hant',
  'th-TH',
  'vi-VN',
  'id-ID',
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
