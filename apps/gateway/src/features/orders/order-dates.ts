const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/u;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An order date as a reply template takes it. A timestamp becomes a Date (shown on the
 * shopper's clock); a date-only value ("2026-11-27") stays the calendar day the shop meant,
 * which the templates show as that same day in every time zone (as a Date at UTC midnight it
 * would read "26 November" in Los Angeles).
 */
export function displayDate(value: string): Date | string {
  return DATE_ONLY.test(value) ? value : new Date(value);
}

/** Whether `value` names a calendar day rather than an instant. */
export function isDateOnly(value: string): boolean {
  return DATE_ONLY.test(value);
}

/**
 * When an estimate has certainly passed: a timestamp at its instant; a date-only estimate only
 * once that day has ended everywhere (UTC−12), so no shopper is told "late" on the due day.
 */
export function estimateRunsOut(value: string): Date {
  return DATE_ONLY.test(value) ? new Date(Date.parse(`${value}T00:00:00Z`) + DAY_MS * 1.5) : new Date(value);
}

/** The start of the estimate's day (UTC) for a date-only value, else its instant: what "N days late" counts from. */
export function estimateStarts(value: string): Date {
  return DATE_ONLY.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
}
