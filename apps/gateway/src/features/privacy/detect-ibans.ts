import { BULLET } from './personal-data.ts';
import type { PersonalDataSpan } from './personal-data.ts';

// IBAN lengths by country (SWIFT IBAN registry): a known length tells where an IBAN written in
// groups ends, so the words after it are never read as part of it.
const IBAN_LENGTHS: Readonly<Record<string, number>> = Object.fromEntries(
  (
    'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28 EE20 EG29 ES24 ' +
    'FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HN28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 ' +
    'LI21 LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 ' +
    'RS22 RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20 YE30'
  )
    .split(' ')
    .map((entry) => [entry.slice(0, 2), Number(entry.slice(2))]),
);

// A country code and two check digits at the start of a word; the rest is read char by char.
const IBAN_START = /(?<![A-Za-z0-9])([A-Za-z]{2})(\d{2})/gu;

/**
 * IBANs in `text`, compact or in groups of four (`DE89 3704 0044 0532 0130 00`), upper or lower
 * case, that pass the ISO 7064 mod-97 check. Masked in one fixed shape that hides the length:
 * the country code, bullets for the check digits and the account, and the last four
 * characters: `DE•• •••• •••• •••• 3000`.
 */
export function findIbans(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  for (const match of text.matchAll(IBAN_START)) {
    if (spans.length > 0 && match.index < spans[spans.length - 1]!.end) continue;
    const country = match[1]!.toUpperCase();
    const length = IBAN_LENGTHS[country];
    if (length === undefined) continue;
    const read = readCompact(text, match.index, length);
    if (!read || !passesMod97(read.compact)) continue;
    const bullets = BULLET.repeat(4);
    const masked = `${country}${BULLET.repeat(2)} ${bullets} ${bullets} ${bullets} ${read.compact.slice(-4)}`;
    spans.push({ start: match.index, end: read.end, kind: 'iban', masked });
  }
  return spans;
}

/** Exactly `length` letters and digits from `start`, allowing single spaces between them. */
function readCompact(text: string, start: number, length: number): { compact: string; end: number } | undefined {
  let compact = '';
  let at = start;
  while (compact.length < length && at < text.length) {
    const char = text[at]!;
    if (/[A-Za-z0-9]/u.test(char)) {
      compact += char.toUpperCase();
      at += 1;
    } else if (char === ' ' && compact.length > 0 && /[A-Za-z0-9]/u.test(text[at + 1] ?? '')) {
      at += 1;
    } else {
      return undefined;
    }
  }
  if (compact.length < length || /[A-Za-z0-9]/u.test(text[at] ?? '')) return undefined;
  return { compact, end: at };
}

/** ISO 13616: move the first four to the end, letters to 10–35, and the number mod 97 is 1. */
function passesMod97(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = /\d/u.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}
