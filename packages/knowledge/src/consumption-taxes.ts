import type { ConsumptionTax } from './fact.ts';
import { ASIA_AFRICA_TAXES } from './consumption-taxes-asia-africa.ts';

const EU_SOURCE = 'European Commission, "VAT rates applied in the Member States of the European Union"';
const EU_AS_OF = '2025-08-01';

// Standard rates only; reduced rates depend on the product and belong to the shop's catalogue.
const EU_STANDARD_RATES: Record<string, number> = {
  AT: 0.2, BE: 0.21, BG: 0.2, HR: 0.25, CY: 0.19, CZ: 0.21, DK: 0.25, EE: 0.24, FI: 0.255, FR: 0.2,
  DE: 0.19, GR: 0.24, HU: 0.27, IE: 0.23, IT: 0.22, LV: 0.21, LT: 0.21, LU: 0.17, MT: 0.18, NL: 0.21,
  PL: 0.23, PT: 0.23, RO: 0.21, SK: 0.23, SI: 0.22, ES: 0.21, SE: 0.25,
};

// Europe outside the EU, the Americas and Oceania. Where the law makes consumer prices include the
// tax, `pricesIncludeTax` is true; the US and Canada add it at checkout.
const EUROPE_AMERICAS_OCEANIA: readonly ConsumptionTax[] = [
  { country: 'GB', kind: 'VAT', standardRate: 0.2, pricesIncludeTax: true, source: 'HM Revenue & Customs, VAT rates; Price Marking Order 2004', asOf: '2025-07-01' },
  { country: 'NO', kind: 'VAT', standardRate: 0.25, pricesIncludeTax: true, source: 'Norwegian Tax Administration (Skatteetaten), VAT rates', asOf: '2025-07-01' },
  { country: 'CH', kind: 'VAT', standardRate: 0.081, pricesIncludeTax: true, source: 'Swiss Federal Tax Administration, VAT rates since 2024; Price Indication Ordinance', asOf: '2025-07-01' },
  { country: 'TR', kind: 'VAT', standardRate: 0.2, pricesIncludeTax: true, source: 'Presidential Decree No. 7346 (Official Gazette 32241, 7 July 2023): KDV 20 % from 10 July 2023', asOf: '2023-07-10', note: 'KDV (katma değer vergisi); reduced rates 10 % and 1 %.' },
  { country: 'RU', kind: 'VAT', standardRate: 0.22, pricesIncludeTax: true, source: 'Federal Tax Service (FNS), guidance on the 22 % VAT rate from 1 January 2026 (Tax Code amendments, draft law No. 1026190-8)', asOf: '2026-01-13', note: 'НДС; 10 % for food, children’s goods, medicines and books.' },
  { country: 'UA', kind: 'VAT', standardRate: 0.2, pricesIncludeTax: true, source: 'Tax Code of Ukraine, art. 193 (ПДВ 20 %), as summarised by PwC Ukraine', asOf: '2025-02-10', note: 'Reduced rates 14 % and 7 % for some goods.' },
  { country: 'IL', kind: 'VAT', standardRate: 0.18, pricesIncludeTax: true, source: 'Israel Tax Authority, Interpretative Instructions 01/2025: VAT 18 % from 1 January 2025', asOf: '2024-12-05', note: 'Eilat is VAT-free; consumer prices must include VAT.' },
  { country: 'AU', kind: 'GST', standardRate: 0.1, pricesIncludeTax: true, source: 'Australian Taxation Office, GST; Australian Consumer Law (single price)', asOf: '2025-07-01' },
  { country: 'NZ', kind: 'GST', standardRate: 0.15, pricesIncludeTax: true, source: 'Inland Revenue (NZ), GST', asOf: '2025-07-01' },
  { country: 'CA', kind: 'GST', standardRate: 0.05, pricesIncludeTax: false, variesByRegion: true, source: 'Canada Revenue Agency, GST/HST rates', asOf: '2025-07-01', note: 'Federal GST; HST provinces charge 13–15 % in total, others add provincial sales tax. Shelf prices usually exclude tax.' },
  { country: 'US', kind: 'sales tax', standardRate: undefined, pricesIncludeTax: false, source: 'State revenue departments', asOf: '2025-07-01', note: 'No national VAT; state and local sales taxes vary (0 % to about 10 %) and are added at checkout.' },
  { country: 'MX', kind: 'VAT', standardRate: 0.16, pricesIncludeTax: true, source: 'Ley del Impuesto al Valor Agregado, art. 1 (SAT); Avalara, Mexico VAT', asOf: '2023-10-31', note: 'IVA; 8 % in the registered northern and southern border regions. Consumer prices must show the total including taxes (Ley Federal de Protección al Consumidor, art. 7 Bis).' },
  { country: 'BR', kind: 'VAT', standardRate: undefined, pricesIncludeTax: true, source: 'Receita Federal and state ICMS laws; Law 12.741/2012 (tax shown in consumer prices)', asOf: '2025-07-29', note: 'No single national rate: state ICMS (17–23 %), plus IPI and PIS/COFINS; the CBS/IBS reform phases in from 2026. Consumer prices include the taxes.' },
  { country: 'AR', kind: 'VAT', standardRate: 0.21, pricesIncludeTax: true, source: 'ARCA, Ley 27.743 "Régimen de Transparencia Fiscal al Consumidor" (RG 5614/2024); IVA law', asOf: '2025-04-01', note: 'IVA; 10.5 % reduced rate. Prices are final; receipts show the IVA contained.' },
  { country: 'CL', kind: 'VAT', standardRate: 0.19, pricesIncludeTax: true, source: 'Servicio de Impuestos Internos (SII), IVA; Ley 21.713', asOf: '2025-10-03', note: 'IVA; consumer prices include it.' },
  { country: 'CO', kind: 'VAT', standardRate: 0.19, pricesIncludeTax: true, source: 'Avalara, Colombian VAT rates (Estatuto Tributario art. 468)', asOf: '2025-12-24', note: 'IVA; 5 % reduced rate. Consumer prices include it (Estatuto del Consumidor).' },
  { country: 'PE', kind: 'VAT', standardRate: 0.18, pricesIncludeTax: true, source: 'SUNAT, IGV 16 % plus IPM 2 %', asOf: '2025-05-28', note: 'IGV of 16 % plus the 2 % municipal tax (IPM) = 18 %; consumer prices include it.' },
];

/**
 * Standard consumption-tax rates for the EU-27 and every other destination Parley knows. Each entry
 * names its source and the date of the statement relied on: re-verify before relying on it, and
 * let a site override any entry (rates change; Estonia, Finland, Romania, Slovakia, Israel and
 * Russia all did in 2024–2026).
 */
export const CONSUMPTION_TAXES: readonly ConsumptionTax[] = [
  ...Object.entries(EU_STANDARD_RATES).map(([country, standardRate]) => ({
    country,
    kind: 'VAT' as const,
    standardRate,
    // Directive 98/6/EC: the selling price shown to consumers includes VAT.
    pricesIncludeTax: true,
    source: EU_SOURCE,
    asOf: EU_AS_OF,
  })),
  ...EUROPE_AMERICAS_OCEANIA,
  ...ASIA_AFRICA_TAXES,
];
