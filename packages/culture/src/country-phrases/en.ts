import type { CountryPhrases } from './country-phrases.ts';

// Names English uses with "the" mid-sentence ("in the Netherlands", "to the Philippines").
const WITH_THE = new Set(['US', 'GB', 'NL', 'AE', 'PH', 'BS', 'GM', 'DO', 'CF', 'KM', 'MV', 'SC', 'SB', 'MH', 'VA', 'PS', 'CD', 'CG']);

// Intl's names that do not read well mid-sentence ("Hong Kong SAR China", "Congo - Kinshasa").
const NAMES: Partial<Record<string, string>> = {
  HK: 'Hong Kong',
  MO: 'Macao',
  MM: 'Myanmar',
  BU: 'Myanmar',
  CD: 'Democratic Republic of the Congo',
  CG: 'Republic of the Congo',
};

/** The name as it stands after "in"/"to": the article where English uses one. */
function phrase(code: string, name: string): string {
  const base = NAMES[code] ?? name.replace(/\s*\(.*\)$/u, '');
  return WITH_THE.has(code) ? `the ${base}` : base;
}

/**
 * English: "in France", "to France"; "in the United States", "to the Netherlands" for the names
 * that take the article; Hong Kong and Macao without Intl's "SAR China".
 */
export const EN_PHRASES: CountryPhrases = {
  in: (code, name) => `in ${phrase(code, name)}`,
  to: (code, name) => `to ${phrase(code, name)}`,
};
