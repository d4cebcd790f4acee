/** Formats values the way a shopper in `locale` reads them, in their own time zone. */
export interface ShopperFormats {
  date(value: Date): string;
  time(value: Date): string;
  /** A calendar day given as `YYYY-MM-DD`, the same day in every time zone. */
  calendarDay(value: string): string;
  number(value: number): string;
  percent(value: number): string;
  currency(value: number, currency: string): string;
  list(items: readonly string[]): string;
  /** A number of minutes as a duration in words (`5` → `5 Minuten`). */
  minutes(value: number): string;
  /** An ISO 3166 country code as the shopper names it (`FR` → `Frankreich` in German). */
  country(code: string): string;
}

/**
 * Intl-backed formatters for one shopper. Every reply value goes through these, so a German
 * shopper in Zurich sees `24. Dezember 2026` and `09:00`, a Saudi shopper Arabic-Indic digits.
 *
 * @example
 * shopperFormats('de-DE', 'Europe/Berlin').currency(120, 'EUR') // '120,00 €'
 */
export function shopperFormats(locale: string, timeZone: string): ShopperFormats {
  const regionNames = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  return {
    date: (value) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(value),
    calendarDay: (value) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`)),
    time: (value) => new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone }).format(value),
    number: (value) => new Intl.NumberFormat(locale).format(value),
    percent: (value) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value),
    currency: (value, currency) => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(value),
    minutes: (value) => new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(value),
    list: (items) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items),
    country: (code) => regionNames.of(code.toUpperCase()) ?? code,
  };
}

/** A valid IANA time zone, or undefined (hostile or stale hints are common). */
export function validTimeZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}
