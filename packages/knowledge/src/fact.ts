/** Where a fact comes from and when it was last checked: answers must be able to say both. */
export interface Provenance {
  source: string;
  /** ISO date the value was last verified against the source. */
  asOf: string;
}

/** A sales tax on consumer goods: VAT, GST or consumption tax. */
export interface ConsumptionTax extends Provenance {
  /** ISO 3166-1 alpha-2. */
  country: string;
  kind: 'VAT' | 'GST' | 'consumption tax' | 'sales tax';
  /** Standard rate as a fraction (0.2 = 20 %); undefined where no single national rate exists. */
  standardRate: number | undefined;
  note?: string;
}

/** What a parcel into a country may owe on arrival, and what the shopper must provide. */
export interface ImportRule extends Provenance {
  country: string;
  /** ISO 4217 currency of the thresholds. */
  currency: string;
  /** Goods value at or under which no customs duty is charged (0 = duty from the first unit). */
  dutyFreeUpTo: number;
  /** Goods value at or under which no import tax is charged (0 = taxed from the first unit). */
  taxFreeUpTo: number;
  /** What the shopper must give the carrier (e.g. Brazil's CPF). */
  shopperMustProvide?: readonly string[];
  note?: string;
}
