import type { CountryPhrases } from './country-phrases.ts';

// The names Hindi speakers use mid-sentence where Intl's are formal or administrative.
const SHORT_NAMES: Partial<Record<string, string>> = {
  US: 'अमेरिका',
  GB: 'ब्रिटेन',
  HK: 'हांगकांग',
  MO: 'मकाऊ',
  PS: 'फ़िलिस्तीन',
};

/** Hindi: postpositions after the name ("फ़्रांस में" where, "फ़्रांस के लिए" for orders bound there). */
export const HINDI: CountryPhrases = {
  in: (code, name) => `${SHORT_NAMES[code] ?? name} में`,
  to: (code, name) => `${SHORT_NAMES[code] ?? name} के लिए`,
};
