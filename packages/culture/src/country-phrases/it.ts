import type { CountryPhrases } from './country-phrases.ts';

// Italian says "in Francia" for most countries, but joins the article for plural and compound
// names ("negli Stati Uniti", "nel Regno Unito", "nei Paesi Bassi") and uses "a" for city-states
// and small islands ("a Singapore", "a Malta"). The same phrase says where something goes
// ("spedito in Francia", "spedito negli Stati Uniti").
const PREPOSITION: Partial<Record<string, string>> = {
  US: 'negli', AE: 'negli', GB: 'nel', NL: 'nei', PH: 'nelle', MV: 'nelle', SC: 'nelle', BS: 'nelle',
  DO: 'nella', CF: 'nella', VA: 'nella',
  SG: 'a', HK: 'a', MO: 'a', MT: 'a', CY: 'a', TW: 'a', CU: 'a', MC: 'a', SM: 'a', MU: 'a', BH: 'a', JM: 'a', HT: 'ad',
};
// Intl's long names for the special administrative regions ("RAS di Hong Kong").
const NAMES: Partial<Record<string, string>> = { HK: 'Hong Kong', MO: 'Macao', MM: 'Myanmar', BU: 'Myanmar' };

function phrase(code: string, name: string): string {
  const base = NAMES[code] ?? name.replace(/\s*\(.*\)$/u, '');
  return `${PREPOSITION[code] ?? 'in'} ${base}`;
}

/** Italian: "in Francia", "negli Stati Uniti", "nel Regno Unito", "nei Paesi Bassi", "a Singapore"; `to` alike. */
export const IT_PHRASES: CountryPhrases = {
  in: (code, name) => phrase(code, name),
  to: (code, name) => phrase(code, name),
};
