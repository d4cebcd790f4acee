import { describe, expect, it } from 'vitest';
import { DEFAULT_ORDER_PATTERNS } from '@parley/understanding';
import { findPersonalData, maskMessage, maskText, revealSpan } from './masking.ts';
import type { PersonalDataSpan } from './masking.ts';

/** The span covering `value` in `text`, as findPersonalData should report it. */
function spanOf(text: string, value: string, kind: PersonalDataSpan['kind'], masked: string): PersonalDataSpan {
  const start = text.indexOf(value);
  expect(start, `${value} is in the text`).toBeGreaterThanOrEqual(0);
  return { start, end: start + value.length, kind, masked };
}

describe('phones', () => {
  const cases: [string, string, string, string, string][] = [
    ['de', 'DE', 'Ruf mich bitte unter 030 12345678 an.', '030 12345678', '+49 ••• 5678'],
    ['de', 'DE', 'Meine Handynummer: +49 151 23456789', '+49 151 23456789', '+49 ••• 6789'],
    ['en', 'US', 'You can reach me at (201) 555-0123 after 5pm', '(201) 555-0123', '+1 ••• 0123'],
    ['ja', 'JP', '電話番号は03-1234-5678です。', '03-1234-5678', '+81 ••• 5678'],
    ['ja', 'JP', '携帯は０９０－１２３４－５６７８までお願いします', '０９０－１２３４－５６７８', '+81 ••• 5678'],
    ['ar', 'SA', 'رقم جوالي ٠٥٠١٢٣٤٥٦٧ شكرا', '٠٥٠١٢٣٤٥٦٧', '+966 ••• 4567'],
    ['ar', 'SA', 'اتصل بي على +966 50 123 4567 من فضلك', '+966 50 123 4567', '+966 ••• 4567'],
    ['pt', 'BR', 'Meu telefone é (11) 91234-5678, obrigado', '(11) 91234-5678', '+55 ••• 5678'],
    ['pt', 'PT', 'Liguem para +351 912 345 678', '+351 912 345 678', '+351 ••• 5678'],
    ['es', 'ES', 'Mi teléfono es 612 34 56 78.', '612 34 56 78', '+34 ••• 5678'],
  ];
  it.each(cases)('finds a %s phone (%s) with exact offsets and mask', (_language, country, text, value, masked) => {
    expect(findPersonalData(text, { defaultCountry: country })).toEqual([spanOf(text, value, 'phone', masked)]);
  });

  it('reads national numbers only with a default country, international ones always', () => {
    expect(findPersonalData('030 12345678 / +49 151 23456789').map((span) => span.masked)).toEqual(['+49 ••• 6789']);
    expect(findPersonalData('030 12345678', { defaultCountry: 'de' }).map((span) => span.masked)).toEqual(['+49 ••• 5678']);
    expect(findPersonalData('030 12345678', { defaultCountry: 'XX' })).toEqual([]);
  });

  it('splits numbers written as a list instead of reading across the comma', () => {
    const text = 'Tel. 0049 30 12345678, 0151-23456789; (030) 1234567';
    expect(maskText(text, { defaultCountry: 'DE' }).text).toBe('Tel. +49 ••• 5678, +49 ••• 6789; +49 ••• 4567');
  });
});

describe('emails', () => {
  const cases: [string, string, string, string][] = [
    ['de', 'Schreiben Sie an jürgen.müller@beispiel.de, danke', 'jürgen.müller@beispiel.de', 'j•••@beispiel.de'],
    ['en', 'my email is John.Doe+shop@example.com.', 'John.Doe+shop@example.com', 'J•••@example.com'],
    ['ja', 'メールはtaro@example.co.jpです', 'taro@example.co.jp', 't•••@example.co.jp'],
    ['ja', '連絡先：hanako＠example.jp', 'hanako＠example.jp', 'h•••@example.jp'],
    ['ar', 'بريدي الإلكتروني ali@example.sa شكرا', 'ali@example.sa', 'a•••@example.sa'],
    ['pt', 'o meu email é joão@exemplo.com.br', 'joão@exemplo.com.br', 'j•••@exemplo.com.br'],
    ['es', 'Escríbeme a maría_garcía@correo.es...', 'maría_garcía@correo.es', 'm•••@correo.es'],
  ];
  it.each(cases)('finds a %s email with exact offsets and mask', (_language, text, value, masked) => {
    expect(findPersonalData(text)).toEqual([spanOf(text, value, 'email', masked)]);
  });

  it('masks an email even inside a URL, since it names the shopper', () => {
    expect(maskText('mailto:ana@example.com').text).toBe('mailto:a•••@example.com');
  });
});

