import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '@parley/protocol';
import { formatTitle, isFreshShopperMessage, unreadCount } from './attention.ts';

const NOW = Date.parse('2025-03-12T10:00:00Z');
function summary(id: string, seq: number, kind: 'visitor' | 'agent', fields: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id,
    siteKey: 'shop',
    region: 'eu',
    channel: 'widget',
    locale: 'en',
    status: 'open',
    assigneeId: null,
    createdAt: new Date(NOW - 3_600_000).toISOString(),
    updatedAt: new Date(NOW).toISOString(),
    lastMessage: { author: { kind }, text: 'hi', seq, createdAt: new Date(NOW - 5_000).toISOString() },
    ...fields,
  };
}

describe('attention', () => {
  it('puts the unread count in the title', () => {
    expect(formatTitle(3)).toBe('(3) Parley');
    expect(formatTitle(0)).toBe('Parley');
  });

  it('counts conversations for me with an unread shopper message', () => {
    const list = [
      summary('queued', 4, 'visitor'),
      summary('mine-read', 7, 'visitor', { assigneeId: 'me' }),
      summary('mine-answered', 9, 'agent', { assigneeId: 'me' }),
      summary('other-agent', 2, 'visitor', { assigneeId: 'ana' }),
    ];
    expect(unreadCount(list, new Map([['mine-read', 7]]), 'me')).toBe(1);
    expect(unreadCount(list, new Map(), 'me')).toBe(2);
  });

  it('chimes for a new, recent shopper message in my queue only', () => {
    const before = summary('a', 4, 'visitor');
    expect(isFreshShopperMessage(before, summary('a', 5, 'visitor'), 'me', NOW)).toBe(true);
    expect(isFreshShopperMessage(undefined, summary('a', 5, 'visitor'), 'me', NOW)).toBe(true);
    expect(isFreshShopperMessage(before, { ...before, assigneeId: 'me' }, 'me', NOW)).toBe(false);
    expect(isFreshShopperMessage(before, summary('a', 5, 'agent'), 'me', NOW)).toBe(false);
    expect(isFreshShopperMessage(before, summary('a', 5, 'visitor', { assigneeId: 'ana' }), 'me', NOW)).toBe(false);
    expect(isFreshShopperMessage(undefined, summary('a', 5, 'visitor'), 'me', NOW + 10 * 60_000)).toBe(false);
  });
});
