import { findAmounts, settleCurrency } from './entities/amounts.ts';
import { findCountries } from './entities/countries.ts';
import { findPriceBasis } from './entities/tax-basis.ts';

/** What a shopper's message names that an answer needs. */
export interface Entities {
  /** Order numbers in the site's formats, as written (without a leading #). */
  orderNumbers: string[];
  /** ISO 3166-1 alpha-2 codes of countries named in the message (any supported language). */
  countries: string[];
  /** Amounts with a currency (sign, ISO code or word, before or after), currency as ISO 4217. */
  amounts: { value: number; currency: string }[];
  emails: string[];
  /** Whether the shopper said the amount is before tax ('net') or includes it ('gross'). */
  priceBasis?: 'net' | 'gross';
}

/** Default order-number shapes: `#12345`, `A-10492`, `NL-10492`, `ORD-2024-88`; sites add their own. */
export const DEFAULT_ORDER_PATTERNS: readonly RegExp[] = [/#\s?(\d{4,12})\b/gu, /\b([A-Z]{1,4}-\d{3,12}(?:-\d{1,6})?)\b/gu, /\b(\d{5,12})\b/gu];

// Bounded local part with a leading boundary: an unbounded one rescanned a long message with no @ from every position.
const EMAIL = /(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(\.[\w-]{1,63}){1,8}/gu;

/**
 * Finds the entities answers need, in any of the 20 supported languages: amounts as shoppers
 * write them ("1.200,50 €", "5万円", "٢٠٠ يورو", "50rb"), whether they are net or gross, the
 * countries named ("Frankreich", "во Францию", "لفرنسا"), order numbers and emails. Each
 * piece of text is one thing: an amount's digits are never also an order number.
 *
 * @example
 * extractEntities('VAT on a €120 order to France?') // { countries: ['FR'], amounts: [{ value: 120, currency: 'EUR' }], … }
 */
export function extractEntities(text: string, orderPatterns: readonly RegExp[] = DEFAULT_ORDER_PATTERNS): Entities {
  const normal = text.normalize('NFC');
  const emails = [...normal.matchAll(EMAIL)].map((m) => m[0]);
  const withoutEmails = normal.replace(EMAIL, ' ');
  const found = findAmounts(withoutEmails);
  let withoutAmounts = withoutEmails;
  // Right to left, so earlier offsets stay valid; same-length blanks keep the rest in place.
  for (const { start, end } of [...found].reverse()) withoutAmounts = `${withoutAmounts.slice(0, start)}${' '.repeat(end - start)}${withoutAmounts.slice(end)}`;
  const countries = findCountries(withoutAmounts);
  const amounts = found.map(({ value, currency }) => ({ value, currency: settleCurrency(currency, withoutEmails, countries) }));
  const priceBasis = findPriceBasis(withoutEmails);
  const entities: Entities = { orderNumbers: findOrderNumbers(withoutAmounts, orderPatterns), countries, amounts, emails };
  if (priceBasis) entities.priceBasis = priceBasis;
  return entities;
}

function findOrderNumbers(text: string, orderPatterns: readonly RegExp[]): string[] {
  const orderNumbers: string[] = [];
  let rest = text;
  for (const pattern of orderPatterns) {
    const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (const match of rest.matchAll(global)) {
      const value = (match[1] ?? match[0]).trim();
      if (!orderNumbers.includes(value)) orderNumbers.push(value);
    }
    // A later, looser pattern must not find the digits of what an earlier one already took.
    rest = rest.replace(global, ' ');
  }
  return orderNumbers;
}
