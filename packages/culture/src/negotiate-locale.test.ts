import { describe, expect, it } from 'vitest';
import { negotiateLocale, parseAcceptLanguage } from './negotiate-locale.ts';

describe('negotiateLocale', () => {
  it.each([
    ['es-419', 'es-MX'],
    ['es-AR', 'es-MX'],
    ['zh-HK', 'zh-Hant'],
    ['zh-TW', 'zh-Hant'],
    ['zh-SG', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['pt', 'pt-BR'],
    ['pt-AO', 'pt-PT'],
    ['iw', 'he-IL'],
    ['en-AU', 'en-GB'],
    ['en-IN', 'en-GB'],
    ['de-CH', 'de-DE'],
    ['in', 'id-ID'],
  ])('maps %s to %s', (tag, expected) => {
    expect(negotiateLocale({ navigatorLocales: [tag], siteDefault: 'en-US' }).locale).toBe(expected);
  });

  it('takes the first source in the chain that answers, and says which', () => {
    const decision = negotiateLocale({ pageLang: 'xx-invalid-@@', navigatorLocales: ['tlh', 'ja'], acceptLanguage: 'de', siteDefault: 'en-US' });
    expect(decision).toMatchObject({ locale: 'ja-JP', source: 'navigator' });
    expect(decision.candidates.map((c) => c.source)).toEqual(['navigator', 'accept-language', 'site-default']);
  });

  it('puts the shopper’s own writing after an explicit choice and before the page', () => {
    expect(negotiateLocale({ written: 'de', pageLang: 'en', siteDefault: 'en-US' })).toMatchObject({ locale: 'de-DE', source: 'message' });
    expect(negotiateLocale({ explicit: 'fr', written: 'de', pageLang: 'en', siteDefault: 'en-US' })).toMatchObject({ locale: 'fr-FR', source: 'explicit' });
  });

  it('keeps the browser’s regional variant when the shopper writes that language', () => {
    expect(negotiateLocale({ written: 'es', pageLang: 'en', navigatorLocales: ['es-MX'], siteDefault: 'en-US' }).locale).toBe('es-MX');
    expect(negotiateLocale({ written: 'pt', navigatorLocales: ['pt-PT'], siteDefault: 'en-US' }).locale).toBe('pt-PT');
    expect(negotiateLocale({ written: 'zh-Hant', navigatorLocales: ['zh-CN'], siteDefault: 'en-US' }).locale).toBe('zh-Hant');
  });

  it('falls back to the site default when nothing else is usable', () => {
    expect(negotiateLocale({ acceptLanguage: '*', siteDefault: 'fr-FR' })).toMatchObject({ locale: 'fr-FR', source: 'site-default' });
  });

  it('orders Accept-Language by q and drops q=0', () => {
    expect(parseAcceptLanguage('en;q=0.5, de-CH, fr;q=0, de;q=0.9')).toEqual(['de-CH', 'de', 'en']);
  });
});
