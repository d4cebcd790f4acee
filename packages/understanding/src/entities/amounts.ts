import { currencyIndex } from './currency-index.ts';
import { MULTIPLIERS } from './currency-words.ts';
import { HAN_NUMERALS, HANGUL_DIGITS, HANGUL_UNITS, foldDigits, parseDecimal, parsePlaceValue } from './numerals.ts';

/** An amount found in a message, with where it stands (UTF-16 offsets into the text). */
export interface FoundAmount {
  value: number;
  /** ISO 4217, or an ambiguous `USD*` / `MXN*` / `AED*` until `settleCurrency` has run. */
  currency: string;
  start: number;
  end: number;
}

// A figure must not continue a word, a number, an order code (NL-10492), "#…" or "+49…".
const NOT_INSIDE = String.raw`(?<![\p{Script=Latin}\p{Script=Cyrillic}\d#+]|\d[.,'’]|[\p{L}\d]-)`;
const SPACE = String.raw`[ \u00A0\u202F]`;
// Indian lakh grouping, then three-digit groups with any separator, then plain figures.
const FIGURE = String.raw`\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?|\d{1,3}(?:(?:[.,'’]|${SPACE})\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d+)?`;
// Lookaheads are bounded (24 characters is longer than any written amount): unbounded, they
// rescanned the rest of a long message from every position.
const HAN_FIGURE = `(?=[\\d.,]{0,24}[${HAN_NUMERALS}])[\\d${HAN_NUMERALS}](?:[\\d.,${HAN_NUMERALS}]*[\\d${HAN_NUMERALS}])?`;
// Hangul numerals are also syllables of words (사원, 구원): they count only with a unit and not mid-word.
const HANGUL_FIGURE = `(?=\\d|(?<!\\p{Script=Hangul})[${HANGUL_DIGITS}${HANGUL_UNITS}])(?=[\\d.,${HANGUL_DIGITS}]{0,24}[${HANGUL_UNITS}])[\\d${HANGUL_DIGITS}${HANGUL_UNITS}][\\d.,${HANGUL_DIGITS}${HANGUL_UNITS}]*`;
const PLACE_VALUE = new RegExp(`[${HAN_NUMERALS}${HANGUL_DIGITS}${HANGUL_UNITS}]`, 'u');
const VIETNAMESE = /[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

let pattern: RegExp | undefined;

function amountPattern(): RegExp {
  if (pattern) return pattern;
  const { prefixSource, multiplierSource } = currencyIndex();
  const prefix = `(?<![\\p{Script=Latin}\\d])(?<pre>${prefixSource})`;
  const multipliers = `(?:\\s?(?<mult>${multiplierSource}))?(?:\\s?(?<mult2>${multiplierSource}))?`;
  pattern = new RegExp(`(?:${prefix}\\s?|${NOT_INSIDE})(?<num>${HAN_FIGURE}|${HANGUL_FIGURE}|${FIGURE})${multipliers}`, 'giu');
  return pattern;
}

/**
 * Every amount with a currency (a sign, code or word before or after it, or a unit word that
 * implies one: "50rb", "2 lakh", "50k" in Vietnamese). The text must be NFC; positions refer
 * to it. Figures without a currency ("2 items", dates, phone numbers) are not amounts.
 */
export function findAmounts(text: string): FoundAmount[] {
  const folded = foldDigits(text);
  const { lookup, readAfter } = currencyIndex();
  const found: FoundAmount[] = [];
  const figures = new RegExp(amountPattern());
  for (let match = figures.exec(folded); match; match = figures.exec(folded)) {
    const groups = match.groups ?? {};
    const figure = groups.num ?? '';
    let value = PLACE_VALUE.test(figure) ? parsePlaceValue(figure) : parseDecimal(figure);
    let implied: string | undefined;
    for (const word of [groups.mult, groups.mult2]) {
      const multiplier = word === undefined ? undefined : MULTIPLIERS[word.toLowerCase()];
      if (!multiplier || value === undefined) continue;
      value *= multiplier.factor;
      implied ??= multiplier.implied;
    }
    if (implied === 'VND?') implied = VIETNAMESE.test(text) ? 'VND' : undefined;
    const after = readAfter(folded, match.index + match[0].length);
    const before = lookup(groups.pre);
    // "新台幣1,500元", "港幣300元": 元 is only the unit there; the word in front names the currency.
    const currency = (after?.code === 'CNY' && before ? before : after?.code) ?? before ?? implied;
    if (value === undefined || value <= 0 || !currency) continue;
    const end = after?.end ?? match.index + match[0].length;
    // The currency word after this figure is used up: it must not open the next amount.
    figures.lastIndex = end;
    found.push({ value: Math.round(value * 100) / 100, currency, start: match.index, end });
  }
  return found;
}

const DOLLAR_HINTS: ReadonlyArray<[RegExp, string]> = [
  [/\bMXN\b|\bpesos?\b|песо|ペソ|페소|比索/iu, 'MXN'],
  [/\bCAD\b|canadian dollars?|dollars? canadiens?|d[oó]lar(?:es)? canadienses?|kanadische/iu, 'CAD'],
  [/\bAUD\b|australian dollars?|d[oó]lar(?:es)? australianos?|australische/iu, 'AUD'],
  [/\bNZD\b/iu, 'NZD'],
  [/\bSGD\b|singapore dollars?/iu, 'SGD'],
  [/\bHKD\b|hong kong dollars?/iu, 'HKD'],
  [/\bTWD\b/iu, 'TWD'],
];
const PESO_BY_COUNTRY: Record<string, string> = { AR: 'ARS', CL: 'CLP', CO: 'COP', PH: 'PHP' };

/**
 * Settles an ambiguous currency from the rest of the message: a bare `$` is USD unless the
 * text names exactly one other dollar or peso; "pesos" are MXN unless an Argentine, Chilean,
 * Colombian or Philippine destination is named; "dirham" is AED unless Morocco is.
 */
export function settleCurrency(currency: string, text: string, countries: readonly string[]): string {
  if (currency === 'USD*') {
    const hinted = DOLLAR_HINTS.filter(([hint]) => hint.test(text)).map(([, code]) => code);
    return hinted.length === 1 && hinted[0] ? hinted[0] : 'USD';
  }
  if (currency === 'MXN*') return countries.map((code) => PESO_BY_COUNTRY[code]).find(Boolean) ?? 'MXN';
  if (currency === 'AED*') return countries.includes('MA') ? 'MAD' : 'AED';
  return currency;
}
