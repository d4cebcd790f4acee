import type { CountryPhrases } from './country-phrases.ts';

// French puts "en" before feminine names (most end in -e) and before masculine names starting
// with a vowel, "au" before other masculine names, "aux" before plurals and "à" before
// city-states and most islands. The same preposition says where something is and where it goes.
const MASCULINE_IN_E = new Set(['MX', 'KH', 'MZ', 'ZW', 'BZ', 'SR']);
const FEMININE_NOT_IN_E = new Set(['KR', 'KP', 'MK']);
const AUX = new Set(['US', 'NL', 'AE', 'PH', 'MV', 'SC', 'BS', 'KM', 'FJ', 'SB', 'MH']);
const A = new Set(['SG', 'HK', 'MO', 'MT', 'CY', 'TW', 'CU', 'MC', 'MG', 'MU', 'BH', 'DJ', 'SM', 'AD', 'JM', 'HT']);
// Intl's long names for the city-states ("R.A.S. chinoise de Hong Kong").
const NAMES: Partial<Record<string, string>> = { HK: 'Hong Kong', MO: 'Macao', MM: 'Myanmar', BU: 'Myanmar' };

function phrase(code: string, name: string): string {
  const base = NAMES[code] ?? name.replace(/\s*\(.*\)$/u, '');
  if (AUX.has(code)) return `aux ${base}`;
  if (A.has(code)) return `à ${base}`;
  if (MASCULINE_IN_E.has(code)) return `au ${base}`;
  if (FEMININE_NOT_IN_E.has(code) || /e$/u.test(base) || /^[aeiouàâéèêîïôû]/iu.test(base)) return `en ${base}`;
  return `au ${base}`;
}

/**
 * French: "en France", "en Israël", "au Brésil", "au Mexique", "aux États-Unis", "à Singapour";
 * `to` is the same phrase, as French says "livré en France" / "livré au Brésil".
 */
export const FR_PHRASES: CountryPhrases = {
  in: (code, name) => phrase(code, name),
  to: (code, name) => phrase(code, name),
};
