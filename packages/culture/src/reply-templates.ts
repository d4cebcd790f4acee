import i18next from 'i18next';
import type { i18n } from 'i18next';
import { countryPhrasesFor } from './country-phrases/index.ts';
import { CULTURE_PROFILES } from './culture-profiles.ts';
import { shopperFormats, validTimeZone } from './intl-formats.ts';
import { RESOURCES } from './resources.ts';
import { SUPPORTED_LOCALES, textDirection } from './supported-locales.ts';
import type { SupportedLocale } from './supported-locales.ts';

/** A rendered reply: text plus what the UI needs to show it right. */
export interface RenderedReply {
  key: string;
  locale: SupportedLocale;
  text: string;
  dir: 'ltr' | 'rtl';
}

/**
 * Values for templates. Dates, amounts, rates and country codes are formatted for the shopper
 * through Intl before interpolation: `time` (a Date) as a clock time, other Dates as dates (and `date`/`eta`/`newEta` given as `YYYY-MM-DD` as that calendar day),
 * `amount`/`threshold`/`vat` as money, `rate` as a percentage (0.2 → 20 %), `minutes` as a duration (5 → "5 minutes"), `country` (ISO
 * code) and `region` (Parley region) as names; `country` also gives `inCountry` and
 * `toCountry`, the name with the language's own preposition, article or case; `taxKind`
 * (`vat`, `gst`, `consumption`, `sales`) gives `taxName`, the tax as the language names it. `count` also selects the plural form.
 */
export type TemplateValues = Record<string, string | number | Date>;

/** The shopper's context for formatting. */
export interface ShopperContext {
  /** IANA time zone; defaults to the locale's profile. */
  timeZone?: string | undefined;
  /** ISO 4217 currency of amounts; defaults to the locale's profile. */
  currency?: string | undefined;
}

// Dates given as calendar days (`2026-11-27`): an order's date-only estimate is a day, not an instant.
const DATE_FIELDS = new Set(['date', 'eta', 'newEta']);
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/u;
const MONEY_FIELDS = new Set(['amount', 'threshold', 'taxThreshold', 'vat', 'total', 'price']);
const REGION_COUNTRY: Record<string, string> = { eu: 'EU', us: 'US', br: 'BR', sg: 'SG', in: 'IN' };
// English says "in the United States", "to the Netherlands": these names take the article.
const ENGLISH_NAMES_WITH_THE = new Set(['US', 'GB', 'NL', 'AE', 'PH', 'EU', 'BS', 'GM', 'DO', 'CF', 'KM', 'MV', 'SC', 'SB', 'MH', 'VA']);

/**
 * Renders reply templates and widget strings through one i18next instance. Keys are meanings
 * (`order.lost`), never English sentences; plural forms follow CLDR per locale. There is no
 * fallback language on purpose: a missing key in a supported locale is a bug the resource test
 * catches, not a silent switch to English.
 *
 * @example
 * const templates = createReplyTemplates();
 * templates.reply('de-DE', 'greeting', { siteName: 'Nordlicht' }).text
 * // → 'Guten Tag und willkommen bei Nordlicht! Wie können wir Ihnen helfen?'
 */
