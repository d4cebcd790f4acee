import type { CountryPhrases } from './country-phrases.ts';

// German names that take an article: feminine ("in der Schweiz" / "in die Schweiz") and
// masculine ("im Iran" / "in den Iran"). Every other country is neuter without one
// ("in Frankreich" / "nach Frankreich").
const FEMININE = new Set(['CH', 'TR', 'SK', 'UA', 'MN', 'VA']);
const MASCULINE = new Set(['IR', 'IQ', 'LB', 'YE', 'SD', 'TD', 'NE', 'OM']);
// Islands one is "auf" but goes "nach" ("auf Zypern" / "nach Zypern").
const ISLANDS = new Set(['CY', 'MT', 'CU', 'JM', 'MU']);

// Plurals and phrases whose article and case endings cannot be derived from Intl's nominative.
const TABLE: Partial<Record<string, readonly [inPhrase: string, toPhrase: string]>> = {
  US: ['in den USA', 'in die USA'],
  NL: ['in den Niederlanden', 'in die Niederlande'],
  GB: ['im Vereinigten Königreich', 'ins Vereinigte Königreich'],
  AE: ['in den Vereinigten Arabischen Emiraten', 'in die Vereinigten Arabischen Emirate'],
  PH: ['auf den Philippinen', 'auf die Philippinen'],
  MV: ['auf den Malediven', 'auf die Malediven'],
  SC: ['auf den Seychellen', 'auf die Seychellen'],
  BS: ['auf den Bahamas', 'auf die Bahamas'],
  KM: ['auf den Komoren', 'auf die Komoren'],
  DO: ['in der Dominikanischen Republik', 'in die Dominikanische Republik'],
  CF: ['in der Zentralafrikanischen Republik', 'in die Zentralafrikanische Republik'],
  CD: ['in der Demokratischen Republik Kongo', 'in die Demokratische Republik Kongo'],
  HK: ['in Hongkong', 'nach Hongkong'],
  MO: ['in Macau', 'nach Macau'],
  MM: ['in Myanmar', 'nach Myanmar'],
};

function phrase(code: string, name: string, direction: 0 | 1): string {
  const fixed = TABLE[code];
  if (fixed) return fixed[direction];
  if (FEMININE.has(code)) return direction === 0 ? `in der ${name}` : `in die ${name}`;
  if (MASCULINE.has(code)) return direction === 0 ? `im ${name}` : `in den ${name}`;
  if (ISLANDS.has(code)) return direction === 0 ? `auf ${name}` : `nach ${name}`;
  const plain = name.replace(/\s*\(.*\)$/u, '');
  return direction === 0 ? `in ${plain}` : `nach ${plain}`;
}

/**
 * German: "in Frankreich" / "nach Frankreich", "in der Schweiz" / "in die Schweiz", "im Iran" /
 * "in den Iran", "in den USA" / "in die USA", "auf Zypern" / "nach Zypern".
 */
export const DE_PHRASES: CountryPhrases = {
  in: (code, name) => phrase(code, name, 0),
  to: (code, name) => phrase(code, name, 1),
};
