import { findNumbers, isSupportedCountry } from 'libphonenumber-js/max';
import type { CountryCode } from 'libphonenumber-js/max';
import { BULLET } from './personal-data.ts';
import type { PersonalDataSpan } from './personal-data.ts';
import type { Range } from './text-ranges.ts';

// A phone glued to Latin letters or digits is part of a code (`LX123456785CN`, `A-030…`).
const CODE_NEIGHBOUR = /[A-Za-z0-9]/u;
// No phone number contains list punctuation or a line break, but libphonenumber's matcher
// reads across them ("030 12345678, 0151" as one number), so each piece is searched alone.
const SEPARATOR = /[,;，、；\n]+/gu;

/**
 * Phone numbers in `text`, found by libphonenumber with its full ("max") metadata and the VALID
 * leniency: a candidate must be a number some operator could actually assign, so dates,
 * amounts, postcodes and most order numbers are not phones. Digits in other scripts
 * (`٠٥٠١٢٣٤٥٦٧`, `０９０－１２３４－５６７８`) are read too. National numbers use `defaultCountry`
 * for their calling code; without a supported one only `+…` numbers are found. The text is
 * searched piece by piece between list punctuation and the `claimed` ranges (data already
 * found, URLs), so a card typed right after a phone does not spoil the phone's match.
 * Masked as `+49 ••• 5678`: the calling code, bullets, and the last four national digits.
 */
export function findPhones(text: string, defaultCountry: string | undefined, claimed: readonly Range[] = []): PersonalDataSpan[] {
  const upper = defaultCountry?.toUpperCase();
  const country = upper && isSupportedCountry(upper) ? upper : undefined;
  const cuts: Range[] = [...text.matchAll(SEPARATOR)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  cuts.push(...claimed, { start: text.length, end: text.length });
  cuts.sort((a, b) => a.start - b.start);
  const spans: PersonalDataSpan[] = [];
  let pieceStart = 0;
  for (const cut of cuts) {
    if (cut.start > pieceStart) spans.push(...phonesIn(text, pieceStart, cut.start, country));
    pieceStart = Math.max(pieceStart, cut.end);
  }
  return spans;
}

function phonesIn(text: string, start: number, end: number, country: CountryCode | undefined): PersonalDataSpan[] {
  const piece = text.slice(start, end);
  if (!/\p{Nd}/u.test(piece)) return [];
  const found = findNumbers(piece, country ? { defaultCountry: country, v2: true } : { v2: true });
  return found
    .map(({ number, startsAt, endsAt }) => ({ number, start: start + startsAt, end: start + endsAt }))
    .filter(({ number, start: from, end: to }) => number.isValid() && !CODE_NEIGHBOUR.test(text[from - 1] ?? '') && !CODE_NEIGHBOUR.test(text[to] ?? ''))
    .map(({ number, start: from, end: to }) => ({
      start: from,
      end: to,
      kind: 'phone',
      masked: `+${number.countryCallingCode} ${BULLET.repeat(3)} ${number.nationalNumber.slice(-4)}`,
    }));
}
