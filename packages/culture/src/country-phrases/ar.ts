import type { CountryPhrases } from './country-phrases.ts';

// Intl's Arabic names already carry the article where Arabic uses one (الولايات المتحدة,
// المملكة المتحدة, الهند); only the administrative labels are shortened for a sentence.
const SHORT_NAMES: Partial<Record<string, string>> = {
  HK: 'هونغ كونغ',
  MO: 'ماكاو',
  PS: 'فلسطين',
};

/** Arabic: "في فرنسا" (where), "إلى فرنسا" (where to). */
export const ARABIC: CountryPhrases = {
  in: (code, name) => `في ${SHORT_NAMES[code] ?? name}`,
  to: (code, name) => `إلى ${SHORT_NAMES[code] ?? name}`,
};