describe('cards', () => {
  const cases: [string, string, string, string][] = [
    ['de', 'Meine Karte: 4242 4242 4242 4242, gültig bis 12/27', '4242 4242 4242 4242', '•••• 4242'],
    ['en', 'card 5555-5555-5555-4444 was declined', '5555-5555-5555-4444', '•••• 4444'],
    ['en', 'Amex 378282246310005 please', '378282246310005', '•••• 0005'],
    ['ja', 'カード番号４１１１１１１１１１１１１１１１です', '４１１１１１１１１１１１１１１１', '•••• 1111'],
    ['ar', 'رقم البطاقة ٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢', '٤٢٤٢٤٢٤٢٤٢٤٢٤٢٤٢', '•••• 4242'],
    ['pt', 'cartão 6011 1111 1111 1117 recusado', '6011 1111 1111 1117', '•••• 1117'],
    ['es', 'tarjeta 3530111333300000 caducada', '3530111333300000', '•••• 0000'],
  ];
  it.each(cases)('finds a %s card with exact offsets and mask', (_language, text, value, masked) => {
    expect(findPersonalData(text, { defaultCountry: 'DE' })).toEqual([spanOf(text, value, 'card', masked)]);
  });

  it('cuts the card out of a run with the expiry typed after it', () => {
    const text = 'Karte 4242 4242 4242 4242 12/27';
    expect(findPersonalData(text)).toEqual([spanOf(text, '4242 4242 4242 4242', 'card', '•••• 4242')]);
  });

  it('tells a card from the phone typed right before it', () => {
    const text = 'Tel +49 151 23456789 4242424242424242';
    expect(maskText(text, { defaultCountry: 'DE' }).text).toBe('Tel +49 ••• 6789 •••• 4242');
    expect(maskText('0151 23456789 4242 4242 4242 4242', { defaultCountry: 'DE' }).text).toBe('+49 ••• 6789 •••• 4242');
  });

  it('does not take a digit run that fails Luhn for a card', () => {
    expect(findPersonalData('4242 4242 4242 4241')).toEqual([]);
  });
});

describe('IBANs', () => {
  const cases: [string, string, string, string][] = [
    ['de', 'IBAN: DE89 3704 0044 0532 0130 00 bitte', 'DE89 3704 0044 0532 0130 00', 'DE•• •••• •••• •••• 3000'],
    ['en', 'Refund to GB29NWBK60161331926819.', 'GB29NWBK60161331926819', 'GB•• •••• •••• •••• 6819'],
    ['ja', '返金先はNL91ABNA0417164300です', 'NL91ABNA0417164300', 'NL•• •••• •••• •••• 4300'],
    ['ar', 'الآيبان SA03 8000 0000 6080 1016 7519 من فضلك', 'SA03 8000 0000 6080 1016 7519', 'SA•• •••• •••• •••• 7519'],
    ['pt', 'o meu IBAN é pt50 0002 0123 1234 5678 9015 4', 'pt50 0002 0123 1234 5678 9015 4', 'PT•• •••• •••• •••• 0154'],
    ['es', 'Devolución a ES91 2100 0418 4502 0005 1332 IBAN', 'ES91 2100 0418 4502 0005 1332', 'ES•• •••• •••• •••• 1332'],
  ];
  it.each(cases)('finds a %s IBAN with exact offsets and mask', (_language, text, value, masked) => {
    expect(findPersonalData(text, { defaultCountry: 'DE' })).toEqual([spanOf(text, value, 'iban', masked)]);
  });

  it('refuses an IBAN whose check digits are wrong', () => {
    expect(findPersonalData('DE88 3704 0044 0532 0130 00')).toEqual([]);
  });
});

describe('maskText, revealSpan and maskMessage', () => {
  const text = 'Hi, ich bin ana@example.com, Tel. +49 151 23456789, Karte 4242424242424242, IBAN DE89370400440532013000, Bestellung NL-10492.';
  const options = { defaultCountry: 'DE', keepPatterns: DEFAULT_ORDER_PATTERNS };

  it('replaces every span in text order and keeps the rest as written', () => {
    const { text: masked, spans } = maskText(text, options);
    expect(masked).toBe('Hi, ich bin a•••@example.com, Tel. +49 ••• 6789, Karte •••• 4242, IBAN DE•• •••• •••• •••• 3000, Bestellung NL-10492.');
    expect(spans.map((span) => span.kind)).toEqual(['email', 'phone', 'card', 'iban']);
    for (let index = 1; index < spans.length; index += 1) expect(spans[index]!.start).toBeGreaterThanOrEqual(spans[index - 1]!.end);
  });

  it('reveals the original of each span, and nothing past the last', () => {
    expect([0, 1, 2, 3].map((index) => revealSpan(text, index, options))).toEqual(['ana@example.com', '+49 151 23456789', '4242424242424242', 'DE89370400440532013000']);
    expect(revealSpan(text, 4, options)).toBeUndefined();
    expect(revealSpan(text, -1, options)).toBeUndefined();
    expect(revealSpan(text, 0.5, options)).toBeUndefined();
  });

  it('masks a message and keeps its other fields', () => {
    const message = { seq: 7, author: { kind: 'visitor' }, text: 'Mail: ana@example.com' };
    expect(maskMessage(message, options)).toEqual({ seq: 7, author: { kind: 'visitor' }, text: 'Mail: a•••@example.com' });
    expect(message.text).toBe('Mail: ana@example.com');
  });
});
