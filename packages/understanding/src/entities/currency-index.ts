import { SUPPORTED_LOCALES } from '@parley/culture';
import { CURRENCY_WORDS, EXACT_CASE_TOKENS, MULTIPLIERS, PREFIX_TOKENS } from './currency-words.ts';

/** What one written currency token stands for. */
export interface CurrencyToken {
  /** ISO 4217, or an ambiguous code ending in `*` settled from context. */
  code: string;
  /** Set when only these exact spellings count ("TRY", not "try"). */
  exactForms?: ReadonlySet<string>;
}

/** The regular-expression sources and lookups the amount reader is built from. */
export interface CurrencyIndex {
  prefixSource: string;
  multiplierSource: string;
  /** The currency a token written before a figure stands for. */
  lookup(token: string | undefined): string | undefined;
  /** The longest currency token starting at `at` (after one optional space), and where it ends. */
  readAfter(text: string, at: number): { code: string; end: number } | undefined;
}

let built: CurrencyIndex | undefined;

/** Case- and space-insensitive key, so "đô la" and "Đô  la" find the same entry. */
export function tokenKey(token: string): string {
  return token.toLowerCase().replace(/\s+/gu, '').replace(/['’]\p{L}+$/u, '');
}

/**
 * The hand-made table plus each supported locale's own currency names in every plural form
 * Intl knows ("российских рублей", "dólar estadounidense", "złotego polskiego"), built once.
 */
export function currencyIndex(): CurrencyIndex {
  if (built) return built;
  const tokens = new Map<string, { code: string; exact: Set<string> | undefined; spelled: string }>();
  // Hand-made spellings come first and win; Intl's names only fill gaps, never re-map a token.
  const add = (spelled: string, code: string, isHandMade: boolean): void => {
    const key = tokenKey(spelled);
    const known = tokens.get(key);
    if (key.length === 0 || (known && (!isHandMade || known.code !== code)) || (!isHandMade && key.length < 3)) return;
    const form = spelled.replace(/\s+/gu, '');
    const isExact = EXACT_CASE_TOKENS.has(spelled);
    const exact = !known ? (isExact ? new Set([form]) : undefined) : known.exact && isExact ? new Set([...known.exact, form]) : undefined;
    tokens.set(key, { code, exact, spelled: known?.spelled ?? spelled });
  };
  for (const [code, words] of Object.entries(CURRENCY_WORDS)) for (const word of words) add(word, code, true);
  for (const [code, name] of intlNames()) add(name, code, false);
  const accepts = (token: string): string | undefined => {
    const entry = tokens.get(tokenKey(token));
    if (!entry || (entry.exact && !entry.exact.has(token.replace(/\s+/gu, '')))) return undefined;
    return entry.code;
  };
  built = {
    prefixSource: alternation([...PREFIX_TOKENS]),
    multiplierSource: alternation(Object.keys(MULTIPLIERS)),
    lookup: (token) => (token === undefined ? undefined : accepts(token)),
    // A scan, not one alternation of ~1,500 tokens: V8 takes seconds to compile that case-insensitively.
    readAfter(text, at) {
      const start = /\s/u.test(text[at] ?? '') ? at + 1 : at;
      let key = '';
      let best: { code: string; end: number } | undefined;
      for (let index = start; index < text.length && index - start < MAX_TOKEN_LENGTH; index++) {
        const char = text[index] ?? '';
        if (/\s/u.test(char)) {
          if (key === '') break;
          continue;
        }
        key += char.toLowerCase();
        const end = tokenEnd(text, index + 1, char);
        const code = tokens.has(key) && end !== undefined ? accepts(text.slice(start, index + 1)) : undefined;
        if (code && end !== undefined) best = { code, end };
      }
      return best;
    },
  };
  return built;
}

const MAX_TOKEN_LENGTH = 48;

/**
 * Where a token whose last character is `last` ends if it may end before `next`, or
 * undefined: a word must end the word (a Turkish case ending after an apostrophe is part of
 * it: "TL'ye"), a sign right before a digit opens the next amount ("NL-10492 €50"), and 块 is
 * also a counter ("3块蛋糕") unless it ends the phrase or comes before 钱.
 */
function tokenEnd(text: string, next: number, last: string): number | undefined {
  const following = text.slice(next, next + 1);
  if (/\d/u.test(following)) return undefined;
  if ((last === '块' || last === '塊') && /\p{Script=Han}/u.test(following)) return undefined;
  if (!SPACED_LETTER.test(last)) return next;
  const ending = /^['’]\p{L}+/u.exec(text.slice(next));
  if (ending) return next + ending[0].length;
  return /[\p{L}\p{M}]/u.test(following) ? undefined : next;
}

const INFLECTING: ReadonlySet<string> = new Set(['ru-RU', 'pl-PL', 'ar-SA', 'he-IL', 'hi-IN', 'tr-TR']);

function intlNames(): [string, string][] {
  const codes = Object.keys(CURRENCY_WORDS).filter((code) => !code.endsWith('*'));
  const names: [string, string][] = [];
  for (const locale of SUPPORTED_LOCALES) {
    const display = new Intl.DisplayNames([locale], { type: 'currency', fallback: 'none' });
    for (const code of codes) {
      const name = display.of(code);
      if (name) names.push([code, name]);
      // Plural forms only where case and number change the word (Intl formats cost ~0.1 ms each).
      if (!INFLECTING.has(locale)) continue;
      const format = new Intl.NumberFormat(locale, { style: 'currency', currency: code, currencyDisplay: 'name' });
      for (const value of [1, 2, 5]) {
        const part = format.formatToParts(value).find((p) => p.type === 'currency')?.value;
        if (part) names.push([code, part]);
      }
    }
  }
  return names;
}

// Letters of scripts that put spaces between words: a token ending in one must end the word.
const SPACED_LETTER = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{M}]$/u;

// One boundary for all word-like tokens: a lookahead per token makes V8 compile for ~100 ms.
function alternation(tokens: readonly string[]): string {
  const sorted = [...new Set(tokens)].sort((a, b) => b.length - a.length);
  const source = (list: string[]) => list.map((token) => escapeRegExp(token).replace(/\s+/gu, String.raw`\s*`)).join('|');
  const words = sorted.filter((token) => SPACED_LETTER.test(token));
  const others = sorted.filter((token) => !SPACED_LETTER.test(token));
  // Others first: "tys." and "Rp." must win over the words "tys" and "Rp" they start with.
  const parts = [others.length > 0 ? source(others) : '', words.length > 0 ? `(?:${source(words)})(?![\\p{L}\\p{M}])` : ''];
  return parts.filter(Boolean).join('|');
}

/** Escapes a literal for a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}
