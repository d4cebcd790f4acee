import { CONSUMPTION_TAXES } from './consumption-taxes.ts';
import type { ConsumptionTax, ConsumptionTaxOverride, ImportRule, Provenance } from './fact.ts';
import { EU_COUNTRIES, IMPORT_RULES } from './import-rules.ts';

/** A site's corrections and additions, keyed by country (and `EU` for the EU import rule). */
export interface KnowledgeOverrides {
  /** `pricesIncludeTax` may be left out: it falls back to Parley's entry, else true (most of the world). */
  consumptionTaxes?: readonly ConsumptionTaxOverride[];
  importRules?: readonly ImportRule[];
  /** Days the shopper may withdraw from a distance purchase; the EU minimum is 14. */
  returnWindowDays?: number;
}

/** The consumer right of withdrawal for distance sales in the EU: 14 days from delivery. */
export const EU_WITHDRAWAL: Provenance & { days: number } = {
  days: 14,
  source: 'Directive 2011/83/EU on consumer rights, Article 9',
  asOf: '2025-07-01',
};

/** The VAT of an order, both ways a shop may price it, with where the rate comes from. */
export interface VatAnswer extends Provenance {
  country: string;
  rate: number;
  /** Whether consumer prices there include the tax: pick `includedVat` when true, `addedVat` when false. */
  pricesIncludeTax: boolean;
  /** VAT contained in `amount` when prices include VAT (EU consumer prices must). */
  includedVat: number;
  /** VAT to add when `amount` is a net price. */
  addedVat: number;
}

/**
 * Cross-border facts with a site's overrides applied. Answers compute what they can and always
 * carry the source and as-of date along.
 *
 * @example
 * const kb = createKnowledgeBase();
 * kb.vat('FR', 120) // { rate: 0.2, pricesIncludeTax: true, includedVat: 20, addedVat: 24, source: 'European Commission, …', asOf: '2025-08-01', … }
 * kb.countries()     // ['AE', 'AR', 'AT', …]
 */
export function createKnowledgeBase(overrides: KnowledgeOverrides = {}): KnowledgeBase {
  return new KnowledgeBase(overrides);
}

/** See createKnowledgeBase. */
export class KnowledgeBase {
  readonly #taxes: Map<string, ConsumptionTax>;
  readonly #imports: Map<string, ImportRule>;
  readonly #returnWindowDays: number;

  constructor(overrides: KnowledgeOverrides) {
    this.#taxes = new Map(CONSUMPTION_TAXES.map((tax) => [tax.country, tax]));
    for (const tax of overrides.consumptionTaxes ?? []) {
      const country = tax.country.toUpperCase();
      const pricesIncludeTax = tax.pricesIncludeTax ?? this.#taxes.get(country)?.pricesIncludeTax ?? true;
      this.#taxes.set(country, { ...tax, country, pricesIncludeTax });
    }
    this.#imports = new Map([...IMPORT_RULES, ...(overrides.importRules ?? [])].map((rule) => [rule.country, rule]));
    this.#returnWindowDays = Math.max(overrides.returnWindowDays ?? EU_WITHDRAWAL.days, EU_WITHDRAWAL.days);
  }

  /** The consumption tax of a country, or undefined when Parley has no data for it. */
  consumptionTax(country: string): ConsumptionTax | undefined {
    return this.#taxes.get(country.toUpperCase());
  }

  /** The VAT/GST on `amount` shipped to `country`, rounded to cents; undefined without a national rate. */
  vat(country: string, amount: number): VatAnswer | undefined {
    const tax = this.consumptionTax(country);
    if (!tax || tax.standardRate === undefined || !Number.isFinite(amount) || amount < 0) return undefined;
    const rate = tax.standardRate;
    return {
      country: tax.country,
      rate,
      pricesIncludeTax: tax.pricesIncludeTax,
      includedVat: roundCents((amount * rate) / (1 + rate)),
      addedVat: roundCents(amount * rate),
      source: tax.source,
      asOf: tax.asOf,
    };
  }

  /** The import rule for parcels into `country` (EU members share one), or undefined. */
  importRule(country: string): ImportRule | undefined {
    const code = country.toUpperCase();
    return this.#imports.get(code) ?? (EU_COUNTRIES.has(code) ? this.#imports.get('EU') : undefined);
  }

  /**
   * Every country this knowledge base has a fact for (built-in or from the site's overrides), as
   * sorted ISO 3166-1 alpha-2 codes; EU members count through the shared EU import rule.
   */
  countries(): string[] {
    const codes = new Set([...this.#taxes.keys(), ...this.#imports.keys(), ...EU_COUNTRIES]);
    codes.delete('EU');
    return [...codes].sort();
  }

  /** Days a shopper has to withdraw: the site's window, never less than the EU's 14 days. */
  get returnWindowDays(): number {
    return this.#returnWindowDays;
  }
}

function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}
