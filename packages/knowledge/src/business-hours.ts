/** Days of the week, as `Intl` names them in English (`weekday: 'short'`), lower-cased. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** When a market's team answers: local opening intervals per weekday, and closed dates. */
export interface BusinessHours {
  /** IANA zone of the market (the team's clock), e.g. `Europe/Berlin`. */
  timeZone: string;
  /** Local `HH:MM`–`HH:MM` intervals per weekday; a missing day is closed. */
  weekly: Partial<Record<Weekday, ReadonlyArray<readonly [string, string]>>>;
  /** Closed local dates (`YYYY-MM-DD`), e.g. public holidays of the market. */
  holidays?: readonly string[] | undefined;
}

const SEARCH_DAYS = 21;

/**
 * Whether the team is open at `at`. Intervals are read on the market's own clock, so a 09:00
 * opening stays 09:00 local across daylight-saving changes.
 *
 * @example
 * isOpen({ timeZone: 'Europe/Berlin', weekly: { mon: [['09:00', '18:00']] } }, new Date('2026-11-30T08:30:00Z')) // true
 */
export function isOpen(hours: BusinessHours, at: Date): boolean {
  const local = localParts(at, hours.timeZone);
  if (hours.holidays?.includes(local.date)) return false;
  const minutes = local.hour * 60 + local.minute;
  return (hours.weekly[local.weekday] ?? []).some(([from, to]) => minutes >= toMinutes(from) && minutes < toMinutes(to));
}

/**
 * The next moment the team opens after `from` (or `from` itself when open), within three
 * weeks; undefined when nothing opens in that time. The shopper's own clock is a formatting
 * concern: pass the result to the `offline.backAt` template with the shopper's time zone.
 */
export function nextOpening(hours: BusinessHours, from: Date): Date | undefined {
  if (isOpen(hours, from)) return from;
  const start = localParts(from, hours.timeZone);
  for (let offset = 0; offset <= SEARCH_DAYS; offset += 1) {
    const day = addDays(start.date, offset);
    if (hours.holidays?.includes(day)) continue;
    const weekday = weekdayOf(day);
    const openings = [...(hours.weekly[weekday] ?? [])].map(([opensAt]) => opensAt).sort();
    for (const opensAt of openings) {
      const instant = zonedTimeToUtc(day, opensAt, hours.timeZone);
      if (instant.getTime() > from.getTime()) return instant;
    }
  }
  return undefined;
}

/**
 * When the interval the team is working in at `at` ends (the shopper is told "they're working
 * until 18:00 your time"); undefined when the team is not open at `at`. An interval running to
 * midnight may continue into the next day's first one; the answer is this interval's end.
 */
export function closesAt(hours: BusinessHours, at: Date): Date | undefined {
  if (!isOpen(hours, at)) return undefined;
  const local = localParts(at, hours.timeZone);
  const minutes = local.hour * 60 + local.minute;
  const current = (hours.weekly[local.weekday] ?? []).find(([from, to]) => minutes >= toMinutes(from) && minutes < toMinutes(to));
  if (!current) return undefined;
  const [, to] = current;
  return to === '24:00' ? zonedTimeToUtc(addDays(local.date, 1), '00:00', hours.timeZone) : zonedTimeToUtc(local.date, to, hours.timeZone);
}

interface LocalParts {
  date: string;
  weekday: Weekday;
  hour: number;
  minute: number;
}

function localParts(at: Date, timeZone: string): LocalParts {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts['year']}-${parts['month']}-${parts['day']}`,
    weekday: String(parts['weekday']).toLowerCase() as Weekday,
    hour: Number(parts['hour']),
    minute: Number(parts['minute']),
  };
}

/**
 * The UTC instant when the clock in `timeZone` shows `date` `time`. Offsets come from Intl, so
 * DST is handled; a local time skipped by a spring-forward gap moves to the first valid minute.
 */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wanted = Date.UTC(year, month - 1, day, 0, toMinutes(time));
  let guess = wanted;
  for (let i = 0; i < 3; i += 1) {
    const shown = localParts(new Date(guess), timeZone);
    const [y, m, d] = shown.date.split('-').map(Number) as [number, number, number];
    const shownAsUtc = Date.UTC(y, m - 1, d, shown.hour, shown.minute);
    if (shownAsUtc === wanted) return new Date(guess);
    guess += wanted - shownAsUtc;
  }
  return new Date(guess); // inside a DST gap: the nearest valid instant after it
}

function toMinutes(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

function weekdayOf(date: string): Weekday {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
}
