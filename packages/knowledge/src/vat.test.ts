import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from './index.ts';

describe('vat answers beyond the EU', () => {
  const kb = createKnowledgeBase();

  it('computes Mexico’s 16 % IVA both ways: 116 gross holds 16.00, 100 net adds 16.00', () => {
    expect(kb.vat('MX', 116)).toMatchObject({ country: 'MX', rate: 0.16, pricesIncludeTax: true, includedVat: 16 });
    expect(kb.vat('mx', 100)).toMatchObject({ addedVat: 16 });
  });

  it('uses the rates in force: Russia 22 %, Israel 18 %, Vietnam’s 8 % cut, Indonesia’s 11 % effective PPN', () => {
    expect(kb.vat('RU', 122)).toMatchObject({ rate: 0.22, includedVat: 22 });
    expect(kb.vat('IL', 118)).toMatchObject({ rate: 0.18, includedVat: 18 });
    expect(kb.vat('VN', 108)).toMatchObject({ rate: 0.08, includedVat: 8 });
    expect(kb.consumptionTax('VN')?.note).toMatch(/10 %/u);
    expect(kb.vat('ID', 100)).toMatchObject({ rate: 0.11, addedVat: 11 });
    expect(kb.consumptionTax('ID')?.note).toMatch(/12 %/u);
    expect(kb.vat('TR', 120)).toMatchObject({ rate: 0.2, includedVat: 20 });
    expect(kb.vat('JP', 1100)).toMatchObject({ rate: 0.1, includedVat: 100 });
  });

  it('says Canada adds tax at checkout, and has no rate for Brazil or Hong Kong', () => {
    expect(kb.vat('CA', 100)).toMatchObject({ rate: 0.05, pricesIncludeTax: false, addedVat: 5 });
    expect(kb.vat('BR', 100)).toBeUndefined();
    expect(kb.consumptionTax('HK')?.note).toMatch(/no consumption tax/u);
    expect(kb.vat('HK', 100)).toBeUndefined();
  });

  it('keeps the built-in price display when a site corrects only the rate, and takes the site’s when given', () => {
    const site = createKnowledgeBase({
      consumptionTaxes: [
        { country: 'th', kind: 'VAT', standardRate: 0.1, source: 'our accountant', asOf: '2026-10-01' },
        { country: 'CA', kind: 'GST', standardRate: 0.13, pricesIncludeTax: true, source: 'Ontario HST, shown inclusive', asOf: '2026-10-01' },
        { country: 'XK', kind: 'VAT', standardRate: 0.18, source: 'our accountant', asOf: '2026-10-01' },
      ],
    });
    expect(site.vat('TH', 110)).toMatchObject({ country: 'TH', rate: 0.1, pricesIncludeTax: true, includedVat: 10 });
    expect(site.vat('CA', 113)).toMatchObject({ pricesIncludeTax: true, includedVat: 13 });
    expect(site.vat('XK', 100)).toMatchObject({ pricesIncludeTax: true, addedVat: 18 });
    expect(site.countries()).toContain('XK');
    expect(createKnowledgeBase().countries()).not.toContain('XK');
  });

  it('answers the 2025–2026 customs changes', () => {
    expect(kb.importRule('PL')).toMatchObject({ country: 'EU', dutyFreeUpTo: 0, taxFreeUpTo: 0 });
    expect(kb.importRule('FR')?.note).toMatch(/€3/u);
    expect(kb.importRule('TR')).toMatchObject({ currency: 'EUR', dutyFreeUpTo: 0, shopperMustProvide: ['TC Kimlik No'] });
    expect(kb.importRule('VN')).toMatchObject({ dutyFreeUpTo: 0, taxFreeUpTo: 0 });
    expect(kb.importRule('TH')).toMatchObject({ dutyFreeUpTo: 0, taxFreeUpTo: 0 });
    expect(kb.importRule('CL')).toMatchObject({ dutyFreeUpTo: 500, taxFreeUpTo: 0 });
    expect(kb.importRule('KR')).toMatchObject({ dutyFreeUpTo: 150, shopperMustProvide: ['PCCC'] });
    expect(kb.importRule('MX')?.shopperMustProvide).toEqual(['RFC', 'CURP']);
  });
});
