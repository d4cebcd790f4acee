import { describe, expect, it } from 'vitest';
import { createReplyTemplates } from '@parley/culture';
import { closesAt, isOpen, nextOpening, zonedTimeToUtc } from './business-hours.ts';
import type { BusinessHours } from './business-hours.ts';

const weekdays = (from: string, to: string) =>
  Object.fromEntries((['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => [day, [[from, to]] as const]));

const berlin: BusinessHours = { timeZone: 'Europe/Berlin', weekly: weekdays('09:00', '18:00'), holidays: ['2026-12-24', '2026-12-25', '2026-12-26'] };
const newYork: BusinessHours = { timeZone: 'America/New_York', weekly: weekdays('09:00', '17:00') };

describe('business hours', () => {
  it('reads opening hours on the market’s own clock', () => {
    expect(isOpen(berlin, new Date('2026-11-30T08:30:00Z'))).toBe(true); // Mon 09:30 CET
    expect(isOpen(berlin, new Date('2026-11-30T07:30:00Z'))).toBe(false); // Mon 08:30 CET
    expect(isOpen(berlin, new Date('2026-11-28T10:00:00Z'))).toBe(false); // Saturday
  });

  it('skips holidays and weekends to the next opening', () => {
    // Wed 23 Dec 2026, 18:30 in Berlin; 24–26 Dec closed, 27 is a Sunday → Mon 28 Dec 09:00 CET.
    expect(nextOpening(berlin, new Date('2026-12-23T17:30:00Z'))?.toISOString()).toBe('2026-12-28T08:00:00.000Z');
  });

  it('keeps 09:00 local across daylight-saving changes', () => {
    // New York springs forward on Sunday 8 March 2026: Monday 09:00 EDT is 13:00 UTC, not 14:00.
    expect(nextOpening(newYork, new Date('2026-03-07T15:00:00Z'))?.toISOString()).toBe('2026-03-09T13:00:00.000Z');
    // Berlin falls back on Sunday 25 October 2026: Monday 09:00 CET is 08:00 UTC.
    expect(nextOpening(berlin, new Date('2026-10-24T12:00:00Z'))?.toISOString()).toBe('2026-10-26T08:00:00.000Z');
    // Friday 23 October, still CEST: 09:00 is 07:00 UTC.
    expect(zonedTimeToUtc('2026-10-23', '09:00', 'Europe/Berlin').toISOString()).toBe('2026-10-23T07:00:00.000Z');
  });

  it('moves a time inside a spring-forward gap to a valid instant', () => {
    const gap = zonedTimeToUtc('2026-03-08', '02:30', 'America/New_York');
    expect(gap.getTime()).toBeGreaterThanOrEqual(Date.parse('2026-03-08T07:00:00Z'));
    expect(gap.getTime()).toBeLessThanOrEqual(Date.parse('2026-03-08T07:30:00Z'));
  });

  it('says when the team is back on the shopper’s own clock and in their format', () => {
    const back = nextOpening(berlin, new Date('2026-12-23T17:30:00Z'))!;
    const templates = createReplyTemplates();
    expect(templates.reply('ja-JP', 'offline.backAt', { time: back }, { timeZone: 'Asia/Tokyo' }).text).toContain('17:00');
    expect(templates.reply('en-US', 'offline.backAt', { time: back }, { timeZone: 'America/Los_Angeles' }).text).toContain('12:00 AM');
  });

  it('has no next opening for a team that never opens', () => {
    expect(nextOpening({ timeZone: 'UTC', weekly: {} }, new Date('2026-01-01T00:00:00Z'))).toBeUndefined();
  });
});

describe('closesAt', () => {
  const hours = { timeZone: 'Europe/Amsterdam', weekly: { mon: [['09:00', '12:00'], ['13:00', '18:00']] as [string, string][] } };
  it('is the end of the interval the team is in, on its own clock', () => {
    // Monday 30 November 2026, 10:00 in Amsterdam (09:00 UTC): the morning interval ends at 12:00 local.
    expect(closesAt(hours, new Date('2026-11-30T09:00:00Z'))?.toISOString()).toBe('2026-11-30T11:00:00.000Z');
    expect(closesAt(hours, new Date('2026-11-30T13:30:00Z'))?.toISOString()).toBe('2026-11-30T17:00:00.000Z');
  });
  it('is undefined while the team is not working', () => {
    expect(closesAt(hours, new Date('2026-11-30T11:30:00Z'))).toBeUndefined();
    expect(closesAt(hours, new Date('2026-12-01T10:00:00Z'))).toBeUndefined();
  });
});
