import type { SupportedLocale } from '../supported-locales.ts';

/**
 * How one language puts a country into a sentence. Templates never glue a preposition to a
 * name themselves ("in diesem Land (Frankreich)", "para Brasil"): they use `{{inCountry}}`
 * ("in Frankreich", "no Brasil", "во Франции", "Fransa'da") and `{{toCountry}}` ("nach
 * Frankreich", "para o Brasil", "во Францию", "Fransa'ya"), which each language builds here
 * from the ISO code and the Intl name, with its articles, cases and suffixes.
 */
export interface CountryPhrases {
  /** Where something is: "in France" (locative). */
  in(code: string, name: string, locale: SupportedLocale): string;
  /** Where something goes: "to France" (direction). */
  to(code: string, name: string, locale: SupportedLocale): string;
}

/** For languages whose templates attach particles themselves (ja, zh, th, vi, id …): the name as is. */
export const BARE_NAME: CountryPhrases = {
  in: (_code, name) => name,
  to: (_code, name) => name,
};
