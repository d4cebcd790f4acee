/**
 * Zod-free rules for user-written text, shared by the gateway's edge validation and the SDK's
 * early refusals, so both agree on what counts as a message.
 */

/**
 * Characters that take no visible space: whitespace, format characters (zero-width space and
 * joiners, bidi controls, BOM), default-ignorables (variation selectors, tags) and the blank
 * fillers people use to fake an empty name (Hangul fillers, braille blank).
 */
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800\u3164\uFFA0\u115F\u1160]/gu;

/** A surrogate half without its partner: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Whether `text` shows anything: false for text made only of spaces, zero-width characters,
 * bidi controls or other invisible characters.
 *
 * @example
 * hasVisibleText('\u200B\u200D'); // false
 * hasVisibleText('ok'); // true
 */
export function hasVisibleText(text: string): boolean {
  return text.replace(INVISIBLE, '').length > 0;
}

/**
 * `text` with every lone surrogate replaced by U+FFFD, the form any UTF-8 store keeps. Done once
 * at the edge, so the ack, the stored message and every later read say the same thing.
 *
 * @example
 * toWellFormed('a\uD800b'); // 'a\uFFFDb'
 */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * `value` with every string in it (at any depth, keys included) made well-formed; other values
 * as they are. The gateway runs each inbound payload through this before validating it, so the
 * schemas stay plain (they also describe responses) and both stores receive the same text.
 */
export function toWellFormedDeep(value: unknown): unknown {
  if (typeof value === 'string') return toWellFormed(value);
  if (Array.isArray(value)) return value.map(toWellFormedDeep);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [toWellFormed(key), toWellFormedDeep(item)]));
  }
  return value;
}
