import { SUPPORTED_LOCALES } from '@parley/culture';

/** What a shopper's message names that an answer needs. */
export interface Entities {
  /** Order numbers in the site's formats, as written (without a leading #). */
  orderNumbers: string[];
  /** ISO 3166-1 alpha-2 codes of countries named in the message (any supported language). */
  countries: string[];
  /** Amounts with a currency symbol or code next to them. */
  amounts: { value: number; currency: string }[];
  emails: string[];
}

/** Default order-number shapes: `#12345`, `A-10492`, `NL-10492`, `ORD-2024-88`; sites add their own. */
export const DEFAULT_ORDER_PATTERNS: readonly RegExp[] = [/#\s?(\d{4,12})\b/gu, /\b([A-Z]{1,4}-\d{3,12}(?:-\d{1,6})?)\b/gu, /\b(\d{5,12})\b/gu];

// Destinations shoppers ask about; names come from Intl in every supported language.
const COUNTRY_CODES = (
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE GB NO CH IS ' +
  'US CA MX BR AR CL CO PE AU NZ JP KR CN TW HK SG MY ID TH VN PH IN AE SA IL TR RU UA ZA EG MA NG'
).split(' ');

const CURRENCY_SIGNS: ReadonlyArray<[RegExp, string]> = [
  [/R\$/u, 'BRL'],
  [/US\$/u, 'USD'],
  [/C\$|CA\$/u, 'CAD'],
  [/A\$|AU\$/u, 'AUD'],
  [/€/u, 'EUR'],
  [/£/u, 'GBP'],
  [/\$/u, 'USD'],
  [/[¥円]/u, 'JPY'],
  [/元/u, 'CNY'],
  [/₩/u, 'KRW'],
  [/₹/u, 'INR'],
  [/₺/u, 'TRY'],
  [/zł/u, 'PLN'],
];
const CURRENCY_CODES = /\b(EUR|USD|GBP|JPY|CNY|KRW|INR|TRY|PLN|BRL|MXN|CAD|AUD|CHF|SEK|NOK|DKK|SGD|AED|SAR|THB|VND|IDR|euros?|dollars?|pounds?|reais|yen|francs?)\b/iu;
const WORD_CURRENCIES: Record<string, string> = { euro: 'EUR', euros: 'EUR', dollar: 'USD', dollars: 'USD', pound: 'GBP', pounds: 'GBP', reais: 'BRL', yen: 'JPY', franc: 'CHF', francs: 'CHF' };

// Everyday short names Intl does not give (it says "United Arab Emirates", shoppers say "UAE").
const COUNTRY_ALIASES: Record<string, readonly string[]> = {
  AE: ['uae', 'emirates', 'الإمارات', 'dubai'],
  US: ['usa', 'the us', 'the states', 'america', 'eeuu', 'ee.uu.', 'amerika'],
  GB: ['uk', 'england', 'britain', 'great britain', 'inglaterra', 'angleterre'],
  NL: ['holland', 'holanda', 'hollande'],
  KR: ['korea', 'south korea', '한국'],
  CN: ['mainland china'],
};

let countryIndex: [RegExp, string][] | undefined;

/**
 * Every supported language's name for each destination, longest first, as ready patterns
 * (Latin names as whole words), built once: this runs on every understood message.
 */
function countryPatterns(): [RegExp, string][] {
  if (countryIndex) return countryIndex;
  const entries = new Map<string, string>();
  for (const locale of SUPPORTED_LOCALES) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    for (const code of COUNTRY_CODES) {
      const name = names.of(code)?.toLocaleLowerCase(locale);
      if (name && name.length >= 2) entries.set(name, code);
    }
  }
  for (const [code, aliases] of Object.entries(COUNTRY_ALIASES)) for (const alias of aliases) entries.set(alias, code);
  countryIndex = [...entries]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([name, code]) => {
      const isLatin = /^[\p{Script=Latin}\s'.-]+$/u.test(name);
      const source = isLatin ? `(?<![\\p{L}])${escapeRegExp(name)}(?![\\p{L}])` : escapeRegExp(name);
      return [new RegExp(source, 'u'), code];
    });
  return countryIndex;
}

