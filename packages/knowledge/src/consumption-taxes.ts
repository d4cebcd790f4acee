import type { ConsumptionTax } from './fact.ts';

const EU_SOURCE = 'European Commission, "VAT rates applied in the Member States of the European Union"';
const EU_AS_OF = '2025-08-01';

// Standard rates only; reduced rates depend on the product and belong to the shop's catalogue.
const EU_STANDARD_RATES: Record<string, number> = {
  AT: 0.2, BE: 0.21, BG: 0.2, HR: 0.25, CY: 0.19, CZ: 0.21, DK: 0.25, EE: 0.24, FI: 0.255, FR: 0.2,
  DE: 0.19, GR: 0.24, HU: 0.27, IE: 0.23, IT: 0.22, LV: 0.21, LT: 0.21, LU: 0.17, MT: 0.18, NL: 0.21,
  PL: 0.23, PT: 0.23, RO: 0.21, SK: 0.23, SI: 0.22, ES: 0.21, SE: 0.25,
};

/**
 * Standard consumption-tax rates for the EU-27, UK, NO, CH, AU, NZ, SG, JP, IN, CA, and a note for
 * the US. Each entry names its source and the date it was last checked: re-verify before relying
 * on it, and let a site override any entry (rates change; Estonia, Finland, Romania and Slovakia
 * all did in 2024–2025).
 */
export const CONSUMPTION_TAXES: readonly ConsumptionTax[] = [
  ...Object.entries(EU_STANDARD_RATES).map(([country, standardRate]) => ({
    country,
    kind: 'VAT' as const,
    standardRate,
    source: EU_SOURCE,
    asOf: EU_AS_OF,
  })),
  { country: 'GB', kind: 'VAT', standardRate: 0.2, source: 'HM Revenue & Customs, VAT rates', asOf: '2025-07-01' },
  { country: 'NO', kind: 'VAT', standardRate: 0.25, source: 'Norwegian Tax Administration (Skatteetaten), VAT rates', asOf: '2025-07-01' },
  { country: 'CH', kind: 'VAT', standardRate: 0.081, source: 'Swiss Federal Tax Administration, VAT rates since 2024', asOf: '2025-07-01' },
  { country: 'AU', kind: 'GST', standardRate: 0.1, source: 'Australian Taxation Office, GST', asOf: '2025-07-01' },
  { country: 'NZ', kind: 'GST', standardRate: 0.15, source: 'Inland Revenue (NZ), GST', asOf: '2025-07-01' },
  { country: 'SG', kind: 'GST', standardRate: 0.09, source: 'Inland Revenue Authority of Singapore, GST rate from 2024', asOf: '2025-07-01' },
  { country: 'JP', kind: 'consumption tax', standardRate: 0.1, source: 'National Tax Agency (Japan), consumption tax', asOf: '2025-07-01', note: '8 % reduced rate for food and newspapers.' },
  { country: 'IN', kind: 'GST', standardRate: 0.18, source: 'GST Council (India), rate schedule', asOf: '2025-10-01', note: 'Rates depend on the product (5 %, 18 %, 40 % slabs); 18 % is the common standard rate.' },
  { country: 'CA', kind: 'GST', standardRate: 0.05, source: 'Canada Revenue Agency, GST/HST rates', asOf: '2025-07-01', note: 'Federal GST; HST provinces charge 13–15 % in total, others add provincial sales tax.' },
  { country: 'US', kind: 'sales tax', standardRate: undefined, source: 'State revenue departments', asOf: '2025-07-01', note: 'No national VAT; state and local sales taxes vary (0 % to about 10 %).' },
];
