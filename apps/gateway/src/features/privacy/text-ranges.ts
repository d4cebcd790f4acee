/** A half-open range `[start, end)` of UTF-16 offsets into a text. */
export interface Range {
  start: number;
  end: number;
}

// Scheme URLs, `www.` hosts, and bare hosts with a path: their digits are ids, not phones.
const URL_PATTERN = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"'「」（）]+|\b(?:[a-z0-9-]+\.)+[a-z]{2,}\/[^\s<>"'「」（）]*/giu;

/** Every URL in `text`: their digits must never be read as phones, cards or IBANs. */
export function urlRanges(text: string): Range[] {
  return allMatches(text, URL_PATTERN);
}

/** Every non-empty match of each pattern (as if global), e.g. the site's order numbers. */
export function keepRanges(text: string, patterns: readonly RegExp[]): Range[] {
  return patterns.flatMap((pattern) => allMatches(text, pattern));
}

function allMatches(text: string, pattern: RegExp): Range[] {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const ranges: Range[] = [];
  for (const match of text.matchAll(global)) {
    if (match[0].length > 0) ranges.push({ start: match.index, end: match.index + match[0].length });
  }
  return ranges;
}

/** Whether two ranges share at least one character. */
export function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Whether a keep range saves `candidate`: it overlaps it without lying strictly inside it, so
 * an order number that is the whole candidate (or runs into it) wins, while a short digit
 * group matched inside a longer phone number does not.
 */
export function isKept(candidate: Range, keep: readonly Range[]): boolean {
  return keep.some((range) => {
    if (!overlaps(candidate, range)) return false;
    const isStrictlyInside = range.start >= candidate.start && range.end <= candidate.end && range.end - range.start < candidate.end - candidate.start;
    return !isStrictlyInside;
  });
}
