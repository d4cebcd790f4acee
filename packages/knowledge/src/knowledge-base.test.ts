import { describe, expect, it } from 'vitest';
import { CONSUMPTION_TAXES, createKnowledgeBase, EU_COUNTRIES, IMPORT_RULES } from './index.ts';

describe('knowledge base', () => {
  const kb = createKnowledgeBase();

  it('covers the EU-27, UK, NO, CH, AU, NZ, SG, JP, IN, CA and the US, each with a source and a date', () => {
    const countries = new Set(CONSUMPTION_TAXES.map((tax) => tax.country));
    for (const code of [...EU_COUNTRIES, 'GB', 'NO', 'CH', 'AU', 'NZ', 'SG', 'JP', 'IN', 'CA', 'US']) expect(countries).toContain(code);
    expect(EU_COUNTRIES.size).toBe(27);
    for (const fact of [...CONSUMPTION_TAXES, ...IMPORT_RULES]) {
      expect(fact.source.length).toBeGreaterThan(5);
      expect(fact.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    }
  });

  it('computes the VAT on a €120 order to France both ways a shop may price it', () => {
    expect(kb.vat('FR', 120)).toMatchObject({ country: 'FR', rate: 0.2, includedVat: 20, addedVat: 24 });
    expect(kb.vat('de', 119)).toMatchObject({ rate: 0.19, includedVat: 19, addedVat: 22.61 });
    expect(kb.vat('FI', 100)).toMatchObject({ rate: 0.255, addedVat: 25.5 });
  });

  it('has no VAT answer where there is no national rate or no data', () => {
    expect(kb.vat('US', 100)).toBeUndefined();
    expect(kb.consumptionTax('US')?.note).toMatch(/sales tax/u);
    expect(kb.vat('ZZ', 100)).toBeUndefined();
    expect(kb.vat('FR', Number.NaN)).toBeUndefined();
  });

  it('gives EU members the EU import rule and names what Brazil needs', () => {
    expect(kb.importRule('it')).toMatchObject({ country: 'EU', dutyFreeUpTo: 0, taxFreeUpTo: 0 });
    expect(kb.importRule('BR')?.shopperMustProvide).toContain('CPF');
  });

  it('lets a site override a fact, but never shortens the EU withdrawal period', () => {
    const site = createKnowledgeBase({
      consumptionTaxes: [{ country: 'FR', kind: 'VAT', standardRate: 0.21, source: 'our accountant', asOf: '2026-10-01' }],
      returnWindowDays: 7,
    });
    expect(site.vat('FR', 100)).toMatchObject({ rate: 0.21, source: 'our accountant' });
    expect(site.returnWindowDays).toBe(14);
    expect(createKnowledgeBase({ returnWindowDays: 30 }).returnWindowDays).toBe(30);
  });
});
