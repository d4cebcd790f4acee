import type { CountryPhrases } from './country-phrases.ts';

// Spanish drops the article before most country names ("en Estados Unidos", "a Brasil") but keeps
// it where leaving it out sounds wrong: "el Reino Unido", "los Países Bajos".
const ARTICLE: Partial<Record<string, 'el' | 'los' | 'las'>> = { GB: 'el', NL: 'los', AE: 'los', MV: 'las', SC: 'las', BS: 'las' };
// Intl's long names for the special administrative regions ("RAE de Hong Kong (China)").
const NAMES: Partial<Record<string, string>> = { HK: 'Hong Kong', MO: 'Macao', MM: 'Myanmar', BU: 'Myanmar' };

function base(code: string, name: string): string {
  return NAMES[code] ?? name.replace(/\s*\(.*\)$/u, '');
}

/**
 * Spanish: "en España" / "a España", "en el Reino Unido" / "al Reino Unido", "en los Países
 * Bajos" / "a los Países Bajos", "en Hong Kong".
 */
export const ES_PHRASES: CountryPhrases = {
  in: (code, name) => {
    const article = ARTICLE[code];
    return article ? `en ${article} ${base(code, name)}` : `en ${base(code, name)}`;
  },
  to: (code, name) => {
    const article = ARTICLE[code];
    if (article === 'el') return `al ${base(code, name)}`;
    return article ? `a ${article} ${base(code, name)}` : `a ${base(code, name)}`;
  },
};
