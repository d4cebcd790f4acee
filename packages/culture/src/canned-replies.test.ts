import { describe, expect, it } from 'vitest';
import { CANNED_REPLY_KEYS, CANNED_VARIABLES, cannedReplyLabel, cannedVariables, renderCannedReply, renderCannedTemplate } from './canned-replies.ts';
import type { CannedValues } from './canned-replies.ts';
import { CULTURE_PROFILES } from './culture-profiles.ts';
import { detectLanguage } from './detect/detect-language.ts';
import { RESOURCES } from './resources.ts';
import { SUPPORTED_LOCALES } from './supported-locales.ts';
import type { SupportedLocale } from './supported-locales.ts';

const FULL: CannedValues = { shopper: { name: 'Ana Souza' }, order: { number: 'NL-10492' }, agent: { name: 'Mia' } };
const UNNAMED: CannedValues = { order: { number: 'NL-10492' }, agent: { name: 'Mia' } };
const FIELDS = ['title', 'keywords', 'body'];

/** Every canned text a shopper or agent can see in `locale`: labels and bodies, named and not. */
function cannedTexts(locale: SupportedLocale): string[] {
  return CANNED_REPLY_KEYS.flatMap((key) => {
    const { title, keywords } = cannedReplyLabel(locale, key);
    return [title, keywords, ...[FULL, UNNAMED].map((values) => rendered(locale, key, values))];
  });
}

function rendered(locale: SupportedLocale, key: (typeof CANNED_REPLY_KEYS)[number], values: CannedValues): string {
  const result = renderCannedReply(locale, key, values);
  if (!result.ok) throw new Error(`${locale} ${key} misses ${result.missing.join(', ')}`);
  return result.text;
}

