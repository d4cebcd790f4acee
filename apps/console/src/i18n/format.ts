/**
 * Dates, times and durations through Intl, in the UI language and an explicit time zone: the
 * agent's own (profile or browser) for the console, the shopper's for "their local time".
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The browser's IANA time zone. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** True when Intl knows this IANA time zone name. */
export function isValidTimeZone(timeZone: string | undefined): timeZone is string {
  if (!timeZone) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function unit(lang: string, value: number, name: 'minute' | 'hour' | 'day'): string {
  return new Intl.NumberFormat(lang, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
}

/** A short duration ("4 min", "1 hr 5 min", "2 days"), rounded down to whole minutes (at least 1). */
export function formatDuration(ms: number, lang: string): string {
  const abs = Math.abs(ms);
  if (abs >= DAY) return unit(lang, Math.floor(abs / DAY), 'day');
  if (abs >= HOUR) {
    const hours = Math.floor(abs / HOUR);
    const minutes = Math.floor((abs % HOUR) / MINUTE);
    return minutes === 0 ? unit(lang, hours, 'hour') : `${unit(lang, hours, 'hour')} ${unit(lang, minutes, 'minute')}`;
  }
  return unit(lang, Math.max(1, Math.floor(abs / MINUTE)), 'minute');
}

/** Hours and minutes ("14:05", "2:05 PM") at `date` in `timeZone`. */
export function formatClock(date: Date, lang: string, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZone }).format(date);
}

/** Weekday, hours and minutes in `timeZone` ("Tue 14:05"), for "their time now". */
export function formatWeekdayClock(date: Date, lang: string, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, { weekday: 'short', hour: 'numeric', minute: '2-digit', timeZone }).format(date);
}

/** Time for today's dates, date and time for older ones, in `timeZone`. */
export function formatStamp(iso: string, lang: string, timeZone: string, now: Date = new Date()): string {
  const date = new Date(iso);
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  if (day(date) === day(now)) return formatClock(date, lang, timeZone);
  return new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone }).format(date);
}

/** A calendar date ("12 Mar 2025") in `timeZone`. */
export function formatDate(iso: string, lang: string, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

/** A country's name in the UI language ("Japan", "日本"), or the code when Intl has none. */
export function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A language tag's name in the UI language ("Arabic (Saudi Arabia)"). */
export function languageName(tag: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Names joined as the UI language lists them ("Ana and Ben", "Ana、Ben"). */
export function formatList(names: string[], lang: string): string {
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(names);
}