export function createReplyTemplates(): ReplyTemplates {
  const instance: i18n = i18next.createInstance();
  void instance.init({
    resources: RESOURCES,
    ns: ['replies', 'widget'],
    defaultNS: 'replies',
    supportedLngs: [...SUPPORTED_LOCALES],
    lng: 'en-US',
    fallbackLng: false,
    load: 'currentOnly',
    initAsync: false,
    // Keys contain dots (`greeting.returning`): they are names, not paths.
    keySeparator: false,
    nsSeparator: false,
    // Replies are shown as text by the widget, never as HTML, so no HTML escaping here.
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  return new ReplyTemplates(instance);
}

/** See createReplyTemplates. */
export class ReplyTemplates {
  readonly #i18n: i18n;

  constructor(instance: i18n) {
    this.#i18n = instance;
  }

  /** Every reply key (without plural suffixes), the same in every locale. */
  get replyKeys(): string[] {
    return [...new Set(Object.keys(RESOURCES['en-US'].replies).map((key) => key.replace(/_(zero|one|two|few|many|other)$/u, '')))];
  }

  /** Renders a reply template (`replies` namespace) in `locale`, values formatted for the shopper. */
  reply(locale: SupportedLocale, key: string, values: TemplateValues = {}, shopper: ShopperContext = {}): RenderedReply {
    const formatted = formatValues(locale, values, shopper);
    // The tax by its name in this language: VAT, GST, 消費税, sales tax (`taxKind` → `{{taxName}}`).
    if (typeof values['taxKind'] === 'string') formatted['taxName'] = this.#i18n.t(`tax.${values['taxKind']}`, { lng: locale, ns: 'replies' });
    const text = withoutDoubledStops(this.#i18n.t(key, { ...formatted, lng: locale, ns: 'replies' }), formatted);
    return { key, locale, text, dir: textDirection(locale) };
  }

  /** `values` formatted for the shopper as templates see them (for a site's own wording). */
  formatValues(locale: SupportedLocale, values: TemplateValues, shopper: ShopperContext = {}): Record<string, string | number> {
    return formatValues(locale, values, shopper);
  }

  /** Every widget UI string for `locale`, interpolated with `values` (e.g. the site name). */
  widgetStrings(locale: SupportedLocale, values: TemplateValues = {}): Record<string, string> {
    const keys = Object.keys(RESOURCES[locale].widget);
    return Object.fromEntries(keys.map((key) => [key, this.#i18n.t(key, { ...values, lng: locale, ns: 'widget' })]));
  }
}

/**
 * A value that ends with a full stop (a Russian date, "4 декабря 2026 г.") at the end of a
 * sentence would read "г..": the sentence's own stop is dropped after it.
 */
function withoutDoubledStops(text: string, formatted: Record<string, string | number>): string {
  let result = text;
  for (const value of Object.values(formatted)) {
    // Intl may end a value with a bidi mark after its stop (Arabic "ر.س.\u200f").
    if (typeof value === 'string' && /\.[\u200e\u200f\u061c]*$/u.test(value)) result = result.replaceAll(`${value}.`, value);
  }
  return result;
}

function formatValues(locale: SupportedLocale, values: TemplateValues, shopper: ShopperContext): Record<string, string | number> {
  const profile = CULTURE_PROFILES[locale];
  const formats = shopperFormats(locale, validTimeZone(shopper.timeZone) ?? profile.timeZone);
  const currency = shopper.currency ?? profile.currency;
  const formatted: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value instanceof Date) formatted[name] = name === 'time' ? formats.time(value) : formats.date(value);
    else if (typeof value === 'string' && DATE_FIELDS.has(name) && CALENDAR_DAY.test(value)) formatted[name] = formats.calendarDay(value);
    else if (typeof value === 'number' && MONEY_FIELDS.has(name)) formatted[name] = formats.currency(value, currency);
    else if (typeof value === 'number' && name === 'rate') formatted[name] = formats.percent(value);
    else if (typeof value === 'number' && name === 'minutes') formatted[name] = formats.minutes(value);
    else if (name === 'country' && typeof value === 'string') {
      const phrases = countryPhrasesFor(locale);
      const plainName = formats.country(value);
      formatted[name] = countryName(locale, value, formats);
      formatted.inCountry = phrases.in(value.toUpperCase(), plainName, locale);
      formatted.toCountry = phrases.to(value.toUpperCase(), plainName, locale);
    }
    else if (name === 'region' && typeof value === 'string') formatted[name] = countryName(locale, REGION_COUNTRY[value] ?? value, formats);
    else formatted[name] = value;
  }
  // A postal address ends with its country, named in the shopper's language.
  if (typeof values['addressCountry'] === 'string' && typeof formatted['address'] === 'string') {
    formatted['address'] = `${formatted['address']}, ${formats.country(values['addressCountry'])}`;
  }
  return formatted;
}

/** A country (or the EU) as the shopper's language names it mid-sentence. */
function countryName(locale: SupportedLocale, code: string, formats: ReturnType<typeof shopperFormats>): string {
  const name = formats.country(code);
  return locale.startsWith('en-') && ENGLISH_NAMES_WITH_THE.has(code.toUpperCase()) ? `the ${name}` : name;
}
