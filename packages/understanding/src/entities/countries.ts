import { SUPPORTED_LOCALES } from '@parley/culture';
import { CAPITALS_ALIASES, COUNTRY_ALIASES, FRAMED_NAMES, WORD_LIKE_NAMES } from './country-aliases.ts';
import { foldForCountries, nameSource } from './country-forms.ts';
import { escapeRegExp } from './currency-index.ts';

// Destinations shoppers ask about; names come from Intl in every supported language.
const COUNTRY_CODES = (
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE GB NO CH IS ' +
  'US CA MX BR AR CL CO PE AU NZ JP KR CN TW HK SG MY ID TH VN PH IN AE SA IL TR RU UA ZA EG MA NG'
).split(' ');

interface NamePattern {
  /** A plain substring every match contains: a cheap test before the regular expression. */
  needle: string;
  source: string;
  /** Compiled on first need: building all ~1,500 up front takes V8 a third of a second. */
  pattern?: RegExp;
  code: string;
}

let index: NamePattern[] | undefined;

/**
 * Every supported language's names (Intl's, with the part before a bracket: "Гонконг (САР)"),
 * the aliases, each with its inflections, longest first, built once: this runs on every
 * understood message. Vietnamese names that are also words go through FRAMED_NAMES instead.
 */
function namePatterns(): NamePattern[] {
  if (index) return index;
  const names = new Map<string, { code: string; language: string }>();
  const add = (raw: string, code: string, language: string): void => {
    const name = foldForCountries(raw).trim();
    if (name.length >= 2 && !names.has(name)) names.set(name, { code, language });
  };
  for (const locale of SUPPORTED_LOCALES) {
    const language = locale.split('-')[0] ?? locale;
    const display = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    for (const code of COUNTRY_CODES) {
      const name = display.of(code);
      if (!name) continue;
      // Short Vietnamese names are everyday words ("Áo" a shirt, "Pháp" in "phương pháp").
      if ((language === 'vi' && !name.includes(' ') && name.length <= 4) || WORD_LIKE_NAMES.has(name)) continue;
      add(name, code, language);
      const beforeBracket = name.split(/[(,]/u)[0]?.trim();
      if (beforeBracket && beforeBracket !== name) add(beforeBracket, code, language);
    }
  }
  for (const [code, aliases] of Object.entries(COUNTRY_ALIASES)) for (const alias of aliases) add(alias, code, languageOf(alias));
  index = [...names]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([name, { code, language }]) => ({ needle: needleOf(name, language), source: nameSource(name, language), code }));
  return index;
}

// Aliases carry no locale: Cyrillic ones decline as Russian, Latin ones stay as written.
function languageOf(alias: string): string {
  return /\p{Script=Cyrillic}/u.test(alias) ? 'ru' : 'alias';
}

// The part of a name every inflected form keeps (Russian and Polish endings replace the last letter).
function needleOf(name: string, language: string): string {
  if (name.startsWith('ال')) return name.slice(2);
  return (language === 'ru' || language === 'pl') && name.length >= 5 && !name.includes(' ') ? name.slice(0, -2) : name;
}

const CAPITALS = Object.entries(CAPITALS_ALIASES).flatMap(([code, aliases]) =>
  aliases.map((alias): [RegExp, string] => [new RegExp(`(?<![\\p{L}\\d])${escapeRegExp(alias)}(?![\\p{L}\\d])`, 'u'), code]),
);

/**
 * ISO 3166-1 alpha-2 codes of the countries a message names, in any supported language and
 * the forms sentences give them; Latin names only as whole words ("chinese" is not "chine").
 * A name inside a longer one counts once ("Korea" in "South Korea").
 */
export function findCountries(text: string): string[] {
  // Where each country is first named: "customs to Italy? I am in France" answers Italy first.
  const at = new Map<string, number>();
  const note = (code: string, index: number): void => {
    if (!at.has(code) || at.get(code)! > index) at.set(code, index);
  };
  let remaining = foldForCountries(text);
  for (const entry of namePatterns()) {
    if (!remaining.includes(entry.needle)) continue;
    entry.pattern ??= new RegExp(entry.source, 'gu');
    const { pattern, code } = entry;
    pattern.lastIndex = 0;
    const match = pattern.exec(remaining);
    if (!match) continue;
    note(code, match.index);
    // Blank the name with as many spaces, so later positions stay comparable.
    remaining = remaining.replace(pattern, (name) => ' '.repeat(name.length));
  }
  const lowered = text.normalize('NFC').toLowerCase();
  for (const [pattern, code] of FRAMED_NAMES) {
    const index = lowered.search(pattern);
    if (index >= 0) note(code, index);
  }
  for (const [pattern, code] of CAPITALS) {
    const index = text.search(pattern);
    if (index >= 0) note(code, index);
  }
  return [...at].sort((a, b) => a[1] - b[1]).map(([code]) => code);
}
