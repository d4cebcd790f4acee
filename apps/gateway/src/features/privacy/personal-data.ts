/** What kind of personal data a span holds. */
export type PersonalDataKind = 'email' | 'phone' | 'card' | 'iban';

/**
 * One piece of personal data found in a text: UTF-16 offsets `[start, end)` into that text,
 * and the form an agent sees instead of it.
 */
export interface PersonalDataSpan {
  start: number;
  end: number;
  kind: PersonalDataKind;
  masked: string;
}

/** How to read a text for personal data. */
export interface FindOptions {
  /**
   * ISO 3166-1 alpha-2 country used to read national phone numbers written without `+`
   * (the shopper's or the site's market). Without it (or when libphonenumber does not know
   * the country) only international `+…` numbers are phones.
   */
  defaultCountry?: string | undefined;
  /**
   * Patterns whose matches stay readable: the site's order-number formats. A candidate that a
   * match covers, or that a match crosses the edge of, is kept as written; a match lying
   * strictly inside a longer candidate does not save it (a loose `\d{5,12}` order pattern must
   * not unmask the subscriber part of `030 12345678`).
   */
  keepPatterns?: readonly RegExp[] | undefined;
}

/** The bullet every masked form uses in place of hidden characters. */
export const BULLET = '•';
