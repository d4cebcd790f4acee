import { describe, expect, it } from 'vitest';
import { OUTBOX_MAX_BYTES, OUTBOX_MAX_MESSAGES, outboxHasRoom, utf8Length } from './outbox-limits.ts';
import { Outbox } from './outbox.ts';
import type { OutboxEntry } from './outbox.ts';

const entry = (text: string): OutboxEntry => ({ clientMsgId: text, text, attempts: 0, resolve: () => {}, reject: () => {} });

describe('outbox limits', () => {
  it('counts UTF-8 bytes as TextEncoder does, lone surrogates as U+FFFD', () => {
    for (const text of ['', 'abc', 'Grüße', '注文', '👋🏽 مرحبا', 'a\uD800b', '\uDC00', 'x'.repeat(4000)]) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });

  it('stays a small fraction of the ~5 MB localStorage an origin shares with the shop', () => {
    expect(OUTBOX_MAX_BYTES).toBeLessThanOrEqual(512 * 1024);
    // Every message the gateway accepts (4,000 UTF-16 units, at most 12,000 bytes) fits alone.
    expect(outboxHasRoom([], '注'.repeat(4000))).toBe(true);
  });

  it('agrees with the in-memory outbox at both limits, and never evicts', () => {
    const outbox = new Outbox<OutboxEntry>((e) => e.text);
    const texts: string[] = [];
    const big = 'é'.repeat(4000); // 8,000 bytes
    while (outbox.hasRoomFor(big)) {
      expect(outboxHasRoom(texts, big)).toBe(true);
      expect(outbox.add(entry(big))).toBe(true);
      texts.push(big);
    }
    expect(outboxHasRoom(texts, big)).toBe(false);
    expect(outbox.add(entry(big))).toBe(false);
    expect(outbox.size).toBe(texts.length);
    // Removing one makes room again: the byte count follows removals.
    outbox.remove(outbox.peek()!);
    expect(outbox.add(entry(big))).toBe(true);

    const many = new Outbox<OutboxEntry>((e) => e.text);
    for (let i = 0; i < OUTBOX_MAX_MESSAGES; i += 1) expect(many.add(entry(`m${i}`))).toBe(true);
    expect(many.add(entry('one more'))).toBe(false);
    expect(many.drain()).toHaveLength(OUTBOX_MAX_MESSAGES);
    expect(many.add(entry('after drain'))).toBe(true);
  });

  it('leaves an outbox without textOf (the agent lanes) unbounded', () => {
    const outbox = new Outbox<OutboxEntry>();
    for (let i = 0; i <= OUTBOX_MAX_MESSAGES; i += 1) expect(outbox.add(entry(`m${i}`))).toBe(true);
  });
});
