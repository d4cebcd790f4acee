import { describe, expect, it } from 'vitest';
import { findPriceBasis } from './tax-basis.ts';

// [language, message, basis]
const CASES: ReadonlyArray<[string, string, 'net' | 'gross']> = [
  ['en', 'is €100 net?', 'net'],
  ['en', 'that is 100 € plus VAT', 'net'],
  ['en', 'price excl. VAT', 'net'],
  ['en', '50 USD before tax', 'net'],
  ['en', 'is it incl. VAT?', 'gross'],
  ['en', '£40 including VAT', 'gross'],
  ['de', '100 € zzgl. MwSt', 'net'],
  ['de', 'netto 80 €', 'net'],
  ['de', '120 € inkl. MwSt.', 'gross'],
  ['de', 'Preis brutto', 'gross'],
  ['fr', '100 € HT', 'net'],
  ['fr', 'prix hors taxe', 'net'],
  ['fr', '120 € TTC', 'gross'],
  ['es', '100 € sin IVA', 'net'],
  ['es', '100 € más IVA', 'net'],
  ['es', '100 € + IVA', 'net'],
  ['es', '121 € con IVA', 'gross'],
  ['es', 'IVA incluido', 'gross'],
  ['pt', 'R$ 100 sem impostos', 'net'],
  ['pt', 'R$ 120 com impostos', 'gross'],
  ['it', '100 € senza IVA', 'net'],
  ['it', '122 € IVA inclusa', 'gross'],
  ['nl', '€ 100 excl. btw', 'net'],
  ['nl', '€ 121 incl. btw', 'gross'],
  ['pl', '100 zł bez VAT', 'net'],
  ['pl', 'cena netto', 'net'],
  ['pl', '123 zł z VAT', 'gross'],
  ['tr', '100 TL KDV hariç', 'net'],
  ['tr', '120 TL KDV dahil', 'gross'],
  ['ru', '1000 руб. без НДС', 'net'],
  ['ru', 'цена не включая НДС', 'net'],
  ['ru', '1200 руб. с НДС', 'gross'],
  ['ru', 'включая НДС', 'gross'],
  ['ar', 'السعر بدون ضريبة', 'net'],
  ['ar', 'السعر غير شامل الضريبة', 'net'],
  ['ar', 'السعر شامل الضريبة', 'gross'],
  ['he', 'המחיר לפני מע"מ', 'net'],
  ['he', 'המחיר כולל מע"מ', 'gross'],
  ['he', 'המחיר לא כולל מע״מ', 'net'],
  ['hi', '₹500 GST अलग', 'net'],
  ['hi', '₹590 GST सहित', 'gross'],
  ['ja', '5000円（税抜）', 'net'],
  ['ja', '税別価格です', 'net'],
  ['ja', '5500円税込', 'gross'],
  ['ko', '5만원 부가세 별도', 'net'],
  ['ko', '5만5천원 부가세 포함', 'gross'],
  ['zh-Hans', '500元不含税', 'net'],
  ['zh-Hans', '价格含税吗', 'gross'],
  ['zh-Hant', '價格未稅', 'net'],
  ['zh-Hant', '已含稅', 'gross'],
  ['th', '500 บาท ไม่รวม VAT', 'net'],
  ['th', '535 บาท รวม VAT แล้ว', 'gross'],
  ['vi', 'giá chưa gồm VAT', 'net'],
  ['vi', 'giá đã gồm VAT', 'gross'],
  ['id', 'harga belum termasuk PPN', 'net'],
  ['id', 'harga sudah termasuk PPN', 'gross'],
];

describe('findPriceBasis', () => {
  it.each(CASES)('%s: %s → %s', (_language, text, basis) => {
    expect(findPriceBasis(text)).toBe(basis);
  });

  it.each([
    ['How much VAT on a €120 order?'],
    ['Ik heb het net besteld'],
    ['the internet says 5 days'],
    ['¿Cuánto IVA pago?'],
    ['関税はいくらですか'],
    ['Wie hoch ist die MwSt.?'],
  ])('says nothing in %s', (text) => {
    expect(findPriceBasis(text)).toBeUndefined();
  });

  it('takes the first one said when both are', () => {
    expect(findPriceBasis('100 € netto, 119 € brutto')).toBe('net');
  });
});
