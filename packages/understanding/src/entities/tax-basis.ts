import { foldDigits } from './numerals.ts';

/**
 * Whether the shopper's amount is before tax ('net') or includes it ('gross'), from the way
 * each supported language says so: "plus VAT", "zzgl. MwSt", "HT", "sin IVA", "KDV hariç",
 * "без НДС", "税抜", "부가세 별도", "chưa gồm VAT" against "incl. VAT", "TTC", "税込", ….
 */

// Names of the sales tax (VAT, GST, consumption tax) in the 20 languages.
const TAX = [
  'VAT', 'VAT-u', 'tax', 'taxes', 'sales tax', 'GST', 'MwSt\\.?', 'Mwst\\.?', 'USt\\.?', 'Mehrwertsteuer', 'Steuern?', 'TVA', 'taxes?', 'IVA', 'impuestos?',
  'impostos?', 'tasse', 'imposte', 'btw', 'BTW', 'podatku(?: VAT)?', 'KDV', 'vergi', 'НДС', 'налога?', 'ضريبة(?: القيمة المضافة)?', 'الضريبة(?: المضافة)?',
  'الضرائب', 'מע"מ', 'מס', 'टैक्स', 'जीएसटी', 'thuế(?: VAT)?', 'PPN', 'pajak', 'ภาษี(?:มูลค่าเพิ่ม)?', '부가세', '부가가치세', '세금',
].join('|');

// Words that put the tax on top of the amount (before the tax name) …
const NET_BEFORE = [
  'plus', '\\+', 'excl\\.?', 'excluding', 'exclusive of', 'ex\\.?', 'before', 'without', 'pre', 'zzgl\\.?', 'zuzüglich', 'exkl\\.?', 'exklusive', 'ohne',
  'hors', 'sans', 'sin', 'más', 'mas', 'sem', 'mais', 'senza', 'più', 'escl\\.?', 'esclusa', 'esclusi', 'exclusief', 'bez', 'artı', 'без(?: учёта| учета)?',
  'не включая', 'плюс', 'بدون', 'غير شامل(?:ة)?', 'قبل', 'ללא', 'לפני', 'לא כולל', 'פלוס', 'बिना', 'chưa (?:bao )?gồm', 'chưa có', 'chưa', 'trước',
  'belum termasuk', 'tidak termasuk', 'sebelum', 'belum', 'ไม่รวม', 'ยังไม่รวม', 'ก่อน',
].join('|');
// … or after it ("KDV hariç", "GST अलग", "부가세 별도", "IVA excluido").
const NET_AFTER = ['hariç', 'excluded', 'extra', 'excluido', 'excluida', 'esclusa', 'esclusi', 'exclusief', 'niet inbegrepen', 'não incluído', 'non inclusa', 'не включ[её]н', 'अलग', 'अतिरिक्त', 'के बिना', '별도', '제외', '미포함'].join('|');

const GROSS_BEFORE = [
  'incl\\.?', 'including', 'inclusive of', 'with', 'after', 'inkl\\.?', 'inklusive', 'mit', 'y compris', 'con', 'incluido', 'incluida', 'com', 'incluindo',
  'compresa', 'comprese', 'inclusief', 'met', 'z', 'wliczając', 'dahil', 'с учётом', 'с учетом', 'включая', 'с', 'شامل(?:ة)?', 'مع', 'بما في ذلك',
  'כולל', 'אחרי', 'सहित', 'đã (?:bao )?gồm', 'bao gồm', 'gồm', 'đã có', 'sau', 'sudah termasuk', 'termasuk', 'รวม',
].join('|');
const GROSS_AFTER = ['included', 'inclusive', 'incl\\.?', 'inklusive', 'inbegrepen', 'incluido', 'incluida', 'incluído', 'incluso', 'inclusa', 'compris', 'dahil', 'включ[её]н', 'सहित', 'समेत', 'शामिल', '포함'].join('|');

// Said without naming the tax.
const NET_ALONE = [
  'hors taxes?', 'before tax(?:es)?', 'pre-tax', 'netto', 'nett', 'neto', 'líquido', 'нетто', '税抜き?', '税別', '外税', '不含[税稅]', '未[税稅]', '未含[税稅]', '[税稅]前', '세전',
  'trước thuế', 'sebelum pajak',
].join('|');
const GROSS_ALONE = ['toutes taxes comprises', 'after tax(?:es)?', 'brutto', 'bruto', 'брутто', '税込み?', '内税', '已含[税稅]', '含[税稅]', 'sau thuế', '세후'].join('|');

// "net"/"gross" are words of other kinds too ("net" is "just" in Dutch): only next to a price.
const NEAR_PRICE = String.raw`(?:price|amount|total|value|cost|of|\d|[€$£¥₹])`;

const BOUNDARY_BEFORE = String.raw`(?<![\p{Script=Latin}\p{Script=Cyrillic}])`;
const BOUNDARY_AFTER = String.raw`(?![\p{Script=Latin}\p{Script=Cyrillic}])`;

function phrases(before: string, after: string, alone: string, word: string): RegExp {
  const source = [
    `(?:${before})\\s*-?\\s*(?:${TAX})`,
    `(?:${TAX})\\s*(?:${after})`,
    `(?:${alone})`,
    `${word}(?=\\s*${NEAR_PRICE})`,
    `(?<=(?:\\d|[€$£¥₹]|EUR|USD|GBP)\\s?)${word}`,
  ].join('|');
  return new RegExp(`${BOUNDARY_BEFORE}(?:${source})${BOUNDARY_AFTER}`, 'giu');
}

const NET = phrases(NET_BEFORE, NET_AFTER, NET_ALONE, 'net');
const GROSS = phrases(GROSS_BEFORE, GROSS_AFTER, GROSS_ALONE, 'gross');
// French capitals, never lower case ("ht" and "ttc" are nothing else).
const NET_CAPITALS = /(?<![\p{L}])(?:HT|H\.T\.|HTVA)(?![\p{L}])/u;
const GROSS_CAPITALS = /(?<![\p{L}])(?:TTC|T\.T\.C\.|TVAC)(?![\p{L}])/u;

/**
 * 'net' when the message says the amount is before tax, 'gross' when it says the tax is in
 * it, undefined when it says neither. When both are said, the first one written counts; a
 * phrase inside a longer one of the other kind ("включая" in "не включая НДС", "含税" in
 * "不含税") belongs to the longer.
 */
export function findPriceBasis(message: string): 'net' | 'gross' | undefined {
  // ״ and ׳ become " and ', as in מע"מ.
  const text = foldDigits(message);
  const spans = (pattern: RegExp, kind: 'net' | 'gross', capitals: RegExp) => {
    const found = [...text.matchAll(pattern)].map((m) => ({ kind, start: m.index, end: m.index + m[0].length }));
    const capital = capitals.exec(text);
    if (capital) found.push({ kind, start: capital.index, end: capital.index + capital[0].length });
    return found;
  };
  const all = [...spans(NET, 'net', NET_CAPITALS), ...spans(GROSS, 'gross', GROSS_CAPITALS)];
  const outer = all.filter((span) => !all.some((other) => other !== span && other.end - other.start > span.end - span.start && other.start <= span.start && other.end >= span.end));
  outer.sort((a, b) => a.start - b.start);
  return outer[0]?.kind;
}
