import { asciiDigits } from './digits.ts';
import { BULLET } from './personal-data.ts';
import type { PersonalDataSpan } from './personal-data.ts';

// A run of digits (any script) joined by single spaces or dashes. A run touching a Latin
// letter belongs to a code (`JD014600006281230704`, `1Z999AA1…`, `LX123456785CN`), and one
// right after `+` is an international phone number: neither holds a card.
const DIGIT_RUN = /(?<![\p{Nd}A-Za-z+])\p{Nd}(?:[ \-\u00A0\u3000\uFF0D]?\p{Nd})*(?![\p{Nd}A-Za-z])/gu;
const GROUP = /\p{Nd}+/gu;

interface Group {
  start: number;
  end: number;
  digits: string;
}

/**
 * Payment card numbers in `text`: 13–19 digits, compact or in groups, that pass the Luhn check.
 * A run of groups may hold a card next to other numbers (`+49 151 23456789 4242…`, an expiry
 * after it), so every stretch of whole groups is tried, longest first. Tracking numbers are
 * told apart by shape: no card number starts with 0 (ISO/IEC 7812 gives card networks no
 * major industry identifier 0), so SSCC parcel codes (`00340434…`) and DPD numbers are no
 * cards; a single run of 20 or more digits (USPS, SSCC) is one code, and so is 20 or more
 * digits written in groups of four (`9400 1118 9922 …`). Masked as `•••• 4242` (last four,
 * ASCII digits).
 */
export function findCards(text: string): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  for (const run of text.matchAll(DIGIT_RUN)) {
    const groups: Group[] = [...run[0].matchAll(GROUP)].map((group) => {
      const start = run.index + group.index;
      return { start, end: start + group[0].length, digits: asciiDigits(group[0]) };
    });
    if (isTrackingShape(groups)) continue;
    for (let first = 0; first < groups.length; first += 1) {
      const last = cardEndingAt(groups, first);
      if (last === undefined) continue;
      const digits = joined(groups, first, last);
      spans.push({ start: groups[first]!.start, end: groups[last]!.end, kind: 'card', masked: `${BULLET.repeat(4)} ${digits.slice(-4)}` });
      first = last;
    }
  }
  return spans;
}

/** The last group of the longest card starting at group `first`, if any. */
function cardEndingAt(groups: readonly Group[], first: number): number | undefined {
  if (groups[first]!.digits.startsWith('0')) return undefined;
  for (let last = groups.length - 1; last >= first; last -= 1) {
    const digits = joined(groups, first, last);
    if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)) return last;
  }
  return undefined;
}

function isTrackingShape(groups: readonly Group[]): boolean {
  const length = groups.reduce((sum, group) => sum + group.digits.length, 0);
  return length >= 20 && (groups.length === 1 || groups.slice(0, -1).every((group) => group.digits.length === 4));
}

function joined(groups: readonly Group[], first: number, last: number): string {
  return groups
    .slice(first, last + 1)
    .map((group) => group.digits)
    .join('');
}

/** The Luhn (mod 10) check every payment card number carries in its last digit. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let value = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
  }
  return sum % 10 === 0;
}
