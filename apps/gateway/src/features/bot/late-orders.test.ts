import { describe, expect, it } from 'vitest';
import { createReplyTemplates } from '@parley/culture';
import type { Order } from '../orders/order.ts';
import { lateDelivery, lateReply } from './late-orders.ts';

const templates = createReplyTemplates();
const order = (fields: Partial<Order>): Order => ({ number: 'NL-1', status: 'shipped', shippedAt: '2026-11-20', estimatedDelivery: '2026-11-27', ...fields });

describe('late parcels with date-only estimates (as many shops send them)', () => {
  it('is not late on its due day anywhere, not even in Los Angeles at 17:00 on the 27th', () => {
    expect(lateDelivery(order({}), new Date('2026-11-28T01:00:00Z'))).toBeUndefined();
  });

  it('counts calendar days once the day has passed everywhere: due the 27th, asked on 1 December → 4 days', () => {
    expect(lateDelivery(order({}), new Date('2026-12-01T09:00:00Z'))).toEqual({ daysLate: 4, revised: undefined });
  });

  it('shows the shop’s own days in every time zone: shipped 20, due 27, now expected 4 December', () => {
    const late = lateDelivery(order({ revisedDelivery: '2026-12-04' }), new Date('2026-12-01T09:00:00Z'))!;
    const { reply } = lateReply(order({ revisedDelivery: '2026-12-04' }), late);
    for (const [locale, timeZone, expected] of [
      ['en-US', 'America/Los_Angeles', /shipped on November 20, 2026 .*November 27, 2026.*December 4, 2026/su],
      ['ja-JP', 'Asia/Tokyo', /2026年11月20日.*2026年11月27日.*2026年12月4日/su],
      ['de-DE', 'Pacific/Auckland', /20\. November 2026.*27\. November 2026.*4\. Dezember 2026/su],
    ] as const) {
      expect(templates.reply(locale, reply.key, reply.values, { timeZone }).text).toMatch(expected);
    }
  });

  it('drops a new estimate that has itself passed: a person looks instead', () => {
    const late = lateDelivery(order({ revisedDelivery: '2026-11-29' }), new Date('2026-12-01T09:00:00Z'))!;
    expect(late.revised).toBeUndefined();
    expect(lateReply(order({}), late)).toMatchObject({ reply: { key: 'order.lateHandoff' }, needsPerson: true });
  });
});
