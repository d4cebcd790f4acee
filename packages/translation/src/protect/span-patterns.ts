/** What kind of thing a protected span is; every kind is restored verbatim after translation. */
export type ProtectedKind = 'personal' | 'email' | 'url' | 'order' | 'tracking' | 'amount' | 'glossary' | 'placeholder';

/** A half-open range `[start, end)` of UTF-16 offsets. */
export interface SpanRange {
  start: number;
  end: number;
}

// Scheme URLs, `www.` hosts and bare hosts (`shop.example`, `shop.example/returns`): machine
// translation splits or translates them ("shop. example", "tienda.ejemplo").
const URL = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"'「」（）]+|\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24}\b(?:\/[^\s<>"'「」（）]*)?/giu;
// Anchored at the start of the local part: without the look-behind every position of a long
// run of letters would start a new match attempt (quadratic on a 4,000-character message).
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@(?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,}/gu;
// Carrier tracking numbers: UPS 1Z…, UPU S10 (LX123456789DE), and long digit or letter+digit runs
// (FedEx, USPS, DHL, JD…): long enough that no word or quantity looks like one.
const TRACKING = /\b(?:1Z[0-9A-Z]{16}|[A-Z]{2}\d{9}[A-Z]{2}|(?=[A-Z0-9]*\d{6})[A-Z0-9]{10,30})\b/gu;
const ISO_CURRENCIES = 'USD|EUR|GBP|JPY|CNY|BRL|MXN|INR|KRW|SAR|AED|TRY|PLN|RUB|THB|VND|IDR|ILS|CHF|SEK|NOK|DKK|CAD|AUD|SGD|HKD|TWD';
const CURRENCY_SYMBOL = `[$€£¥₹₩₽₺฿₫₪﷼]|US\\$|R\\$|(?<![A-Za-z])(?:${ISO_CURRENCIES})(?![A-Za-z])`;
// Digit groups joined by one separator each ("1 299,00", "1.299", "12.00"): never across ", ".
const NUMBER = '\\d+(?:[.,\\u00a0\\u202f\\u2009 ]\\d+)*';
const CURRENCY_AFTER = `[$€£¥₹₩₽₺฿₫₪﷼]|円|元|zł|kr|Kč|Ft|lei|(?:${ISO_CURRENCIES})(?![A-Za-z])`;
// Amounts with their currency, either side: "25,00 €", "€25", "US$ 1,299.00", "1.299 円", "R$ 49,90".
// A number is only tried from its first digit (the look-behind), so a long digit run costs one pass.
const AMOUNT = new RegExp(`(?:(?:${CURRENCY_SYMBOL})\\s?(?:${NUMBER}))|(?:(?<![\\d.,])(?:${NUMBER})\\s?(?:${CURRENCY_AFTER}))`, 'gu');
/** A placeholder already in the shopper's text is itself protected, so restoring is unambiguous. */
const EXISTING_PLACEHOLDER = /⟦\s*\d+\s*⟧/gu;

/** Every non-empty match of `pattern` (as if global). */
export function matchRanges(text: string, pattern: RegExp): SpanRange[] {
  const global = pattern.flags.includes('g') ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  global.lastIndex = 0;
  const ranges: SpanRange[] = [];
  for (const match of text.matchAll(global)) {
    if (match[0].length > 0) ranges.push({ start: match.index, end: match.index + match[0].length });
  }
  return ranges;
}

/** A URL's trailing sentence punctuation is not part of it ("see shop.example/returns."). */
function trimUrl(text: string, range: SpanRange): SpanRange {
  let end = range.end;
  while (end > range.start && /[.,;:!?)\]}'"»」]/u.test(text[end - 1]!)) end--;
  return { start: range.start, end };
}

/** Glossary terms (product names) as whole words, longest first, case-insensitive. */
function glossaryRanges(text: string, glossary: readonly string[]): SpanRange[] {
  const terms = [...new Set(glossary.map((term) => term.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (terms.length === 0) return [];
  const escaped = terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return matchRanges(text, new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu'));
}

/** The candidate spans of each kind, in claim order: earlier kinds win overlaps. */
export function candidateSpans(text: string, options: { personalData?: readonly SpanRange[] | undefined; orderPatterns?: readonly RegExp[] | undefined; glossary?: readonly string[] | undefined }): Array<{ kind: ProtectedKind; range: SpanRange }> {
  const tag = (kind: ProtectedKind, ranges: SpanRange[]) => ranges.map((range) => ({ kind, range }));
  return [
    ...tag('placeholder', matchRanges(text, EXISTING_PLACEHOLDER)),
    ...tag('personal', [...(options.personalData ?? [])]),
    ...tag('email', matchRanges(text, EMAIL)),
    ...tag('url', matchRanges(text, URL).map((range) => trimUrl(text, range))),
    ...tag('order', (options.orderPatterns ?? []).flatMap((pattern) => matchRanges(text, pattern))),
    ...tag('tracking', matchRanges(text, TRACKING)),
    ...tag('amount', matchRanges(text, AMOUNT)),
    ...tag('glossary', glossaryRanges(text, options.glossary ?? [])),
  ];
}
