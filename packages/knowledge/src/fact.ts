/** Where a fact comes from and when it was last checked: answers must be able to say both. */
export interface Provenance {
  /** The authority or document the value was checked against (tax authority, customs agency, adviser). */
  source: string;
  /** ISO date of the source statement the value relies on. */
  asOf: string;
}

/** A sales tax on consumer goods: VAT, GST or consumption tax. */
export interface ConsumptionTax extends Provenance {
  /** ISO 3166-1 alpha-2. */
  country: string;
  kind: 'VAT' | 'GST' | 'consumption tax' | 'sales tax';
  /** Standard rate as a fraction (0.2 = 20 %); undefined where no single national rate exists. */
  standardRate: number | undefined;
  /** True where provinces or states add their own tax on top (Canada): no single figure to quote. */
  variesByRegion?: boolean;
  /**
   * True where consumer prices must be shown tax-inclusive (the bot says "of the €120, €20 is
   * VAT"); false where tax is added at checkout (the bot says "on a net price of …, tax adds …").
   */
  pricesIncludeTax: boolean;
  note?: string;
}

/** A site's correction of a consumption tax; `pricesIncludeTax` falls back to Parley's entry. */
export type ConsumptionTaxOverride = Omit<ConsumptionTax, 'pricesIncludeTax'> & { pricesIncludeTax?: boolean };

/** What a parcel into a country may owe on arrival, and what the shopper must provide. */
export interface ImportRule extends Provenance {
  country: string;
  /** ISO 4217 currency of the thresholds. */
  currency: string;
  /** Goods value at or under which no customs duty is charged (0 = duty from the first unit). */
  dutyFreeUpTo: number;
  /** Goods value at or under which no import tax is charged (0 = taxed from the first unit). */
  taxFreeUpTo: number;
  /**
   * Official identifiers the shopper must give the carrier, as short codes ('CPF', 'PCCC', 'RFC'):
   * the bot puts them verbatim into sentences in every language, so no English phrases here;
   * explanations go in `note`.
   */
  shopperMustProvide?: readonly string[];
  note?: string;
}