describe('canned replies', () => {
  it.each(SUPPORTED_LOCALES)('%s has every key with title, keywords and body, and only the three variables', (locale) => {
    const canned = RESOURCES[locale].canned;
    const allowed = CANNED_REPLY_KEYS.flatMap((key) => [...FIELDS, 'body_named'].map((field) => `${key}.${field}`));
    expect(Object.keys(canned).filter((name) => !allowed.includes(name)), locale).toEqual([]);
    for (const key of CANNED_REPLY_KEYS) {
      for (const field of FIELDS) expect(canned[`${key}.${field}`]?.trim(), `${locale} ${key}.${field}`).toBeTruthy();
      const label = cannedReplyLabel(locale, key);
      expect(cannedVariables(label.title + label.keywords), `${locale} ${key} label`).toEqual([]);
      expect(label.keywords.split(' ').length, `${locale} ${key} keywords`).toBeGreaterThanOrEqual(3);
    }
    for (const [name, text] of Object.entries(canned)) {
      for (const variable of cannedVariables(text)) expect(CANNED_VARIABLES, `${locale} ${name}`).toContain(variable);
      expect(text.replace(/\{\{\s*[^{}]*?\s*\}\}/gu, ''), `${locale} ${name}`).not.toMatch(/\{|\}/u);
      // The named variant is the same reply plus the name: it must name the shopper.
      if (name.endsWith('.body_named')) expect(cannedVariables(text), `${locale} ${name}`).toContain('shopper.name');
      else expect(cannedVariables(text), `${locale} ${name}`).not.toContain('shopper.name');
    }
  });

  it.each(SUPPORTED_LOCALES)('%s renders every reply with full values, in its own language', (locale) => {
    const language = locale === 'zh-Hans' || locale === 'zh-Hant' ? locale : locale.split('-')[0];
    for (const key of CANNED_REPLY_KEYS) {
      const raw = RESOURCES[locale].canned[`${key}.body`] ?? '';
      const text = rendered(locale, key, FULL);
      expect(text, `${locale} ${key}`).not.toMatch(/\{\{|\}\}|undefined/u);
      if (raw.includes('{{order.number}}')) expect(text, `${locale} ${key}`).toContain('NL-10492');
      if (raw.includes('{{agent.name}}')) expect(text, `${locale} ${key}`).toContain('Mia');
      if (!locale.startsWith('en-')) expect(text, `${locale} ${key}`).not.toBe(rendered('en-US', key, FULL));
      expect(detectLanguage(rendered(locale, key, UNNAMED)), `${locale} ${key}: ${text}`).toMatchObject({ lang: language, isReliable: true });
    }
    // Every reply about one order names it; the closing is signed.
    for (const key of ['orderStatus', 'delayApology', 'addressChangeReceived'] as const) expect(cannedVariables(RESOURCES[locale].canned[`${key}.body`] ?? ''), `${locale} ${key}`).toContain('order.number');
    expect(cannedVariables(RESOURCES[locale].canned['closing.body'] ?? ''), `${locale} closing`).toContain('agent.name');
  });

  it.each(SUPPORTED_LOCALES)('%s never sends a reply with a hole', (locale) => {
    expect(renderCannedReply(locale, 'orderStatus', { agent: { name: 'Mia' } })).toEqual({ ok: false, missing: ['order.number'] });
    expect(renderCannedReply(locale, 'delayApology', { order: { number: '  ' } })).toEqual({ ok: false, missing: ['order.number'] });
    expect(renderCannedReply(locale, 'closing', { order: { number: 'NL-1' } })).toEqual({ ok: false, missing: ['agent.name'] });
    expect(renderCannedReply(locale, 'refundTiming', {})).toMatchObject({ ok: true });
  });

  it('addresses the shopper by name only where the locale does, and only when a name is given', () => {
    const named = renderCannedReply('ja-JP', 'delayApology', FULL);
    expect(named).toEqual({ ok: true, text: expect.stringContaining('Ana Souza様') });
    expect(renderCannedReply('ja-JP', 'delayApology', UNNAMED)).toEqual({ ok: true, text: expect.not.stringContaining('様') });
    expect(renderCannedReply('ja-JP', 'delayApology', { ...UNNAMED, shopper: { name: ' ' } })).toEqual({ ok: true, text: expect.not.stringContaining('様') });
    expect(renderCannedReply('en-US', 'orderStatus', FULL)).toEqual({ ok: true, text: expect.stringMatching(/^Hi Ana Souza, /u) });
    // Formal German does not greet by first name: the name is known but not used.
    expect(renderCannedReply('de-DE', 'delayApology', FULL)).toEqual(renderCannedReply('de-DE', 'delayApology', UNNAMED));
  });

  it.each(SUPPORTED_LOCALES)('%s keeps the register and avoids what the profile forbids', (locale) => {
    const profile = CULTURE_PROFILES[locale];
    const texts = cannedTexts(locale);
    for (const pattern of profile.avoid) expect(texts.filter((text) => pattern.test(text)), `${locale} avoids ${pattern}`).toEqual([]);
    expect(profile.registerMarkers.some((marker) => texts.some((text) => marker.test(text))), `${locale} register`).toBe(true);
    // No reply promises a number of days or an amount: shops differ, and the text must stay true.
    expect(texts.filter((text) => /\p{Nd}/u.test(text.replace(/NL-10492/gu, '').replace(/^\d\. /gmu, ''))), locale).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES)('%s lays out the return steps as its profile says', (locale) => {
    const profile = CULTURE_PROFILES[locale];
    const steps = rendered(locale, 'returnSteps', FULL);
    const numbered = steps.match(/^\d\. /gmu)?.length ?? 0;
    const options = steps.match(/^• /gmu)?.length ?? 0;
    if (profile.offers === 'options') expect(options, locale).toBeGreaterThanOrEqual(2);
    else if (profile.structure === 'steps') expect(numbered, locale).toBe(4);
    else expect(numbered + options, locale).toBe(0);
  });

  it('renders a site’s own text with the same variables, inserting values literally', () => {
    expect(renderCannedTemplate('Hi {{ shopper.name }}, order {{order.number}}: {{agent.name}}', FULL)).toEqual({ ok: true, text: 'Hi Ana Souza, order NL-10492: Mia' });
    const sly = { shopper: { name: '{{order.number}} $& $1' }, order: { number: '{{agent.name}}' }, agent: { name: 'Mia' } };
    expect(renderCannedTemplate('{{shopper.name}} / {{order.number}}', sly)).toEqual({ ok: true, text: '{{order.number}} $& $1 / {{agent.name}}' });
    expect(renderCannedReply('ja-JP', 'orderStatus', sly)).toEqual({ ok: true, text: expect.stringContaining('{{order.number}} $& $1様') });
    expect(renderCannedTemplate('No variables here.', {})).toEqual({ ok: true, text: 'No variables here.' });
  });

  it('lists missing and unknown variables, and stray braces, so a typo is caught on save', () => {
    expect(renderCannedTemplate('Order {{order.number}} for {{shopper.name}}, {{order.number}}', {})).toEqual({ ok: false, missing: ['order.number', 'shopper.name'] });
    expect(renderCannedTemplate('Hi {{shoper.name}}, {{order.numero}}', FULL)).toEqual({ ok: false, missing: ['shoper.name', 'order.numero'] });
    expect(renderCannedTemplate('Order {{order.number}', FULL)).toEqual({ ok: false, missing: ['{{order.number'] });
    expect(renderCannedTemplate('Order order.number}}', FULL)).toEqual({ ok: false, missing: ['}}'] });
    expect(cannedVariables('{{order.number}} {{ agent.name }} {{order.number}}')).toEqual(['order.number', 'agent.name']);
    expect(cannedVariables('plain')).toEqual([]);
  });
});
