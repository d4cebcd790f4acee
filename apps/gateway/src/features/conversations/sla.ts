import { nextOpening, zonedTimeToUtc } from '@parley/knowledge';
import type { BusinessHours } from '@parley/knowledge';
import { ParleyError } from '@parley/protocol';
import type { SlaConfig } from './sla-config.ts';

const MINUTE_MS = 60_000;
/** How close to its deadline a conversation is flagged `soon`. */
export const SLA_SOON_MS = 15 * MINUTE_MS;
// Each loop consumes one open interval; a year of two intervals a day is far more than any target.
const MAX_INTERVALS = 800;

/** Where a conversation stands against its deadline; `none` when nothing is awaited. */
export type SlaState = 'ok' | 'soon' | 'breached' | 'none';

/**
 * The moment `minutes` of open business time have passed after `start`: closed hours,
 * weekends and holidays do not count, and intervals are read on the market's clock, so a
 * daylight-saving change moves the deadline by the hour it should. Without hours every minute
 * counts (plain wall time). When the hours never open again within three weeks (a
 * configuration with no open days), what is left counts as wall time so a deadline still exists.
 *
 * @example
 * // Friday 17:30 in Berlin + 60 minutes, open Mon–Fri 09:00–18:00 → Monday 09:30 Berlin
 * addBusinessTime(new Date('2026-06-05T15:30:00Z'), 60, hours) // 2026-06-08T07:30:00.000Z
 */
export function addBusinessTime(start: Date, minutes: number, hours: BusinessHours | undefined): Date {
  if (!Number.isFinite(minutes) || minutes < 0 || Number.isNaN(start.getTime())) {
    throw new ParleyError('PARLEY_ERR_INTERNAL_ERROR', `addBusinessTime needs a valid start and minutes >= 0 (got ${minutes})`);
  }
  let remaining = minutes * MINUTE_MS;
  let cursor = start;
  if (!hours) return new Date(cursor.getTime() + remaining);
  for (let step = 0; step < MAX_INTERVALS; step += 1) {
    const opening = nextOpening(hours, cursor);
    if (!opening) break;
    const closing = closingAfter(hours, opening);
    const available = closing.getTime() - opening.getTime();
    if (remaining <= available) return new Date(opening.getTime() + remaining);
    remaining -= available;
    cursor = closing;
  }
  return new Date(cursor.getTime() + remaining);
}

/**
 * When the reply a conversation awaits is due: the first response counts from the shopper's
 * first message, the next response from the shopper's latest unanswered one, both in business
 * time of the team's `hours`.
 */
export function slaDueAt(input: { since: Date; kind: 'first' | 'next'; targets: SlaConfig; hours: BusinessHours | undefined }): Date {
  const minutes = input.kind === 'first' ? input.targets.firstResponseMinutes : input.targets.nextResponseMinutes;
  return addBusinessTime(input.since, minutes, input.hours);
}

/**
 * The state of a deadline at `now`: `breached` once it has passed, `soon` within 15 minutes
 * of it (wall time: the agent's clock), `ok` before that, `none` when no reply is awaited.
 */
export function slaState(dueAt: Date | undefined, now: Date): SlaState {
  if (!dueAt) return 'none';
  const left = dueAt.getTime() - now.getTime();
  if (left <= 0) return 'breached';
  return left <= SLA_SOON_MS ? 'soon' : 'ok';
}

/**
 * The end of the open interval that `at` (an open moment) lies in, on the market's clock.
 * Intervals that touch (`09:00–12:00`, `12:00–18:00`) are walked as one by the caller's loop.
 */
function closingAfter(hours: BusinessHours, at: Date): Date {
  const local = localMinuteOf(at, hours.timeZone);
  const intervals = hours.weekly[local.weekday] ?? [];
  let latest: Date | undefined;
  for (const [from, to] of intervals) {
    if (local.minutes < toMinutes(from) || local.minutes >= toMinutes(to)) continue;
    const end = zonedTimeToUtc(local.date, to, hours.timeZone);
    if (!latest || end > latest) latest = end;
  }
  // `at` came from nextOpening, so an interval matched; only a DST fold (an end at 02:30 read
  // on the first pass of the repeated hour) can put its end behind `at`: step one minute on.
  if (!latest || latest.getTime() <= at.getTime()) return new Date(at.getTime() + MINUTE_MS);
  return latest;
}

interface LocalMinute {
  date: string;
  weekday: keyof BusinessHours['weekly'];
  minutes: number;
}

function localMinuteOf(at: Date, timeZone: string): LocalMinute {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    weekday: String(parts['weekday']).toLowerCase() as LocalMinute['weekday'],
    minutes: Number(parts['hour']) * 60 + Number(parts['minute']),
  };
}

function toMinutes(time: string): number {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return hour * 60 + minute;
}
