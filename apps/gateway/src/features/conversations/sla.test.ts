import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '@parley/knowledge';
import { ParleyError } from '@parley/protocol';
import { addBusinessTime, slaDueAt, slaState } from './sla.ts';
import { DEFAULT_SLA, SlaConfigSchema } from './sla-config.ts';

const WEEKDAYS = [['09:00', '18:00']] as [string, string][];
const berlin: BusinessHours = {
  timeZone: 'Europe/Berlin',
  weekly: { mon: WEEKDAYS, tue: WEEKDAYS, wed: WEEKDAYS, thu: WEEKDAYS, fri: WEEKDAYS },
  holidays: ['2026-12-25', '2026-12-26'],
};
const newYork: BusinessHours = { timeZone: 'America/New_York', weekly: berlin.weekly };
const iso = (date: Date): string => date.toISOString();

describe('addBusinessTime', () => {
  it('adds plainly within open hours', () => {
    // Tuesday 10:00 Berlin (CEST, UTC+2).
    expect(iso(addBusinessTime(new Date('2026-06-02T08:00:00Z'), 5, berlin))).toBe('2026-06-02T08:05:00.000Z');
  });

  it('carries the rest across the evening close to the next morning', () => {
    // Tuesday 17:50 + 30 min: 10 today, 20 from Wednesday 09:00.
    expect(iso(addBusinessTime(new Date('2026-06-02T15:50:00Z'), 30, berlin))).toBe('2026-06-03T07:20:00.000Z');
  });

  it('starts counting at the opening when started while closed', () => {
    // Wednesday 06:00 Berlin + 15 → 09:15.
    expect(iso(addBusinessTime(new Date('2026-06-03T04:00:00Z'), 15, berlin))).toBe('2026-06-03T07:15:00.000Z');
  });

  it('skips the weekend', () => {
    // Friday 17:30 + 60: 30 on Friday, 30 from Monday 09:00.
    expect(iso(addBusinessTime(new Date('2026-06-05T15:30:00Z'), 60, berlin))).toBe('2026-06-08T07:30:00.000Z');
  });

  it('skips holidays', () => {
    // Thursday 24 Dec 17:55 (CET) + 15: Fri 25 is Christmas, then the weekend → Mon 28 09:10.
    expect(iso(addBusinessTime(new Date('2026-12-24T16:55:00Z'), 15, berlin))).toBe('2026-12-28T08:10:00.000Z');
  });

  it('follows the Berlin clock across the spring DST change', () => {
    // Friday 27 Mar 17:00 CET (16:00Z) + 120: 60 on Friday, 60 from Monday 30 Mar 09:00 CEST (07:00Z).
    expect(iso(addBusinessTime(new Date('2026-03-27T16:00:00Z'), 120, berlin))).toBe('2026-03-30T08:00:00.000Z');
  });

  it('counts real minutes through a night when the clock skips an hour', () => {
    const always: BusinessHours = { timeZone: 'Europe/Berlin', weekly: { sat: [['00:00', '24:00']], sun: [['00:00', '24:00']] } };
    // Saturday 28 Mar 23:00 CET (22:00Z) + 4 h of open time: 02:00Z, which Berlin calls 04:00 CEST.
    expect(iso(addBusinessTime(new Date('2026-03-28T22:00:00Z'), 240, always))).toBe('2026-03-29T02:00:00.000Z');
  });

  it('follows the New York clock across the autumn DST change', () => {
    // Friday 30 Oct 17:00 EDT (21:00Z) + 120: 60 on Friday, 60 from Monday 2 Nov 09:00 EST (14:00Z).
    expect(iso(addBusinessTime(new Date('2026-10-30T21:00:00Z'), 120, newYork))).toBe('2026-11-02T15:00:00.000Z');
  });

  it('walks several days for a long target, and through a lunch break', () => {
    const split: BusinessHours = { timeZone: 'Europe/Berlin', weekly: { mon: [['09:00', '12:00'], ['13:00', '17:00']], tue: [['09:00', '12:00'], ['13:00', '17:00']] } };
    // Monday 8 Jun 11:30 CEST + 60: 30 before lunch, 30 from 13:00.
    expect(iso(addBusinessTime(new Date('2026-06-08T09:30:00Z'), 60, split))).toBe('2026-06-08T11:30:00.000Z');
    // Monday 09:00 + 10 h: 7 h on Monday, the last 3 h end exactly at Tuesday's 12:00 lunch close.
    expect(iso(addBusinessTime(new Date('2026-06-08T07:00:00Z'), 600, split))).toBe('2026-06-09T10:00:00.000Z');
  });

  it('uses wall time without hours, and when the hours never open', () => {
    expect(iso(addBusinessTime(new Date('2026-06-06T22:00:00Z'), 90, undefined))).toBe('2026-06-06T23:30:00.000Z');
    expect(iso(addBusinessTime(new Date('2026-06-06T22:00:00Z'), 90, { timeZone: 'Europe/Berlin', weekly: {} }))).toBe('2026-06-06T23:30:00.000Z');
  });

  it('refuses negative or non-finite minutes with a coded error', () => {
    expect(() => addBusinessTime(new Date('2026-06-02T08:00:00Z'), -1, berlin)).toThrow(ParleyError);
    expect(() => addBusinessTime(new Date('2026-06-02T08:00:00Z'), Number.NaN, undefined)).toThrow(ParleyError);
  });
});

describe('slaDueAt and slaState', () => {
  it('picks the first or next target', () => {
    const since = new Date('2026-06-02T08:00:00Z');
    expect(iso(slaDueAt({ since, kind: 'first', targets: DEFAULT_SLA, hours: berlin }))).toBe('2026-06-02T08:05:00.000Z');
    expect(iso(slaDueAt({ since, kind: 'next', targets: DEFAULT_SLA, hours: berlin }))).toBe('2026-06-02T08:15:00.000Z');
    expect(iso(slaDueAt({ since: new Date('2026-06-05T15:58:00Z'), kind: 'next', targets: DEFAULT_SLA, hours: berlin }))).toBe('2026-06-08T07:13:00.000Z');
  });

  it('says ok, soon within 15 minutes, breached once due, none without a deadline', () => {
    const due = new Date('2026-06-02T12:00:00Z');
    expect(slaState(due, new Date('2026-06-02T11:44:00Z'))).toBe('ok');
    expect(slaState(due, new Date('2026-06-02T11:45:00Z'))).toBe('soon');
    expect(slaState(due, new Date('2026-06-02T11:59:59Z'))).toBe('soon');
    expect(slaState(due, due)).toBe('breached');
    expect(slaState(due, new Date('2026-06-03T00:00:00Z'))).toBe('breached');
    expect(slaState(undefined, due)).toBe('none');
  });
});

describe('SlaConfigSchema', () => {
  it('fills in the defaults and keeps what the site set', () => {
    expect(SlaConfigSchema.parse({})).toEqual({ firstResponseMinutes: 5, nextResponseMinutes: 15 });
    expect(SlaConfigSchema.parse({ firstResponseMinutes: 2 })).toEqual({ firstResponseMinutes: 2, nextResponseMinutes: 15 });
  });

  it('refuses targets that are not whole positive minutes within a week', () => {
    for (const bad of [{ firstResponseMinutes: 0 }, { nextResponseMinutes: 1.5 }, { firstResponseMinutes: 20_000 }, { nextResponseMinutes: '15' }]) {
      expect(SlaConfigSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
