import { describe, expect, it } from 'vitest';
import { CANNED_REPLY_KEYS, cannedReplyLabel, renderCannedReply } from './canned-replies.ts';
import { CULTURE_PROFILES } from './culture-profiles.ts';
import { validTimeZone } from './intl-formats.ts';
import { createReplyTemplates } from './reply-templates.ts';
import { SUPPORTED_LOCALES, textDirection } from './supported-locales.ts';

const templates = createReplyTemplates();
const values = { siteName: 'Nordlicht', orderNumber: 'NL-1', date: new Date(), eta: new Date(), time: new Date(), country: 'FR', amount: 1, threshold: 1, vat: 1, rate: 0.2, days: 30, region: 'eu', count: 3 };
const cannedValues = { shopper: { name: 'Ana' }, order: { number: 'NL-1' }, agent: { name: 'Mia' } };
const allText = (locale: (typeof SUPPORTED_LOCALES)[number]) => [
  ...templates.replyKeys.map((key) => templates.reply(locale, key, values).text),
  ...Object.values(templates.widgetStrings(locale, values)),
];
// Agents' canned replies (labels, and bodies with and without the shopper's name) avoid the same phrasing.
const cannedText = (locale: (typeof SUPPORTED_LOCALES)[number]) =>
  CANNED_REPLY_KEYS.flatMap((key) => [
    ...Object.values(cannedReplyLabel(locale, key)),
    ...[cannedValues, { ...cannedValues, shopper: {} }].map((given) => {
      const result = renderCannedReply(locale, key, given);
      return result.ok ? result.text : `missing ${result.missing.join(', ')}`;
    }),
  ]);

describe('culture profiles', () => {
  it.each(SUPPORTED_LOCALES)('%s: templates keep the register and avoid what the profile forbids', (locale) => {
    const profile = CULTURE_PROFILES[locale];
    const texts = allText(locale);
    for (const pattern of profile.avoid) {
      expect([...texts, ...cannedText(locale)].filter((text) => pattern.test(text)), `${locale} avoids ${pattern}`).toEqual([]);
    }
    expect(profile.registerMarkers.some((marker) => texts.some((text) => marker.test(text))), `${locale} register`).toBe(true);
    expect(Intl.supportedValuesOf('currency'), `${locale} currency`).toContain(profile.currency);
    expect(validTimeZone(profile.timeZone), `${locale} time zone`).toBe(profile.timeZone);
  });

  it.each(SUPPORTED_LOCALES)('%s: instructions follow the profile’s structure and way of offering', (locale) => {
    const profile = CULTURE_PROFILES[locale];
    const steps = templates.reply(locale, 'returns.steps', values).text;
    const numbered = steps.match(/^\d\. /gmu)?.length ?? 0;
    const options = steps.match(/^• /gmu)?.length ?? 0;
    if (profile.offers === 'options') expect(options, locale).toBeGreaterThanOrEqual(2);
    else if (profile.structure === 'steps') expect(numbered, locale).toBeGreaterThanOrEqual(3);
    else expect(numbered + options, locale).toBe(0);
  });

  it('speaks as the issue asks: keigo, Sie, vous, US steps, British delivery, RTL, Gulf options', () => {
    expect(templates.reply('ja-JP', 'greeting', values).text).toContain('お問い合わせいただきありがとうございます');
    expect(templates.reply('de-DE', 'greeting', values).text).toMatch(/\bIhnen\b/u);
    expect(templates.reply('fr-FR', 'greeting', values).text).toMatch(/\bvous\b/u);
    expect(templates.reply('en-US', 'returns.steps', values).text).toMatch(/^1\. /mu);
    // British English says "dispatched" and "parcel", never "shipped"/"shipping".
    expect(templates.reply('en-US', 'order.lateNewEstimate', values).text).toMatch(/shipped on/u);
    expect(templates.reply('en-GB', 'order.lateNewEstimate', values).text).toMatch(/dispatched on/u);
    expect(templates.reply('en-GB', 'order.lateNewEstimate', values).text).not.toMatch(/shipp/u);
    expect(textDirection('ar-SA')).toBe('rtl');
    expect(textDirection('he-IL')).toBe('rtl');
    expect(templates.reply('ar-SA', 'greeting', values).dir).toBe('rtl');
    const gulfReturn = templates.reply('ar-SA', 'returns.steps', values).text;
    expect(gulfReturn).toContain('خياران');
    expect(gulfReturn).not.toMatch(/هل تريد/u);
  });
});
