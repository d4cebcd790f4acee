import type { CountryPhrases } from './country-phrases.ts';

// Names as a Turkish sentence uses them: "ABD", not the full "Amerika Birleşik Devletleri";
// the Intl name for Hong Kong ("Çin Hong Kong ÖİB") is an administrative label.
const SHORT_NAMES: Partial<Record<string, string>> = {
  US: 'ABD',
  HK: 'Hong Kong',
  MO: 'Makao',
  PS: 'Filistin',
};

const BACK_VOWELS = 'aıou';
const VOWELS = 'aeıioöuü';
// "Fıstıkçı Şahap": after these the suffix consonant hardens (Fas'ta, İsveç'te).
const VOICELESS = 'fstkçşhp';
// How Turkish reads each letter of an abbreviation aloud (ABD = "a-be-de", AB = "a-be").
const LETTER_NAMES: Record<string, string> = {
  A: 'a', B: 'be', C: 'ce', Ç: 'çe', D: 'de', E: 'e', F: 'fe', G: 'ge', Ğ: 'ge', H: 'he', I: 'ı', İ: 'i', J: 'je', K: 'ke', L: 'le',
  M: 'me', N: 'ne', O: 'o', Ö: 'ö', P: 'pe', R: 're', S: 'se', Ş: 'şe', T: 'te', U: 'u', Ü: 'ü', V: 've', Y: 'ye', Z: 'ze',
};
// A compound name ending in a possessive ("Avrupa Birliği", "Birleşik Arap Emirlikleri",
// "Dominik Cumhuriyeti") takes the buffer n: Avrupa Birliği'nde, Emirlikleri'ne.
const POSSESSIVE_END = /\s\p{L}*(leri|ları|liği|lığı|luğu|lüğü|iyeti|Adası|Adaları)$/u;

/** The sound a suffix attaches to: the last word, or an abbreviation read letter by letter. */
function spokenEnding(name: string): string {
  const lastWord = name.split(/\s+/u).at(-1) ?? name;
  if (/^[A-ZÇĞİÖŞÜ]{2,}$/u.test(lastWord)) return LETTER_NAMES[lastWord.at(-1)!] ?? 'e';
  return lastWord.toLocaleLowerCase('tr');
}

function lastVowelIsBack(sound: string): boolean {
  const vowel = [...sound].reverse().find((letter) => VOWELS.includes(letter));
  return vowel === undefined ? false : BACK_VOWELS.includes(vowel);
}

/** `name` with the locative (-da/-de/-ta/-te) or dative (-a/-e/-ya/-ye) after an apostrophe. */
export function turkishCase(name: string, kase: 'locative' | 'dative'): string {
  const sound = spokenEnding(name);
  const a = lastVowelIsBack(sound) ? 'a' : 'e';
  const last = sound.at(-1) ?? '';
  if (POSSESSIVE_END.test(name)) return `${name}'n${kase === 'locative' ? 'd' : ''}${a}`;
  if (kase === 'locative') return `${name}'${VOICELESS.includes(last) ? 't' : 'd'}${a}`;
  return `${name}'${VOWELS.includes(last) ? 'y' : ''}${a}`;
}

/** Turkish: suffixes, not prepositions ("Fransa'da", "Türkiye'ye", "ABD'de", "İsveç'te"). */
export const TURKISH: CountryPhrases = {
  in: (code, name) => turkishCase(SHORT_NAMES[code] ?? name, 'locative'),
  to: (code, name) => turkishCase(SHORT_NAMES[code] ?? name, 'dative'),
};
