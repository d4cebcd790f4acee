import type { CountryPhrases } from './country-phrases.ts';

// Dutch: "in Frankrijk" / "naar Frankrijk"; plural and republic names take their article ("de
// Verenigde Staten", "het Verenigd Koninkrijk"); islands are "op" ("op Cyprus" / "naar Cyprus").
const ARTICLE: Partial<Record<string, 'de' | 'het'>> = {
  US: 'de', AE: 'de', PH: 'de', MV: 'de', SC: 'de', BS: 'de', KM: 'de', DO: 'de', CF: 'de',
  GB: 'het',
};
const ISLANDS = new Set(['CY', 'MT', 'CU', 'JM', 'MU', 'CV', 'AW', 'CW', 'PH', 'MV', 'SC', 'BS', 'KM']);
// Intl's long names for the special administrative regions ("Hongkong SAR van China").
const NAMES: Partial<Record<string, string>> = { HK: 'Hongkong', MO: 'Macau', MM: 'Myanmar', BU: 'Myanmar' };

function withArticle(code: string, name: string): string {
  const base = NAMES[code] ?? name.replace(/\s*\(.*\)$/u, '');
  const article = ARTICLE[code];
  return article ? `${article} ${base}` : base;
}

/** Dutch: "in Frankrijk" / "naar Frankrijk", "in de Verenigde Staten" / "naar de Verenigde Staten", "op Malta", "op de Filipijnen". */
export const NL_PHRASES: CountryPhrases = {
  in: (code, name) => `${ISLANDS.has(code) ? 'op' : 'in'} ${withArticle(code, name)}`,
  to: (code, name) => `naar ${withArticle(code, name)}`,
};
