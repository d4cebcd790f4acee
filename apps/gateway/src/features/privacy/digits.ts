const DECIMAL_DIGIT = /^\p{Nd}$/u;

/**
 * The value 0–9 of a decimal digit in any script (`٣`, `３`, `3` → 3), or undefined for any
 * other character. Unicode encodes each script's digits as a run of ten starting at zero, so
 * the value is the distance from the start of the run of digits, modulo ten (some blocks put
 * several runs back to back).
 */
export function digitValue(char: string): number | undefined {
  if (!DECIMAL_DIGIT.test(char)) return undefined;
  const point = char.codePointAt(0)!;
  let start = point;
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  return (point - start) % 10;
}

/** The ASCII digits of `text`, in order, whatever script they were written in. */
export function asciiDigits(text: string): string {
  let digits = '';
  for (const char of text) {
    const value = digitValue(char);
    if (value !== undefined) digits += String(value);
  }
  return digits;
}
