import { describe, expect, it } from 'vitest';
import { CONSUMPTION_TAXES, createKnowledgeBase, EU_COUNTRIES, IMPORT_RULES, KNOWLEDGE_COUNTRIES, KNOWLEDGE_GAPS } from './index.ts';

// The destinations where Parley's shoppers live (issue 9), besides the EU-27.
const DESTINATIONS = 'GB NO CH AU NZ SG JP IN CA US MX TR KR VN ID TH IL SA AE RU UA PL BR AR CL CO ZA CN HK TW MY PH PE EG MA NG'.split(' ');
const LATEST_AS_OF = '2026-12-01';
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

describe('knowledge coverage', () => {
  const kb = createKnowledgeBase();

  it('has a tax and an import rule for every destination, or says why not', () => {
    for (const code of [...EU_COUNTRIES, ...DESTINATIONS]) {
      const gap = KNOWLEDGE_GAPS[code];
      expect(kb.consumptionTax(code), `tax for ${code}`).toBeDefined();
      if (gap) expect(kb.importRule(code), `${code} has a rule and a gap`).toBeUndefined();
      else expect(kb.importRule(code), `import rule for ${code}`).toBeDefined();
    }
    for (const [code, reason] of Object.entries(KNOWLEDGE_GAPS)) {
      expect(KNOWLEDGE_COUNTRIES).toContain(code);
      expect(reason.length).toBeGreaterThan(20);
    }
  });

  it('lists every covered country once, sorted, and nothing it cannot answer', () => {
    expect(KNOWLEDGE_COUNTRIES).toEqual([...new Set(KNOWLEDGE_COUNTRIES)].sort());
    for (const code of [...EU_COUNTRIES, ...DESTINATIONS]) expect(KNOWLEDGE_COUNTRIES).toContain(code);
    for (const code of KNOWLEDGE_COUNTRIES) {
      expect(code).toMatch(/^[A-Z]{2}$/u);
      expect(kb.consumptionTax(code) ?? kb.importRule(code)).toBeDefined();
    }
    expect(kb.countries()).toEqual(KNOWLEDGE_COUNTRIES);
    expect(KNOWLEDGE_COUNTRIES).not.toContain('EU');
  });

  it('gives every fact a named source and a real ISO date no later than the last review', () => {
    for (const fact of [...CONSUMPTION_TAXES, ...IMPORT_RULES]) {
      expect(fact.source.length, fact.country).toBeGreaterThan(10);
      expect(fact.asOf, fact.country).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
      expect(new Date(`${fact.asOf}T00:00:00Z`).toISOString().slice(0, 10), `${fact.country} asOf is a calendar date`).toBe(fact.asOf);
      expect(fact.asOf <= LATEST_AS_OF, `${fact.country} asOf ${fact.asOf}`).toBe(true);
    }
  });

  it('keeps one entry per country and plausible rates, each saying whether prices include the tax', () => {
    expect(new Set(CONSUMPTION_TAXES.map((tax) => tax.country)).size).toBe(CONSUMPTION_TAXES.length);
    expect(new Set(IMPORT_RULES.map((rule) => rule.country)).size).toBe(IMPORT_RULES.length);
    for (const tax of CONSUMPTION_TAXES) {
      expect(typeof tax.pricesIncludeTax, tax.country).toBe('boolean');
      if (tax.standardRate === undefined) expect(tax.note, `${tax.country} explains the missing rate`).toBeTruthy();
      else {
        expect(tax.standardRate, tax.country).toBeGreaterThan(0);
        expect(tax.standardRate, tax.country).toBeLessThanOrEqual(0.3);
      }
    }
    expect(CONSUMPTION_TAXES.filter((tax) => !tax.pricesIncludeTax).map((tax) => tax.country).sort()).toEqual(['CA', 'US']);
  });

  it('states thresholds as non-negative amounts in a real currency', () => {
    for (const rule of IMPORT_RULES) {
      expect(CURRENCIES.has(rule.currency), `${rule.country} ${rule.currency}`).toBe(true);
      for (const value of [rule.dutyFreeUpTo, rule.taxFreeUpTo]) {
        expect(Number.isFinite(value), rule.country).toBe(true);
        expect(value, rule.country).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('names papers as short official identifiers the bot can put into any language', () => {
    const papers = IMPORT_RULES.flatMap((rule) => (rule.shopperMustProvide ?? []).map((paper) => ({ country: rule.country, paper })));
    expect(papers.map(({ paper }) => paper)).toEqual(expect.arrayContaining(['CPF', 'PCCC', 'RFC', 'CURP', 'KYC', 'TC Kimlik No', 'CUIT']));
    for (const { country, paper } of papers) {
      expect(paper.length, `${country}: ${paper}`).toBeLessThanOrEqual(16);
      // No English phrases: an identifier has no lower-case words like "for", "or", "documents".
      expect(paper, `${country}: ${paper}`).not.toMatch(/\b(?:or|and|for|of|the|documents?)\b/u);
    }
  });
});
