/**
 * Country names as they stand in sentences: case endings (ru "во Францию", pl "we Francji",
 * tr "Almanya'ya", de "Deutschlands") and clitics glued to the front (ar "لفرنسا",
 * he "לצרפת"). Each function turns one folded name into a regular-expression source.
 */
import { escapeRegExp } from './currency-index.ts';

/**
 * Folds text and names alike so spelling variants meet: lower case (Turkish İ/ı too), Latin
 * accents dropped ("Turkiye", "Mexico"), Arabic hamza seats, tā' marbūṭa and vowel marks,
 * Hebrew geresh, Devanagari nukta, Russian ё.
 */
export function foldForCountries(text: string): string {
  return text
    .replace(/İ/gu, 'i')
    .toLowerCase()
    .replace(/ı/gu, 'i')
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/[أإآ]/gu, 'ا')
    .replace(/ى/gu, 'ي')
    .replace(/ة/gu, 'ه')
    .replace(/[\u064B-\u065F\u0670\u0640]/gu, '')
    .replace(/[׳']/gu, "'")
    .replace(/[״"]/gu, '"')
    .replace(/\u093C/gu, '')
    .replace(/ё/gu, 'е');
}

const LATIN_EDGE = String.raw`[\p{L}\p{M}\d]`;
const TURKISH_ENDINGS = "(?:['’]?(?:ya|ye|a|e|da|de|ta|te|dan|den|tan|ten|nin|nun|in|un|yi|yu|i|u|daki|deki|taki|teki|li|lu))?";

/** Russian: the stem takes any case ending ("Франци-ю", "Кита-е", "Польш-у", "Нидерланд-ах"). */
function russian(name: string): string {
  if (name.includes(' ') || name.length < 5) return escapeRegExp(name);
  const stem = /(?:ия|ея|а|я|й|ь|ы)$/u.exec(name);
  if (stem) return `${escapeRegExp(name.slice(0, -stem[0].length))}(?:${stem[0]}|ию|ии|ией|ея|ею|еи|у|ы|е|ой|ю|я|ем|ей|ом|ов|ах|ам|и)`;
  if (/[аеиоуэ]$/u.test(name)) return escapeRegExp(name);
  return `${escapeRegExp(name)}(?:а|у|е|ом|ы)?`;
}

const POLISH_LOCATIVE: Record<string, string> = { d: 'dzie', t: 'cie', k: 'ce', r: 'rze', ł: 'le' };

/** Polish: -a names decline (Francja → Francji, Polska → Polsce, Kanada → Kanadzie), consonants take -u/-a/-em. */
function polish(name: string): string {
  if (name.includes(' ')) return escapeRegExp(name);
  if (name.endsWith('a')) {
    const stem = name.slice(0, -1);
    const last = stem.at(-1) ?? '';
    const locative = POLISH_LOCATIVE[last] ? `|${escapeRegExp(stem.slice(0, -1) + POLISH_LOCATIVE[last])}` : '';
    return `(?:${escapeRegExp(stem)}(?:a|y|i|ę|ą|ie|e)${locative})`;
  }
  if (name.endsWith('o')) return `${escapeRegExp(name.slice(0, -1))}(?:o|a|u)`;
  if (/[bcdfghjklłmnprstwz]$/u.test(name)) return `${escapeRegExp(name)}(?:u|a|em|ie)?`;
  return escapeRegExp(name);
}

/** The regular-expression source for one folded name in one language, with its edges. */
export function nameSource(name: string, language: string): string {
  const body = escapeRegExp(name);
  if (/\p{Script=Arabic}/u.test(name)) {
    const variants = [body];
    // "ال" drops its alif after the preposition li-: اليابان → لليابان.
    if (name.startsWith('ال')) variants.push(`لل${escapeRegExp(name.slice(2))}`);
    const before = String.raw`(?<=^|[^\p{L}\p{M}]|(?:^|[^\p{L}\p{M}])[وف]?[بلك]|(?:^|[^\p{L}\p{M}])[وف])`;
    return `${before}(?:${variants.join('|')})(?![\\p{Script=Arabic}])`;
  }
  if (/\p{Script=Hebrew}/u.test(name)) return `(?<=^|[^\\p{L}\\p{M}]|(?:^|[^\\p{L}\\p{M}])[ומשהכלב]{1,2}-?)${body}(?![\\p{Script=Hebrew}])`;
  if (/\p{Script=Devanagari}/u.test(name)) return `(?<![\\p{Script=Devanagari}])${body}(?![\\p{Script=Devanagari}])`;
  if (/\p{Script=Hangul}/u.test(name)) return `(?<!\\p{Script=Hangul})${body}`;
  if (/\p{Script=Cyrillic}/u.test(name)) return `(?<![\\p{L}\\p{M}])${language === 'ru' ? russian(name) : body}(?![\\p{L}\\p{M}])`;
  if (/^[\p{Script=Latin}\s'’.,\-"()]+$/u.test(name)) {
    const inflected = language === 'pl' ? polish(name) : language === 'tr' ? `${body}${TURKISH_ENDINGS}` : language === 'de' ? `${body}s?` : body;
    return `(?<!${LATIN_EDGE})${inflected}(?!${LATIN_EDGE})`;
  }
  // Han, kana and Thai run words together: the name may stand anywhere.
  return body;
}
