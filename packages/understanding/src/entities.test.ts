import { describe, expect, it } from 'vitest';
import { extractEntities } from './entities.ts';

describe('extractEntities', () => {
  it('finds the amount, its currency and the destination in a VAT question', () => {
    expect(extractEntities('how much VAT on a €120 order to France?')).toMatchObject({
      countries: ['FR'],
      amounts: [{ value: 120, currency: 'EUR' }],
      orderNumbers: [],
    });
  });

  it.each([
    ['Wie viel Zoll zahle ich für 1.234,50 € nach Frankreich?', 'FR', 1234.5, 'EUR'],
    ['¿Cuánto IVA pago por 80 USD a México?', 'MX', 80, 'USD'],
    ['ブラジルへの5000円の注文に関税はかかりますか', 'BR', 5000, 'JPY'],
    ['كم الضريبة على طلب 300 SAR إلى الإمارات', 'AE', 300, 'SAR'],
    ['R$ 250,00 para Portugal paga imposto?', 'PT', 250, 'BRL'],
  ])('reads %s', (text, country, value, currency) => {
    const entities = extractEntities(text);
    expect(entities.countries).toContain(country);
    expect(entities.amounts).toContainEqual({ value, currency });
  });

  it('finds order numbers in common shapes and the site’s own', () => {
    expect(extractEntities('where is #45821 and NL-10492?').orderNumbers).toEqual(['45821', 'NL-10492']);
    expect(extractEntities('order 7781234 still missing').orderNumbers).toEqual(['7781234']);
    expect(extractEntities('my order SHOP/2026/0042 is late', [/\b(SHOP\/\d{4}\/\d{4})\b/gu]).orderNumbers).toEqual(['SHOP/2026/0042']);
  });

  it('finds emails and does not read them as anything else', () => {
    expect(extractEntities('write to ana.souza+shop@example.com.br please')).toMatchObject({
      emails: ['ana.souza+shop@example.com.br'],
      countries: [],
      orderNumbers: [],
    });
  });

  it('does not mistake words inside other words for countries', () => {
    expect(extractEntities('I want to return the chinese teapot').countries).toEqual([]);
    expect(extractEntities('Ich bin in Deutschland').countries).toEqual(['DE']);
  });

  it('keeps amounts and order numbers apart', () => {
    expect(extractEntities('Order 55102 cost 1.200,50 € and NL-10492 €50')).toMatchObject({
      orderNumbers: ['NL-10492', '55102'],
      amounts: [{ value: 1200.5, currency: 'EUR' }, { value: 50, currency: 'EUR' }],
    });
    expect(extractEntities('đơn 1200000 VND').orderNumbers).toEqual([]);
    expect(extractEntities('#12345 please')).toMatchObject({ orderNumbers: ['12345'], amounts: [] });
  });

  it('reads what was not read before: 200ユーロ, 5万円, ٢٠٠ يورو', () => {
    expect(extractEntities('200ユーロ').amounts).toEqual([{ value: 200, currency: 'EUR' }]);
    expect(extractEntities('5万円').amounts).toEqual([{ value: 50000, currency: 'JPY' }]);
    expect(extractEntities('٢٠٠ يورو').amounts).toEqual([{ value: 200, currency: 'EUR' }]);
  });

  it('says the price basis only when the shopper does', () => {
    expect(extractEntities('Is 100 € zzgl. MwSt ok?').priceBasis).toBe('net');
    expect(extractEntities('120 € TTC pour la France').priceBasis).toBe('gross');
    expect(extractEntities('how much VAT on a €120 order to France?')).not.toHaveProperty('priceBasis');
  });

  it('does not read a currency code as a country', () => {
    expect(extractEntities('US$50 to Germany').countries).toEqual(['DE']);
  });
});