/**
 * Finds the entities answers need. Country names match in any supported language
 * ("Frankreich", "フランス", "فرنسا"); for Latin scripts only as whole words.
 *
 * @example
 * extractEntities('VAT on a €120 order to France?') // { countries: ['FR'], amounts: [{ value: 120, currency: 'EUR' }], … }
 */
export function extractEntities(text: string, orderPatterns: readonly RegExp[] = DEFAULT_ORDER_PATTERNS): Entities {
  const emails = [...text.matchAll(/[\w.+-]+@[\w-]+(\.[\w-]+)+/gu)].map((m) => m[0]);
  const withoutEmails = text.replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/gu, ' ');
  const amounts = findAmounts(withoutEmails);
  const withoutAmounts = withoutEmails.replace(AMOUNT, ' ');
  const orderNumbers: string[] = [];
  let rest = withoutAmounts;
  for (const pattern of orderPatterns) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const match of rest.matchAll(global)) {
      const value = (match[1] ?? match[0]).trim();
      if (!orderNumbers.includes(value)) orderNumbers.push(value);
    }
    // A later, looser pattern must not find the digits of what an earlier one already took.
    rest = rest.replace(global, ' ');
  }
  return { orderNumbers, countries: findCountries(withoutEmails), amounts, emails };
}

const AMOUNT = /(R\$|US\$|C\$|CA\$|A\$|AU\$|[€£$¥₩₹₺])\s?(\d[\d.,\s]*\d|\d)|(\d[\d.,]*\d|\d)\s?([€£$¥₩₹₺]|円|元|zł|\b(?:EUR|USD|GBP|JPY|CNY|KRW|INR|TRY|PLN|BRL|MXN|CAD|AUD|CHF|SEK|NOK|DKK|SGD|AED|SAR|THB|VND|IDR|euros?|dollars?|pounds?|reais|yen|francs?)\b)/giu;

function findAmounts(text: string): { value: number; currency: string }[] {
  const found: { value: number; currency: string }[] = [];
  for (const match of text.matchAll(AMOUNT)) {
    const symbol = match[1] ?? match[4] ?? '';
    const digits = match[2] ?? match[3] ?? '';
    const value = parseAmount(digits);
    const currency = currencyOf(symbol);
    if (value !== undefined && currency) found.push({ value, currency });
  }
  return found;
}

function currencyOf(symbol: string): string | undefined {
  for (const [pattern, code] of CURRENCY_SIGNS) if (pattern.test(symbol)) return code;
  const word = CURRENCY_CODES.exec(symbol)?.[1];
  if (!word) return undefined;
  return WORD_CURRENCIES[word.toLowerCase()] ?? word.toUpperCase();
}

/** `1.234,56` and `1,234.56` and `120` → numbers; the last separator followed by 1–2 digits is decimal. */
function parseAmount(digits: string): number | undefined {
  const compact = digits.replace(/\s/gu, '');
  const decimal = /[.,](\d{1,2})$/u.exec(compact);
  const whole = (decimal ? compact.slice(0, -decimal[0].length) : compact).replace(/[.,]/gu, '');
  const value = Number(decimal ? `${whole}.${decimal[1]}` : whole);
  return Number.isFinite(value) ? value : undefined;
}

function findCountries(text: string): string[] {
  const lowered = text.toLocaleLowerCase();
  const found: string[] = [];
  let remaining = lowered;
  for (const [pattern, code] of countryPatterns()) {
    if (pattern.test(remaining)) {
      if (!found.includes(code)) found.push(code);
      remaining = remaining.replace(pattern, ' ');
    }
  }
  return found;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
