/**
 * How much a shopper's outbox may hold while the gateway is out of reach. One source for the
 * SDK's in-memory outbox and the widget's localStorage copy, so a message either side accepts
 * the other can keep too.
 */

/**
 * UTF-8 bytes of queued text. localStorage gives an origin about 5 MB, shared with the shop's
 * own page, so the widget's copy must stay a small fraction of it; 256 KiB is still some 20
 * messages of the longest kind (4,000 characters of CJK) or hundreds of ordinary ones.
 */
export const OUTBOX_MAX_BYTES = 256 * 1024;

/**
 * A backstop on the count: each entry also costs its id and JSON framing, and a script calling
 * `send('.')` in a loop must not grow the outbox (or the "Sending…" list) without end.
 */
export const OUTBOX_MAX_MESSAGES = 200;

/** UTF-8 size of `text` (a lone surrogate counts as the 3 bytes of U+FFFD it is stored as). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Whether an outbox already holding `queued` has room for one more message of `text`.
 *
 * @example
 * outboxHasRoom(['Hi'], 'Where is my order?'); // true
 */
export function outboxHasRoom(queued: readonly string[], text: string): boolean {
  let bytes = utf8Length(text);
  for (const queuedText of queued) bytes += utf8Length(queuedText);
  return fitsOutboxLimits(queued.length + 1, bytes);
}

/** Whether `count` messages of `bytes` UTF-8 bytes in all are within both limits. */
export function fitsOutboxLimits(count: number, bytes: number): boolean {
  return count <= OUTBOX_MAX_MESSAGES && bytes <= OUTBOX_MAX_BYTES;
}
