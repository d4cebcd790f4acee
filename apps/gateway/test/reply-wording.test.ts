import { createReplyTemplates, SUPPORTED_LOCALES } from '@parley/culture';
import type { SupportedLocale } from '@parley/culture';
import { CONSUMPTION_TAXES, IMPORT_RULES } from '@parley/knowledge';
import { describe, expect, it } from 'vitest';

// Issue 9, "what shoppers are told must be true": every reply, in every locale, about every
// country Parley knows facts for, must read as finished text that names the country once, in
// the shopper's language, inside the sentence (never "this country (France)").

const templates = createReplyTemplates();
// Read from the knowledge base each run: countries added there are checked without edits here.
const COUNTRIES = [...new Set([...CONSUMPTION_TAXES, ...IMPORT_RULES].map((fact) => fact.country))].filter((code) => code !== 'EU');
const VALUES = {
  siteName: 'Nordlicht',
  orderNumber: 'NL-10492',
  date: new Date('2026-11-20T10:00:00Z'),
  eta: new Date('2026-11-27T10:00:00Z'),
  newEta: new Date('2026-12-02T10:00:00Z'),
  time: new Date('2026-11-27T17:00:00Z'),
  amount: 120,
  vat: 20,
  total: 144,
  threshold: 150,
  taxThreshold: 40,
  rate: 0.2,
  days: 30,
  documents: 'CPF',
  email: 'ana@example.com',
  minutes: 5,
  region: 'eu',
  address: 'Celsiusweg 12, 5928 PR Venlo',
};
const COUNTS = [1, 4];
// The bot names the tax by `taxKind` (`{{taxName}}`): every `vat.*` reply is read with each of them.
const TAX_KINDS = ['vat', 'gst', 'consumption', 'sales'] as const;
type TaxKind = (typeof TAX_KINDS)[number];
// The replies the bot passes a `taxKind` to, which must name that tax (vat.noData names none).
const NAMING_KEYS = new Set(['vat.rateOnly', 'vat.rateOnlyAdded', 'vat.included', 'vat.added']);
// "In this country (X)" and its translations: the wording issue 9 removes.
const GLUED = /this country \(|diesem Land|ce pays|este país|questo paese|dit land|tym kraju|bu ülke|этой стране|このこく/iu;
const english = new Intl.DisplayNames(['en-US'], { type: 'region' });

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
/** `name` as a whole word where it is written in Latin letters ("India" is not in "w Indiach"). */
const wordPattern = (name: string, flags = 'gu') => new RegExp(`(?<!\\p{Script=Latin})${escape(name)}(?!\\p{Script=Latin})`, flags);

const taxNameCache = new Map<SupportedLocale, Record<TaxKind, string>>();
/** `locale`'s name for each tax kind (`tax.<kind>`), as `{{taxName}}` renders it (cached: read per reply). */
function taxNames(locale: SupportedLocale): Record<TaxKind, string> {
  const cached = taxNameCache.get(locale);
  if (cached) return cached;
  const names = Object.fromEntries(TAX_KINDS.map((kind) => [kind, templates.reply(locale, `tax.${kind}`).text])) as Record<TaxKind, string>;
  taxNameCache.set(locale, names);
  return names;
}
const displayNames = new Map<SupportedLocale, Intl.DisplayNames>();
/** `country`'s name in `locale` (one Intl.DisplayNames per locale: building one per reply is slow). */
function localCountryName(locale: SupportedLocale, country: string): string {
  const names = displayNames.get(locale) ?? new Intl.DisplayNames([locale], { type: 'region' });
  displayNames.set(locale, names);
  return names.of(country) ?? country;
}

/**
 * What is wrong with the tax naming of one reply in `locale` rendered with `taxKind` (none for
 * replies without one). Outside English, "VAT" and "GST" are English unless the locale's own
 * name for that tax is written so (Polish VAT; GST as the acronym in many languages).
 */
function taxProblems(locale: SupportedLocale, key: string, text: string, taxKind: TaxKind | undefined): string[] {
  const problems: string[] = [];
  const names = taxNames(locale);
  if (text.includes('{{taxName}}')) problems.push('unrendered {{taxName}}');
  if (!locale.startsWith('en-')) {
    for (const [kind, english] of [['vat', 'VAT'], ['gst', 'GST']] as const) {
      if (!wordPattern(english, 'u').test(names[kind]) && wordPattern(english, 'u').test(text)) problems.push(`English "${english}"`);
    }
  }
  if (taxKind === undefined || !NAMING_KEYS.has(key)) return problems;
  const name = names[taxKind];
  if (name === `tax.${taxKind}` || !text.includes(name)) problems.push(`does not name the ${taxKind} tax`);
  if (taxKind !== 'vat' && !name.includes(names.vat) && wordPattern(names.vat, 'iu').test(text)) problems.push(`names VAT for the ${taxKind} tax`);
  return problems;
}

/** What is wrong with one rendered reply about `country` in `locale` (empty when nothing). */
function wordingProblems(locale: SupportedLocale, key: string, text: string, country: string, taxKind?: TaxKind): string[] {
  const problems: string[] = taxProblems(locale, key, text, taxKind);
  const localName = localCountryName(locale, country);
  const englishName = english.of(country) ?? country;
  if (text.trim() === '' || text === key) problems.push('empty or missing');
  if (/\{\{|\}\}/u.test(text)) problems.push('leftover placeholder');
  if (/(?<!\.)\.[\u200e\u200f\u061c]*\.(?!\.)/u.test(text)) problems.push('doubled full stop');
  if (!locale.startsWith('en-') && englishName !== localName && wordPattern(englishName, 'u').test(text)) {
    problems.push('English country name');
  }
  if ((text.match(wordPattern(localName)) ?? []).length > 1) problems.push('country named twice');
  if (GLUED.test(text)) problems.push('"this country"-style wording');
  const inParentheses = (name: string) => new RegExp(`\\([^()]*${escape(name)}[^()]*\\)`, 'u').test(text);
  if (inParentheses(localName) || inParentheses(englishName)) problems.push('country name in parentheses');
  return problems;
}

/**
 * The values `key` uses in `locale`, from the placeholders it leaves when rendered without any:
 * formatting a date costs a millisecond, and most replies have none (the run stays in seconds).
 */
function valuesFor(locale: SupportedLocale, key: string, count: number): Partial<typeof VALUES> {
  const names = templates.reply(locale, key, { count }).text.matchAll(/\{\{(\w+)\}\}/gu);
  return Object.fromEntries([...names].flatMap(([, name]) => (name! in VALUES ? [[name, VALUES[name as keyof typeof VALUES]]] : [])));
}

/** Every problem in `locale`, one line per key and kind of problem, with the first example. */
function localeProblems(locale: SupportedLocale): string[] {
  const found = new Map<string, { example: string; countries: Set<string> }>();
  for (const key of templates.replyKeys) {
    const kinds = key.startsWith('vat.') ? TAX_KINDS : [undefined];
    // A reply without plural forms reads the same for every count: one is enough.
    const plural = templates.reply(locale, key, { count: COUNTS[0]! }).text !== templates.reply(locale, key, { count: COUNTS[1]! }).text;
    for (const count of plural ? COUNTS : COUNTS.slice(0, 1)) {
      const values = valuesFor(locale, key, count);
      for (const taxKind of kinds) {
        for (const country of COUNTRIES) {
          const { text } = templates.reply(locale, key, { ...values, country, count, ...(taxKind ? { taxKind } : {}) });
          for (const problem of wordingProblems(locale, key, text, country, taxKind)) {
            const entry = found.get(`${key}: ${problem}`) ?? { example: `${country}, ${taxKind ?? 'no tax kind'}, count ${count}: ${text}`, countries: new Set() };
            entry.countries.add(country);
            found.set(`${key}: ${problem}`, entry);
          }
        }
      }
    }
  }
  return [...found].map(([what, { example, countries }]) => `${locale} ${what} (${countries.size} countries), e.g. ${example}`);
}

describe('reply wording', () => {
  it('reads the countries from the knowledge base', () => {
    expect(COUNTRIES.length).toBeGreaterThanOrEqual(30);
    expect(COUNTRIES).toEqual(expect.arrayContaining(['FR', 'DE', 'US', 'BR', 'JP', 'CH', 'GB']));
    expect(COUNTRIES).not.toContain('EU');
  });

  it('rejects the wording it is meant to catch', () => {
    expect(wordingProblems('de-DE', 'k', 'Der Satz in diesem Land (Frankreich) beträgt 20 %.', 'FR')).toEqual([
      '"this country"-style wording',
      'country name in parentheses',
    ]);
    expect(wordingProblems('fr-FR', 'k', 'Le taux en {{inCountry}} est de 20 %.', 'FR')).toEqual(['leftover placeholder']);
    expect(wordingProblems('ru-RU', 'k', 'Заказ прибудет 4 декабря 2026 г..', 'FR')).toEqual(['doubled full stop']);
    expect(wordingProblems('ar-SA', 'k', 'تبلغ الضريبة ٢٦٫٠٩ ر.س.\u200f.', 'FR')).toEqual(['doubled full stop']);
    expect(wordingProblems('es-ES', 'k', 'El IVA en Spain es del 21 %.', 'ES')).toEqual(['English country name']);
    expect(wordingProblems('it-IT', 'k', 'In Francia e in Francia.', 'FR')).toEqual(['country named twice']);
    expect(wordingProblems('en-US', 'k', 'The rate in this country (France) is 20%.', 'FR')).toEqual([
      '"this country"-style wording',
      'country name in parentheses',
    ]);
    expect(wordingProblems('nl-NL', 'vat.noData', 'vat.noData', 'NL')).toEqual(['empty or missing']);
    expect(wordingProblems('pl-PL', 'k', 'Stawka VAT w Indiach wynosi 18%.', 'IN')).toEqual([]);
    expect(wordingProblems('ja-JP', 'k', 'Franceへの配送', 'FR')).toEqual(['English country name']);
  });

  it('rejects replies that misname the tax', () => {
    expect(wordingProblems('en-US', 'vat.rateOnly', 'The standard {{taxName}} rate in Japan is 10%.', 'JP', 'consumption')).toEqual([
      'unrendered {{taxName}}',
      'does not name the consumption tax',
      'leftover placeholder',
    ]);
    expect(wordingProblems('en-US', 'vat.included', 'The standard GST rate in Australia is 10%. Of the $110, $10 is VAT.', 'AU', 'gst')).toEqual([
      'names VAT for the gst tax',
    ]);
    expect(wordingProblems('de-DE', 'vat.added', 'Der Satz der VAT in Japan beträgt 10 %.', 'JP', 'vat')).toEqual(['English "VAT"', 'does not name the vat tax']);
    expect(wordingProblems('fr-FR', 'vat.rateOnly', 'Le taux normal de la GST en Australie est de 10 %.', 'AU', 'gst')).toEqual([]);
    expect(wordingProblems('pl-PL', 'vat.rateOnly', 'Podstawowa stawka, według której w Indiach nalicza się VAT, wynosi 18%.', 'IN', 'vat')).toEqual([]);
    expect(wordingProblems('de-DE', 'vat.noData', 'Zur Mehrwertsteuer in Japan habe ich keine Angaben.', 'JP', 'gst')).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES)('%s: every reply about every known country is finished, in-sentence wording', (locale) => {
    expect(localeProblems(locale)).toEqual([]);
  });
});
