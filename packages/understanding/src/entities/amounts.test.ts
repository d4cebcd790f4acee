import { describe, expect, it } from 'vitest';
import { extractEntities } from '../entities.ts';
import { AMOUNT_CASES } from './amount-cases.ts';
import { parseDecimal, parsePlaceValue } from './numerals.ts';

const rows = Object.entries(AMOUNT_CASES).flatMap(([language, cases]) => cases.map(([text, value, currency]) => [language, text, value, currency] as const));

describe('amounts in every supported language', () => {
  it('has at least five cases for each of the 20 languages', () => {
    expect(Object.keys(AMOUNT_CASES)).toHaveLength(20);
    for (const cases of Object.values(AMOUNT_CASES)) expect(cases.length).toBeGreaterThanOrEqual(5);
  });

  it.each(rows)('%s: %s → %d %s', (_language, text, value, currency) => {
    expect(extractEntities(text).amounts).toEqual([{ value, currency }]);
  });
});

describe('separators and digits of every script', () => {
  it.each([
    ['1.200,50 €', 1200.5],
    ['1 200,50 €', 1200.5],
    ['1\u00A0200,50 €', 1200.5],
    ['1\u202F200,50 €', 1200.5],
    ["CHF 1'200.50", 1200.5],
    ['$1,200.50', 1200.5],
    ['₹1,20,000', 120000],
    ['₹12,34,567.50', 1234567.5],
    ['١٬٢٠٠٫٥٠ ر.س', 1200.5],
    ['۱۲۰۰ ريال', 1200],
    ['१२०० रु', 1200],
    ['๑๒๐๐ บาท', 1200],
    ['１２００円', 1200],
    ['12,5 €', 12.5],
    ['0,99 €', 0.99],
    ['1.200.000 VND', 1200000],
  ])('%s → %d', (text, value) => {
    expect(extractEntities(text).amounts[0]?.value).toBe(value);
  });

  it('reads a lone separator before three digits as grouping, before one or two as decimal', () => {
    expect(parseDecimal('1.200')).toBe(1200);
    expect(parseDecimal('1,5')).toBe(1.5);
    expect(parseDecimal('0.500')).toBe(0.5);
  });
});

describe('CJK and Korean place-value units', () => {
  it.each([
    ['5万円', 50000, 'JPY'],
    ['1万2千円', 12000, 'JPY'],
    ['100万円', 1000000, 'JPY'],
    ['1億円', 100000000, 'JPY'],
    ['三千元', 3000, 'CNY'],
    ['两百美元', 200, 'USD'],
    ['十五元', 15, 'CNY'],
    ['一万二千元', 12000, 'CNY'],
    ['3萬元', 30000, 'CNY'],
    ['5만원', 50000, 'KRW'],
    ['3천 원', 3000, 'KRW'],
    ['2만5천원', 25000, 'KRW'],
    ['5천만원', 50000000, 'KRW'],
    ['만원', 10000, 'KRW'],
    ['삼천 원', 3000, 'KRW'],
  ])('%s → %d %s', (text, value, currency) => {
    expect(extractEntities(text).amounts).toEqual([{ value, currency }]);
  });

  it('parses place values on their own', () => {
    expect(parsePlaceValue('1.5万')).toBe(15000);
    expect(parsePlaceValue('二〇二四')).toBe(2024);
  });
});

describe('which currency an ambiguous sign means', () => {
  it.each([
    ['it is $50', 'USD'],
    ['$50, paid in MXN', 'MXN'],
    ['$80 en pesos', 'MXN'],
    ['is $30 in Canadian dollars ok?', 'CAD'],
    ['¥5000', 'JPY'],
    ['300 pesos para Argentina', 'ARS'],
    ['500 درهم إلى المغرب', 'MAD'],
    ['1,000 dollars', 'USD'],
  ])('%s → %s', (text, currency) => {
    expect(extractEntities(text).amounts[0]?.currency).toBe(currency);
  });
});

describe('what is not an amount', () => {
  it.each([
    ['I ordered 2 items'],
    ['delivered on 12.03.2024'],
    ['call me on +49 170 1234567'],
    ['my number is 0912 345 678'],
    ['order #45821 is late'],
    ['NL-10492 has not arrived'],
    ['the box is 50kg'],
    ['3块蛋糕'],
    ['사원 5명이 있어요'],
    ['I will try 5 more'],
    ['50k followers'],
    ['2024年5月3日に注文しました'],
  ])('%s', (text) => {
    expect(extractEntities(text).amounts).toEqual([]);
  });
});
