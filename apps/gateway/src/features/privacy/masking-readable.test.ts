import { describe, expect, it } from 'vitest';
import { DEFAULT_ORDER_PATTERNS } from '@parley/understanding';
import { findPersonalData, maskText } from './masking.ts';

// Things shoppers write that look like numbers but name no person: each must come out exactly
// as it went in, with the market's default country set so national phone reading is on.
const READABLE: [string, string][] = [
  ['DE', 'Wo ist meine Bestellung NL-10492?'],
  ['DE', 'Bestellung #104930 vom 12.03.2024 um 14:30 Uhr'],
  ['DE', 'Betrag €1.200,50 bzw. 1.299,00 EUR, Menge 12 Stück, PLZ 10115 Berlin'],
  ['DE', 'Sendungsnummer 00340434161234567890 (DHL), JD014600006281230704'],
  ['DE', 'DPD-Paket 01234567890128 kam nicht an'],
  ['US', 'UPS tracking 1Z999AA10123456784, USPS 9400111899223344556677'],
  ['US', 'USPS in groups: 9400 1118 9922 3344 5566 77, SSCC 0034 0434 1612 3456 7890'],
  ['US', 'Ordered 3 items on 03/12/2024 for $1,299.99, zip 60607'],
  ['GB', 'Royal Mail LX123456785CN to SW1A 1AA, order A-10492'],
  ['JP', '注文番号12345678、2024年3月12日に5万円で購入、〒105-0022'],
  ['JP', '午後3時から4時の間に配達してください。２０２４年'],
  ['SA', 'الطلب رقم ١٢٣٤٥ بتاريخ ١٢/٠٣/٢٠٢٤ بمبلغ ١٢٠٠ ريال'],
  ['BR', 'Pedido 123456 enviado, rastreio BR123456789BR, CEP 01310-100, R$ 1.234,56'],
  ['PT', 'Encomenda feita em 2025, código postal 1000-001 Lisboa'],
  ['ES', 'Pedido ES-2024-0088 del 1/3/2024, 28013 Madrid, 49,99 €'],
  ['DE', 'Siehe https://shop.example/track/4242424242424242?phone=4915123456789 und www.example.de/o/030123456'],
  ['DE', 'shop.example/orders/015112345678 ist die Seite'],
];

describe('what must stay readable', () => {
  it.each(READABLE)('leaves (%s) %s unchanged', (country, text) => {
    const masked = maskText(text, { defaultCountry: country, keepPatterns: DEFAULT_ORDER_PATTERNS });
    expect(masked.spans).toEqual([]);
    expect(masked.text).toBe(text);
  });

  it('keeps a Luhn-valid number that is an order number of the site', () => {
    const keepPatterns = [/\bORD-(\d{16})\b/u];
    expect(findPersonalData('Order ORD-4242424242424242', { keepPatterns })).toEqual([]);
    expect(findPersonalData('Order ORD-4242424242424242').map((span) => span.kind)).toEqual(['card']);
  });

  it('keeps a phone-shaped order number only when the site says so', () => {
    const text = 'Bestellnummer 015112345678';
    expect(findPersonalData(text, { defaultCountry: 'DE' }).map((span) => span.kind)).toEqual(['phone']);
    expect(findPersonalData(text, { defaultCountry: 'DE', keepPatterns: [/\b\d{12}\b/u] })).toEqual([]);
  });

  it('does not let a loose order pattern inside a longer phone unmask it', () => {
    const masked = maskText('Ruf an: 030 12345678', { defaultCountry: 'DE', keepPatterns: DEFAULT_ORDER_PATTERNS });
    expect(masked.text).toBe('Ruf an: +49 ••• 5678');
  });
});
