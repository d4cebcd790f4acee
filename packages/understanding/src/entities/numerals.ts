/**
 * Numbers as shoppers write them: digits of any script, local group and decimal separators,
 * and the CJK/Korean place-value units (5万, 1万2千, 三千, 3천).
 */

// Zero of each decimal-digit block shoppers use; every block is ten consecutive code points.
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0xff10];

// One code unit for one code unit, so positions found in the folded text hold in the original.
const SAME_LENGTH_FOLDS: Record<string, string> = {
  '٬': ',', // Arabic thousands separator
  '٫': '.', // Arabic decimal separator
  '，': ',',
  '．': '.',
  '＄': '$',
  '￥': '¥',
  '￡': '£',
  '￦': '₩',
  '״': '"', // Hebrew gershayim, as in ש״ח
  '׳': "'",
};

/**
 * Folds every script's digits to ASCII and the look-alike separators and signs to their
 * common forms, keeping the text's length (one code unit each), so indexes carry over.
 */
export function foldDigits(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const zero = DIGIT_ZEROS.find((start) => code >= start && code <= start + 9);
    out += zero === undefined ? (SAME_LENGTH_FOLDS[char] ?? char) : String(code - zero);
  }
  return out;
}

/**
 * Reads `1.200,50`, `1 200,50`, `1'200.50`, `1,200.50`, `1,20,000`, `12,5` and `120`:
 * two kinds of separator → the last is decimal; one kind repeated → grouping; one alone is
 * grouping before exactly three digits (unless the whole part is 0), decimal otherwise.
 */
export function parseDecimal(raw: string): number | undefined {
  const compact = raw.replace(/[\s'’]/gu, '');
  const separators = compact.match(/[.,]/gu) ?? [];
  const last = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
  let normal = compact;
  if (last >= 0) {
    const after = compact.slice(last + 1);
    const isOneKind = new Set(separators).size === 1;
    const isGrouping = isOneKind && (separators.length > 1 || (after.length === 3 && !/^0[.,]/u.test(compact)));
    normal = isGrouping ? compact.replace(/[.,]/gu, '') : `${compact.slice(0, last).replace(/[.,]/gu, '')}.${after}`;
  }
  const value = Number(normal);
  return normal !== '' && Number.isFinite(value) ? value : undefined;
}

const HAN_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  일: 1, 이: 2, 삼: 3, 사: 4, 오: 5, 육: 6, 칠: 7, 팔: 8, 구: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000, 십: 10, 백: 100, 천: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 億: 1e8, 亿: 1e8, 兆: 1e12, 만: 1e4, 억: 1e8 };

/** Han characters that make a run of digits a CJK number; the amount pattern uses them. */
export const HAN_NUMERALS = '〇零一二两兩三四五六七八九十拾百佰千仟万萬億亿兆';
/** Hangul numerals and units (Sino-Korean). */
export const HANGUL_DIGITS = '일이삼사오육칠팔구';
/** Hangul place-value units; a Korean number needs one of them to be told from a word. */
export const HANGUL_UNITS = '십백천만억';

/**
 * Place-value numbers: `5万` 50000, `1万2千` 12000, `1.5万` 15000, `两百` 200, `三千` 3000,
 * `十五` 15, `5천만` 50000000, `3천` 3000. ASCII digit runs (with separators) count as one
 * figure; Han digits in a row are positional (二〇二四 = 2024).
 */
export function parsePlaceValue(raw: string): number | undefined {
  let total = 0;
  let section = 0;
  let figure: number | undefined;
  const tokens = raw.replace(/[.,]+$/u, '').match(/\d[\d.,]*|./gu) ?? [];
  for (const token of tokens) {
    const digit = HAN_DIGITS[token];
    if (/^\d/u.test(token)) figure = parseDecimal(token);
    else if (digit !== undefined) figure = (figure ?? 0) * 10 + digit;
    else if (SMALL_UNITS[token]) {
      section += (figure ?? 1) * SMALL_UNITS[token];
      figure = undefined;
    } else if (BIG_UNITS[token]) {
      const part = section + (figure ?? 0);
      total += (part === 0 ? 1 : part) * BIG_UNITS[token];
      section = 0;
      figure = undefined;
    } else return undefined;
    if (figure !== undefined && !Number.isFinite(figure)) return undefined;
  }
  const value = total + section + (figure ?? 0);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}
