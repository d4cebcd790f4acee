import type { ImportRule } from './fact.ts';

/**
 * Customs thresholds ("de minimis") and paperwork for the main destinations. Values are goods
 * value per shipment in the destination's currency. These rules change often (the US ended its
 * de minimis for all countries in 2025; the EU plans to end its €150 duty exemption): every
 * entry carries its source and as-of date, and sites override what their carrier tells them.
 */
export const IMPORT_RULES: readonly ImportRule[] = [
  { country: 'EU', currency: 'EUR', dutyFreeUpTo: 150, taxFreeUpTo: 0, source: 'EU VAT e-commerce rules (IOSS) and Customs Code', asOf: '2025-07-01', note: 'Import VAT is due from the first euro; shops registered for IOSS collect it at checkout.' },
  { country: 'GB', currency: 'GBP', dutyFreeUpTo: 135, taxFreeUpTo: 0, source: 'HM Revenue & Customs, goods sent from abroad', asOf: '2025-07-01', note: 'For consignments up to £135 the seller charges UK VAT at checkout.' },
  { country: 'CH', currency: 'CHF', dutyFreeUpTo: 0, taxFreeUpTo: 5, source: 'Federal Office for Customs and Border Security (BAZG)', asOf: '2025-07-01', note: 'Import VAT is waived only when it would be CHF 5 or less; carriers add a handling fee.' },
  { country: 'NO', currency: 'NOK', dutyFreeUpTo: 3000, taxFreeUpTo: 0, source: 'Norwegian Customs (Tolletaten), VOEC scheme', asOf: '2025-07-01', note: 'Goods up to NOK 3,000 are taxed at checkout by VOEC-registered shops.' },
  { country: 'US', currency: 'USD', dutyFreeUpTo: 0, taxFreeUpTo: 0, source: 'U.S. Customs and Border Protection, end of de minimis (Executive Order, Aug 2025)', asOf: '2025-09-01', note: 'Duties apply to low-value parcels from all countries.' },
  { country: 'CA', currency: 'CAD', dutyFreeUpTo: 150, taxFreeUpTo: 40, source: 'Canada Border Services Agency, CUSMA courier thresholds', asOf: '2025-07-01', note: 'Thresholds apply to courier shipments from the US or Mexico; C$20 for other origins.' },
  { country: 'AU', currency: 'AUD', dutyFreeUpTo: 1000, taxFreeUpTo: 0, source: 'Australian Border Force and ATO, low value imported goods', asOf: '2025-07-01', note: 'GST on goods up to A$1,000 is collected by the seller at checkout.' },
  { country: 'BR', currency: 'USD', dutyFreeUpTo: 0, taxFreeUpTo: 0, shopperMustProvide: ['CPF'], source: 'Receita Federal, Remessa Conforme programme', asOf: '2025-07-01', note: 'Import tax 20 % up to US$50 and 60 % above (with a deduction), plus state ICMS; the CPF is required for customs clearance.' },
  { country: 'MX', currency: 'USD', dutyFreeUpTo: 50, taxFreeUpTo: 50, shopperMustProvide: ['RFC or CURP (for higher values)'], source: 'Servicio de Administración Tributaria (SAT)', asOf: '2025-07-01' },
  { country: 'JP', currency: 'JPY', dutyFreeUpTo: 10000, taxFreeUpTo: 10000, source: 'Japan Customs, small-value imports', asOf: '2025-07-01' },
  { country: 'KR', currency: 'USD', dutyFreeUpTo: 150, taxFreeUpTo: 150, shopperMustProvide: ['Personal Customs Clearance Code (PCCC)'], source: 'Korea Customs Service', asOf: '2025-07-01', note: 'US$200 for shipments from the US.' },
  { country: 'SG', currency: 'SGD', dutyFreeUpTo: 400, taxFreeUpTo: 0, source: 'Singapore Customs and IRAS, GST on low-value goods', asOf: '2025-07-01', note: 'GST on goods up to S$400 is charged at checkout by registered sellers.' },
  { country: 'IN', currency: 'INR', dutyFreeUpTo: 0, taxFreeUpTo: 0, shopperMustProvide: ['KYC documents for courier imports'], source: 'Central Board of Indirect Taxes and Customs', asOf: '2025-07-01' },
];

/** EU and EEA member states, which share the EU import rule. */
export const EU_COUNTRIES = new Set('AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' '));
