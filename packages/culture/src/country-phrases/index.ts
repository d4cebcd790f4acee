import type { SupportedLocale } from '../supported-locales.ts';
import { BARE_NAME } from './country-phrases.ts';
import type { CountryPhrases } from './country-phrases.ts';
import { DE_PHRASES } from './de.ts';
import { EN_PHRASES } from './en.ts';
import { ES_PHRASES } from './es.ts';
import { FR_PHRASES } from './fr.ts';
import { IT_PHRASES } from './it.ts';
import { NL_PHRASES } from './nl.ts';
import { PL_PHRASES } from './pl.ts';
import { PT_BR_PHRASES, PT_PT_PHRASES } from './pt.ts';
import { ARABIC } from './ar.ts';
import { HEBREW } from './he.ts';
import { HINDI } from './hi.ts';
import { KOREAN } from './ko.ts';
import { CHINESE_SIMPLIFIED, CHINESE_TRADITIONAL, INDONESIAN, JAPANESE, THAI, VIETNAMESE } from './plain-names.ts';
import { RUSSIAN } from './ru.ts';
import { TURKISH } from './tr.ts';

export type { CountryPhrases } from './country-phrases.ts';

/**
 * Per language (BCP 47 language subtag, or the full locale where variants differ, e.g.
 * `pt-PT`), how it says "in <country>" and "to <country>". Languages not listed use the bare
 * name. Each language's rules live in a file of its own beside this one.
 */
const PHRASES: Partial<Record<string, CountryPhrases>> = {
  // European languages (en, de, fr, es, pt, it, nl, pl)
  en: EN_PHRASES, de: DE_PHRASES, fr: FR_PHRASES, es: ES_PHRASES, pt: PT_BR_PHRASES, 'pt-PT': PT_PT_PHRASES, it: IT_PHRASES, nl: NL_PHRASES, pl: PL_PHRASES,
  // Other languages (tr, ru, ar, he, hi, ko …)
  tr: TURKISH, ru: RUSSIAN, ar: ARABIC, he: HEBREW, hi: HINDI, ko: KOREAN, ja: JAPANESE, 'zh-Hans': CHINESE_SIMPLIFIED, 'zh-Hant': CHINESE_TRADITIONAL, th: THAI, vi: VIETNAMESE, id: INDONESIAN,
};

/** The phrases for `locale`: its own entry, else its language's, else the bare name. */
export function countryPhrasesFor(locale: SupportedLocale): CountryPhrases {
  return PHRASES[locale] ?? PHRASES[locale.split('-')[0]!] ?? BARE_NAME;
}
