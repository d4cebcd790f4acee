import { describe, expect, it } from 'vitest';
import { createReplyTemplates, negotiateLocale, parseAcceptLanguage, SUPPORTED_LOCALES } from './index.ts';
import { RESOURCES } from './resources.ts';

describe('negotiateLocale', () => {
  it.each([
    ['es-419', 'es-MX'],
    ['es-AR', 'es-MX'],
    ['zh-HK', 'zh-Hant'],
    ['zh-TW', 'zh-Hant'],
    ['zh-CN', 'zh-Hans'],
    ['pt', 'pt-BR'],
    ['iw', 'he-IL'],
    ['en-AU', 'en-GB'],
    ['de-CH', 'de-DE'],
  ])('maps %s to %s', (tag, expected) => {
    expect(negotiateLocale({ navigatorLocales: [tag], siteDefault: 'en-US' }).locale).toBe(expected);
  });

  it('takes the first source in the chain that answers, and says which', () => {
    const decision = negotiateLocale({
      pageLang: 'xx-invalid-@@',
      navigatorLocales: ['tlh', 'ja'],
      acceptLanguage: 'de',
      siteDefault: 'en-US',
    });
    expect(decision).toMatchObject({ locale: 'ja-JP', source: 'navigator' });
    expect(decision.candidates.map((c) => c.source)).toEqual(['navigator', 'accept-language', 'site-default']);
  });

  it('an explicit locale wins over everything', () => {
    expect(negotiateLocale({ explicit: 'ar', pageLang: 'en', siteDefault: 'en-US' })).toMatchObject({
      locale: 'ar-SA',
      source: 'explicit',
    });
  });

  it('falls back to the site default when nothing else is usable', () => {
    expect(negotiateLocale({ acceptLanguage: '*', siteDefault: 'fr-FR' })).toMatchObject({
      locale: 'fr-FR',
      source: 'site-default',
    });
  });

  it('orders Accept-Language by q and drops q=0', () => {
    expect(parseAcceptLanguage('en;q=0.5, de-CH, fr;q=0, de;q=0.9')).toEqual(['de-CH', 'de', 'en']);
  });
});

describe('templates', () => {
  const templates = createReplyTemplates();

  it('has resources for exactly the supported locales, with the same keys as en-US', () => {
    expect(Object.keys(RESOURCES).sort()).toEqual([...SUPPORTED_LOCALES].sort());
    const reference = RESOURCES['en-US'];
    for (const locale of SUPPORTED_LOCALES) {
      expect(Object.keys(RESOURCES[locale].replies).sort()).toEqual(Object.keys(reference.replies).sort());
      expect(Object.keys(RESOURCES[locale].widget).sort()).toEqual(Object.keys(reference.widget).sort());
    }
  });

  it.each(SUPPORTED_LOCALES)('renders every key in %s without leftovers or English fallback', (locale) => {
    const greeting = templates.reply(locale, 'greeting', { siteName: 'Nordlicht' });
    expect(greeting.text).toContain('Nordlicht');
    expect(greeting.text).not.toMatch(/\{\{|\}\}/);
    const strings = templates.widgetStrings(locale, { siteName: 'Nordlicht', count: 3 });
    for (const text of Object.values(strings)) expect(text).not.toMatch(/\{\{|\}\}/);
    if (!locale.startsWith('en')) expect(strings['send']).not.toBe(RESOURCES['en-US'].widget['send']);
  });

  it('frames replies by culture: formal German, keigo Japanese, right-to-left Arabic', () => {
    expect(templates.reply('de-DE', 'greeting', { siteName: 'X' }).text).toContain('Ihnen');
    expect(templates.reply('ja-JP', 'greeting', { siteName: 'X' }).text).toContain('お問い合わせいただきありがとうございます');
    expect(templates.reply('ar-SA', 'greeting', { siteName: 'X' }).dir).toBe('rtl');
    expect(templates.reply('en-US', 'greeting', { siteName: 'X' }).dir).toBe('ltr');
  });

  it('the English launcher label names "chat" for screen readers', () => {
    expect(templates.widgetStrings('en-US')['launcherLabel']).toMatch(/chat/i);
  });
});
