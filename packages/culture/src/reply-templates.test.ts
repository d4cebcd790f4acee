import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect/detect-language.ts';
import { shopperFormats } from './intl-formats.ts';
import { createReplyTemplates } from './reply-templates.ts';
import { RESOURCES } from './resources.ts';
import { SUPPORTED_LOCALES } from './supported-locales.ts';

const templates = createReplyTemplates();
const SAMPLE = {
  taxKind: 'vat',
  siteName: 'Nordlicht',
  orderNumber: 'NL-10492',
  date: new Date('2026-11-20T10:00:00Z'),
  eta: new Date('2026-11-27T10:00:00Z'),
  newEta: new Date('2026-12-02T10:00:00Z'),
  time: new Date('2026-11-27T08:00:00Z'),
  country: 'FR',
  amount: 120,
  threshold: 150,
  taxThreshold: 40,
  vat: 24,
  total: 144,
  minutes: 5,
  rate: 0.2,
  days: 30,
  region: 'eu',
  email: 'ana@example.com',
  address: 'Celsiusweg 12, 5928 PR Venlo',
  documents: 'CPF',
};
// Button labels ("Yes, thanks") are a word or two: too short for any detector to name a language.
// Button labels and bare tax names ("GST", "PPN") are too short to tell a language by.
const isButtonLabel = (key: string) => key.startsWith('quick.') || key.startsWith('tax.');
const COUNTS = [0, 1, 2, 3, 5, 11, 21, 100];

describe('reply templates', () => {
  it('has resources for exactly the supported locales, with the same widget keys everywhere', () => {
    expect(Object.keys(RESOURCES).sort()).toEqual([...SUPPORTED_LOCALES].sort());
    const widgetKeys = Object.keys(RESOURCES['en-US'].widget).sort();
    for (const locale of SUPPORTED_LOCALES) expect(Object.keys(RESOURCES[locale].widget).sort()).toEqual(widgetKeys);
    expect(templates.replyKeys).toEqual(
      expect.arrayContaining(['greeting', 'greeting.returning', 'offline.backAt', 'handoff.connecting', 'order.status', 'order.lost', 'order.lateNewEstimate', 'order.lateHandoff', 'returns.steps', 'refund.status', 'customs.duties', 'vat.included', 'vat.added', 'vat.noData', 'customs.noData', 'privacy.notice', 'fallback']),
    );
  });

  it.each(SUPPORTED_LOCALES)('renders every key in %s: no gap, no leftover, no English, its own language', (locale) => {
    const language = locale === 'zh-Hans' || locale === 'zh-Hant' ? locale : locale.split('-')[0];
    for (const key of templates.replyKeys) {
      for (const count of COUNTS) {
        const { text } = templates.reply(locale, key, { ...SAMPLE, count }, { timeZone: 'Europe/Paris', currency: 'EUR' });
        expect(text, `${locale} ${key}`).not.toBe(key);
        expect(text, `${locale} ${key}`).not.toMatch(/\{\{|\}\}|undefined|NaN/u);
        // A tax acronym ("GST") is the same word in many languages; everything else must differ from English.
        if (!locale.startsWith('en-') && !key.startsWith('tax.')) expect(text, `${locale} ${key}`).not.toBe(templates.reply('en-US', key, { ...SAMPLE, count }).text);
      }
      const { text } = templates.reply(locale, key, { ...SAMPLE, count: 3 });
      if (isButtonLabel(key)) continue;
      expect(detectLanguage(text), `${locale} ${key}: ${text}`).toMatchObject({ lang: language, isReliable: true });
    }
    for (const text of Object.values(templates.widgetStrings(locale, { siteName: 'Nordlicht', count: 3, minutes: shopperFormats(locale, 'UTC').minutes(5) }))) {
      expect(text).not.toMatch(/\{\{|\}\}/u);
    }
  });

  it('formats values for the shopper: money, dates, clock times in their zone, country names', () => {
    const vat = templates.reply('de-DE', 'vat.included', { country: 'FR', rate: 0.2, amount: 120, vat: 20 }, { currency: 'EUR' }).text;
    expect(vat).toContain('in Frankreich');
    expect(vat).toMatch(/20\s?%/u);
    expect(vat).toMatch(/120,00\s€/u);
    const backAt = templates.reply('ja-JP', 'offline.backAt', { time: new Date('2026-11-27T00:00:00Z') }, { timeZone: 'Asia/Tokyo' }).text;
    expect(backAt).toContain('9:00');
    const gulf = templates.reply('ar-SA', 'refund.status', { amount: 250, date: new Date('2026-11-20T10:00:00Z') }, { currency: 'SAR' }).text;
    expect(gulf).toMatch(/[٠-٩]/u); // Arabic-Indic digits, as Saudi shoppers read them
  });

  it('gives English country names their article mid-sentence, and no other language one', () => {
    expect(templates.reply('en-US', 'vat.rateOnly', { country: 'NL', rate: 0.21, taxKind: 'vat' }).text).toMatch(/^The standard VAT rate in the Netherlands is 21/u);
    expect(templates.reply('en-GB', 'privacy.notice', { region: 'eu' }).text).toContain('data centre for the European Union and');
    expect(templates.reply('en-US', 'privacy.notice', { region: 'sg' }).text).toContain('data center for Singapore and');
    expect(templates.reply('de-DE', 'vat.rateOnly', { country: 'NL', rate: 0.21, taxKind: 'vat' }).text).toContain('in den Niederlanden');
    expect(templates.reply('fr-FR', 'vat.rateOnly', { country: 'NL', rate: 0.21, taxKind: 'vat' }).text).toContain('aux Pays-Bas');
    expect(templates.reply('pl-PL', 'customs.noData', { country: 'DE' }).text).toContain('do Niemiec');
  });

  it('chooses plural forms per language', () => {
    const late = (count: number) => ({ orderNumber: 'X', date: SAMPLE.date, eta: SAMPLE.eta, newEta: SAMPLE.eta, count });
    expect(templates.reply('ru-RU', 'order.lateNewEstimate', late(2)).text).toContain('2 дня');
    expect(templates.reply('ru-RU', 'order.lateNewEstimate', late(5)).text).toContain('5 дней');
    expect(templates.reply('pl-PL', 'order.lateHandoff', late(1)).text).toContain('o 1 dzień');
    expect(templates.reply('pl-PL', 'order.lateHandoff', late(3)).text).toContain('o 3 dni');
    expect(templates.reply('pl-PL', 'order.lateHandoff', late(5)).text).toContain('o 5 dni');
    expect(templates.reply('ar-SA', 'order.lateNewEstimate', late(2)).text).toContain('يومين');
    expect(templates.reply('en-US', 'order.lateNewEstimate', late(1)).text).toContain('1 day late.');
    expect(templates.reply('en-US', 'order.lateNewEstimate', late(4)).text).toContain('4 days late.');
  });
});
