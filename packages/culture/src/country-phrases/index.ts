import type { SupportedLocale } from '../supported-locales.ts';
import { BARE_NAME } from './country-phrases.ts';
import type { CountryPhrases } from './country-phrases.ts';

export type { CountryPhrases } from './country-phrases.ts';

/**
 * Per language (BCP 47 language subtag, or the full locale where variants differ, e.g.
 * `pt-PT`), how it says "in <country>" and "to <country>". Languages not listed use the bare
 * name. Each language's rules live in a file of its own beside this one.
 */
const PHRASES: Partial<Record<string, CountryPhrases>> = {
  // European languages (en, de, fr, es, pt, it, nl, pl)
  // Other languages (tr, ru, ar, he, hi, ko …)
};

/** The phrases for `locale`: its own entry, else its language's, else the bare name. */
export function countryPhrasesFor(locale: SupportedLocale): CountryPhrases {
  return PHRASES[locale] ?? PHRASES[locale.split('-')[0]!] ?? BARE_NAME;
}
