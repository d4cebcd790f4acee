import { findCards } from './detect-cards.ts';
import { findEmails } from './detect-emails.ts';
import { findIbans } from './detect-ibans.ts';
import { findPhones } from './detect-phones.ts';
import type { FindOptions, PersonalDataSpan } from './personal-data.ts';
import { isKept, keepRanges, overlaps, urlRanges } from './text-ranges.ts';
import type { Range } from './text-ranges.ts';

export type { FindOptions, PersonalDataKind, PersonalDataSpan } from './personal-data.ts';

/**
 * The personal data in `text`, in text order and never overlapping: emails, IBANs, card
 * numbers and phone numbers (first claim wins, in that order, so an IBAN's digits are not
 * also a card). Matches of `keepPatterns` (order numbers) stay readable, and digits inside a
 * URL are never a phone, card or IBAN; an email is masked even inside a URL (`mailto:`,
 * `?email=`), since it names the shopper wherever it is. Masked forms: `j•••@example.com`,
 * `DE•• •••• •••• •••• 3000`, `•••• 4242`, `+1 ••• 0123` (digits always ASCII).
 *
 * @example
 * findPersonalData('Call 030 12345678', { defaultCountry: 'DE' })
 * // [{ start: 5, end: 17, kind: 'phone', masked: '+49 ••• 5678' }]
 */
export function findPersonalData(text: string, options: FindOptions = {}): PersonalDataSpan[] {
  const keep = keepRanges(text, options.keepPatterns ?? []);
  const urls = urlRanges(text);
  const taken: PersonalDataSpan[] = [];
  const claim = (candidates: readonly PersonalDataSpan[], isUrlProof: boolean): void => {
    for (const candidate of candidates) {
      if (isKept(candidate, keep)) continue;
      if (!isUrlProof && urls.some((url) => overlaps(candidate, url))) continue;
      if (taken.some((span) => overlaps(candidate, span))) continue;
      taken.push(candidate);
    }
  };
  claim(findEmails(text), true);
  claim(findIbans(text), false);
  claim(findCards(text), false);
  claim(findPhones(text, options.defaultCountry, [...taken, ...urls]), false);
  return taken.sort((a, b) => a.start - b.start);
}

/**
 * `text` with every piece of personal data replaced by its masked form, and the spans found
 * (offsets into the original `text`, in order).
 *
 * @example
 * maskText('Mail ana@example.com').text // 'Mail a•••@example.com'
 */
export function maskText(text: string, options: FindOptions = {}): { text: string; spans: PersonalDataSpan[] } {
  const spans = findPersonalData(text, options);
  let masked = '';
  let at = 0;
  for (const span of spans) {
    masked += text.slice(at, span.start) + span.masked;
    at = span.end;
  }
  return { text: masked + text.slice(at), spans };
}

/**
 * The original value of the `index`-th span of `text` (as `findPersonalData` numbers them,
 * from 0), for the audited reveal; undefined when there is no such span (the route answers
 * `PARLEY_ERR_PII_NOT_FOUND`). Pass the same options the text was masked with.
 */
export function revealSpan(text: string, index: number, options: FindOptions = {}): string | undefined {
  if (!Number.isInteger(index) || index < 0) return undefined;
  const span: Range | undefined = findPersonalData(text, options)[index];
  return span ? text.slice(span.start, span.end) : undefined;
}

/** A copy of `message` whose `text` is masked; every other field is kept as it is. */
export function maskMessage<T extends { text: string }>(message: T, options: FindOptions = {}): T {
  return { ...message, text: maskText(message.text, options).text };
}
