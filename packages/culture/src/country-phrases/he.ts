import type { CountryPhrases } from './country-phrases.ts';

const SHORT_NAMES: Partial<Record<string, string>> = {
  HK: 'הונג קונג',
  MO: 'מקאו',
  PS: 'השטחים הפלסטיניים',
};
// Names that begin with the article ה-, which the prefixes ב/ל absorb (בפיליפינים, לאיחוד
// האירופי). The ה of הודו, הולנד, הונגריה, הונג קונג is part of the name and stays.
const WITH_ARTICLE = new Set(['PH', 'EU', 'DO', 'CF', 'BS', 'VA', 'MV', 'SB', 'MH', 'KY', 'VG', 'VI', 'FO', 'CK', 'FK', 'TC', 'MP', 'PS']);
const ARTICLE_WORD = /^ה(רפובליקה|איים|אי |איחוד|אמירויות)/u;

/** `name` after a one-letter prefix (ב "in", ל "to"), as Hebrew spelling joins them. */
export function hebrewPrefixed(prefix: 'ב' | 'ל', code: string, name: string): string {
  let word = SHORT_NAMES[code] ?? name;
  if (word.startsWith('ה') && (WITH_ARTICLE.has(code) || ARTICLE_WORD.test(word))) word = word.slice(1);
  // Plene spelling doubles a consonantal ו at the start once a prefix precedes it (בוונצואלה).
  if (word.startsWith('ו') && !word.startsWith('וו')) word = `ו${word}`;
  // A name not in Hebrew letters takes a hyphen (ב-USA), as Hebrew writes prefixes to foreign words.
  return /^[\u05D0-\u05EA]/u.test(word) ? `${prefix}${word}` : `${prefix}-${word}`;
}

/** Hebrew: prefixes, not separate words ("בצרפת", "לצרפת", "בארצות הברית", "בפיליפינים"). */
export const HEBREW: CountryPhrases = {
  in: (code, name) => hebrewPrefixed('ב', code, name),
  to: (code, name) => hebrewPrefixed('ל', code, name),
};
