import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '@parley/protocol';
import { adjustCounts, applyUpdate, belongsTo, matchesSearch, slaLabel, slaState, sortByWaiting, tabCount, waitingLabel } from './inbox-logic.ts';

const NOW = Date.parse('2025-03-12T10:00:00Z');
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();

function summary(id: string, fields: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id,
    siteKey: 'shop',
    region: 'eu',
    channel: 'widget',
    locale: 'de-DE',
    status: 'open',
    assigneeId: null,
    createdAt: minutesAgo(60),
    updatedAt: minutesAgo(1),
    ...fields,
  };
}

describe('sortByWaiting', () => {
  it('puts the longest-waiting shopper first, then those nobody owes, most recent first', () => {
    const list = [
      summary('short', { waitingSince: minutesAgo(2) }),
      summary('idle-old', { updatedAt: minutesAgo(30) }),
      summary('long', { waitingSince: minutesAgo(20) }),
      summary('idle-new', { updatedAt: minutesAgo(3) }),
    ];
    expect(sortByWaiting(list).map((c) => c.id)).toEqual(['long', 'short', 'idle-new', 'idle-old']);
  });
});

describe('labels', () => {
  it('says how long the shopper has waited', () => {
    expect(waitingLabel(summary('a', { waitingSince: minutesAgo(4) }), NOW, 'en')).toBe('waiting 4 min');
    expect(waitingLabel(summary('a', { waitingSince: minutesAgo(65) }), NOW, 'en')).toBe('waiting 1 hr 5 min');
    expect(waitingLabel(summary('a'), NOW, 'en')).toBeUndefined();
  });

  it('tells SLA time left, soon, and overdue', () => {
    const later = slaState(summary('a', { slaDueAt: new Date(NOW + 40 * 60_000).toISOString() }), NOW);
    expect(later).toEqual({ kind: 'left', ms: 40 * 60_000, isSoon: false });
    expect(slaLabel(later, 'en')).toBe('SLA: 40 min left');
    const soon = slaState(summary('a', { slaDueAt: new Date(NOW + 10 * 60_000).toISOString() }), NOW);
    expect(soon).toMatchObject({ kind: 'left', isSoon: true });
    const late = slaState(summary('a', { slaDueAt: minutesAgo(3) }), NOW);
    expect(late).toEqual({ kind: 'overdue', ms: 3 * 60_000 });
    expect(slaLabel(late, 'en')).toBe('SLA: overdue by 3 min');
    expect(slaLabel(slaState(summary('a'), NOW), 'en')).toBeUndefined();
  });
});

describe('views and counts', () => {
  const counts = { mine: 2, unassigned: 3, all: 9, breaching: 1 };

  it('shows mine + unassigned on the first screen', () => {
    expect(tabCount(counts, 'queue')).toBe(5);
    expect(tabCount(counts, 'all')).toBe(9);
    expect(belongsTo(summary('a', { assigneeId: 'me' }), 'queue', {}, 'me', NOW)).toBe(true);
    expect(belongsTo(summary('b'), 'queue', {}, 'me', NOW)).toBe(true);
    expect(belongsTo(summary('c', { assigneeId: 'ana' }), 'queue', {}, 'me', NOW)).toBe(false);
    expect(belongsTo(summary('d', { status: 'bot' }), 'queue', {}, 'me', NOW)).toBe(false);
  });

  it('applies the filters to live updates', () => {
    const japanese = summary('a', { locale: 'ja-JP', country: 'JP' });
    expect(belongsTo(japanese, 'all', { language: 'ja', country: 'JP' }, 'me', NOW)).toBe(true);
    expect(belongsTo(japanese, 'all', { language: 'de' }, 'me', NOW)).toBe(false);
    expect(belongsTo(japanese, 'all', { status: 'resolved' }, 'me', NOW)).toBe(false);
    expect(belongsTo(summary('r', { status: 'resolved' }), 'all', {}, 'me', NOW)).toBe(false);
  });

  it('lists the statuses each view lists on the gateway, so live updates agree with the next page', () => {
    const snoozed = summary('s', { assigneeId: 'me', status: 'snoozed' });
    expect(belongsTo(snoozed, 'mine', {}, 'me', NOW)).toBe(true);
    expect(belongsTo(snoozed, 'all', {}, 'me', NOW)).toBe(true);
    expect(belongsTo(summary('p', { status: 'pending' }), 'unassigned', {}, 'me', NOW)).toBe(false);
    expect(belongsTo(summary('b', { status: 'bot' }), 'all', {}, 'me', NOW)).toBe(true);
    const due = { slaDueAt: new Date(NOW + 60_000).toISOString() };
    expect(belongsTo(summary('o', due), 'breaching', {}, 'me', NOW)).toBe(true);
    expect(belongsTo(summary('w', { ...due, status: 'pending', assigneeId: 'me' }), 'breaching', {}, 'me', NOW)).toBe(false);
    expect(belongsTo(summary('r', { status: 'resolved' }), 'all', { status: 'resolved' }, 'me', NOW)).toBe(true);
  });

  it('moves counts when a conversation is taken, and when a new one arrives', () => {
    const queued = summary('a');
    const taken = { ...queued, assigneeId: 'me' };
    expect(adjustCounts(counts, queued, taken, 'me', NOW)).toEqual({ mine: 3, unassigned: 2, all: 9, breaching: 1 });
    const fresh = summary('b', { slaDueAt: new Date(NOW + 5 * 60_000).toISOString() });
    expect(adjustCounts(counts, undefined, fresh, 'me', NOW)).toEqual({ mine: 2, unassigned: 4, all: 10, breaching: 2 });
    const resolved = { ...taken, status: 'resolved' as const };
    expect(adjustCounts(counts, taken, resolved, 'me', NOW)).toEqual({ mine: 1, unassigned: 3, all: 8, breaching: 1 });
  });

  it('adds, replaces and removes rows, keeping the waiting order', () => {
    const list = [summary('a', { waitingSince: minutesAgo(10) }), summary('b', { waitingSince: minutesAgo(5) })];
    const older = summary('c', { waitingSince: minutesAgo(30) });
    expect(applyUpdate(list, older, true).map((c) => c.id)).toEqual(['c', 'a', 'b']);
    expect(applyUpdate(list, { ...list[0]!, assigneeId: 'ana' }, false).map((c) => c.id)).toEqual(['b']);
  });

  it('searches what is loaded by id, text, site, country and order', () => {
    const row = summary('c_42', { country: 'JP', lastMessage: { author: { kind: 'visitor' }, text: '注文がまだ届きません', createdAt: minutesAgo(1), seq: 3 }, botSummary: { orderNumber: 'A-1009' } });
    expect(matchesSearch(row, '届きません')).toBe(true);
    expect(matchesSearch(row, 'a-1009')).toBe(true);
    expect(matchesSearch(row, 'jp')).toBe(true);
    expect(matchesSearch(row, 'refund')).toBe(false);
    expect(matchesSearch(row, '  ')).toBe(true);
  });
});
