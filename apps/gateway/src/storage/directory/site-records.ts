import { ParleyError } from '@parley/protocol';
import { isoTime } from '../conversation-fields.ts';
import { assertStorable } from '../storable.ts';
import type { SiteCannedReplyRecord } from './directory-store.ts';

/** A calendar month as usage is counted: `2026-12`. */
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Validates a usage addition (callers outside TypeScript may send anything): a storable site
 * key, a `YYYY-MM` month, a whole non-negative number of characters. The month's fixed shape
 * also keeps MongoDB's `<siteKey>|<month>` id unambiguous.
 */
export function usageOf(siteKey: string, month: string, characters = 0): { siteKey: string; month: string; characters: number } {
  assertStorable(month, 'month');
  siteKeyOf(siteKey);
  if (typeof month !== 'string' || !MONTH.test(month)) throw invalid('month must look like 2026-12');
  if (!Number.isSafeInteger(characters) || characters < 0) throw invalid('characters must be a whole number, 0 or more');
  return { siteKey, month, characters };
}

/**
 * Validates a site and canned-reply key. A key may not hold `|`, so MongoDB's
 * `<siteKey>|<key>` id names one reply only (the key is what follows the last `|`).
 */
export function cannedKeyOf(siteKey: string, key: string): { siteKey: string; key: string } {
  assertStorable(key, 'key');
  siteKeyOf(siteKey);
  if (typeof key !== 'string' || key.length === 0 || key.includes('|')) throw invalid('key must be a non-empty string without |');
  return { siteKey, key };
}

/** Validates a site key: a storable, non-empty string. */
export function siteKeyOf(siteKey: string): string {
  assertStorable(siteKey, 'siteKey');
  if (typeof siteKey !== 'string' || siteKey.length === 0) throw invalid('siteKey must be a non-empty string');
  return siteKey;
}

/** Validates a canned reply and returns only its known fields, `updatedAt` as canonical ISO text. */
export function cannedReplyOf(reply: SiteCannedReplyRecord): SiteCannedReplyRecord {
  assertStorable(reply, 'reply');
  const { siteKey, key } = cannedKeyOf(reply.siteKey, reply.key);
  if (typeof reply.title !== 'string') throw invalid('title must be a string');
  if (typeof reply.updatedBy !== 'string') throw invalid('updatedBy must be a string');
  if (reply.bodies === null || typeof reply.bodies !== 'object' || Array.isArray(reply.bodies)) throw invalid('bodies must be an object');
  const bodies: Record<string, string> = {};
  for (const [locale, body] of Object.entries(reply.bodies)) {
    if (typeof body !== 'string') throw invalid(`bodies.${locale} must be a string`);
    bodies[locale] = body;
  }
  return { siteKey, key, title: reply.title, bodies, updatedAt: isoTime(reply.updatedAt, 'reply.updatedAt'), updatedBy: reply.updatedBy };
}

function invalid(problem: string): ParleyError {
  return new ParleyError('PARLEY_ERR_PAYLOAD_INVALID', problem);
}
