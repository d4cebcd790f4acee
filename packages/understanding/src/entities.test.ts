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
});
