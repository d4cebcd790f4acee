import { describe, expect, it } from 'vitest';
import type { CannedReplyOption } from '@parley/protocol';
import { filterCanned, foldText, isPickable, slashQuery, stepOption } from './canned-filter.ts';

const option = (key: string, title: string, keywords = '', extra: Partial<CannedReplyOption> = {}): CannedReplyOption => ({
  key,
  title,
  keywords,
  preview: `${title}…`,
  source: 'native',
  origin: 'parley',
  ...extra,
});

const replies = [
  option('greeting', 'Greeting', 'hello welcome'),
  option('orderStatus', 'Order status', 'tracking parcel', { missing: ['order.number'] }),
  option('returns', 'Rückgabe', 'retoure refund'),
  option('delay', 'Shipping delay', 'late order', { source: 'machine' }),
  option('gone', 'Closing', 'bye', { source: 'unavailable' }),
];

describe('the / picker', () => {
  it('opens on a slash at the start followed by letters, and only then', () => {
    expect(slashQuery('/')).toBe('');
    expect(slashQuery('/ord')).toBe('ord');
    expect(slashQuery('/Rück')).toBe('Rück');
    expect(slashQuery('hi /ord')).toBeUndefined();
    expect(slashQuery('/ord more')).toBeUndefined();
    expect(slashQuery('/ord\n')).toBeUndefined();
    expect(slashQuery('')).toBeUndefined();
  });

  it('matches titles and keywords ignoring case and diacritics, titles first', () => {
    expect(foldText('RÜCKGABE Ça')).toBe('ruckgabe ca');
    expect(filterCanned(replies, 'ruck').map((o) => o.key)).toEqual(['returns']);
    expect(filterCanned(replies, 'REFUND').map((o) => o.key)).toEqual(['returns']);
    // "Order status" starts with it; "Shipping delay" only has it among its keywords.
    expect(filterCanned(replies, 'order').map((o) => o.key)).toEqual(['orderStatus', 'delay']);
    expect(filterCanned(replies, 'del').map((o) => o.key)).toEqual(['delay']);
    expect(filterCanned(replies, '').map((o) => o.key)).toEqual(replies.map((o) => o.key));
    expect(filterCanned(replies, 'zzz')).toEqual([]);
  });

  it('refuses replies that lack a value or a shopper version', () => {
    expect(replies.map(isPickable)).toEqual([true, false, true, true, false]);
  });

  it('moves with the arrow keys over the pickable options, wrapping round', () => {
    expect(stepOption(replies, -1, 1)).toBe(0);
    expect(stepOption(replies, 0, 1)).toBe(2);
    expect(stepOption(replies, 3, 1)).toBe(0);
    expect(stepOption(replies, 0, -1)).toBe(3);
    expect(stepOption([], -1, 1)).toBe(-1);
    expect(stepOption([replies[1]!], -1, 1)).toBe(-1);
  });
});
