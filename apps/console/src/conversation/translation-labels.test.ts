import { afterAll, describe, expect, it } from 'vitest';
import type { TranslationState } from '@parley/protocol';
import { setUiLanguage } from '../i18n/i18n.ts';
import { cannedFailure, failureReasonLabel, translationFailure } from './translation-errors.ts';
import { canSwitch, inactiveReason, pairLabel, usageLabel } from './translation-labels.ts';

const state = (extra: Partial<TranslationState> = {}): TranslationState => ({
  isActive: true,
  isOff: false,
  agentLang: 'en',
  shopperLang: 'es-MX',
  provider: 'apertium',
  usage: { month: '2026-12', characters: 12345, budget: 500000 },
  ...extra,
});

describe('translation in words', () => {
  afterAll(() => setUiLanguage('en'));

  it('names the pair, the provider and the usage in the UI language', async () => {
    await setUiLanguage('en');
    expect(pairLabel(state(), 'en')).toBe('Spanish ⇄ English via apertium');
    expect(pairLabel(state({ provider: null }), 'en')).toBe('Spanish ⇄ English');
    expect(usageLabel(state().usage, 'en')).toBe('12,345 of 500,000 characters this month');
    expect(usageLabel({ month: '2026-12', characters: 12345, budget: null }, 'en')).toBe('12,345 characters this month');
    await setUiLanguage('de');
    expect(pairLabel(state(), 'de')).toBe('Spanisch ⇄ Englisch über apertium');
    expect(usageLabel(state().usage, 'de')).toBe('12.345 von 500.000 Zeichen in diesem Monat');
  });

  it('says why a conversation does not translate, and whether the switch can help', async () => {
    await setUiLanguage('en');
    expect(inactiveReason(state())).toBeUndefined();
    expect(inactiveReason(state({ isActive: false, reason: 'same_language' }))).toBe('The shopper writes your language');
    expect(inactiveReason(state({ isActive: false, reason: 'no_provider', provider: null }))).toBe('No translation provider is configured');
    expect(inactiveReason(state({ isActive: false, isOff: true, reason: 'switched_off' }))).toBe('Switched off for this conversation');
    expect(canSwitch(state())).toBe(true);
    expect(canSwitch(state({ isActive: false, isOff: true, reason: 'switched_off' }))).toBe(true);
    expect(canSwitch(state({ isActive: false, reason: 'unsupported_pair' }))).toBe(false);
  });

  it('reads refused sends: translation failures with their reason, canned replies with what is missing', async () => {
    await setUiLanguage('en');
    expect(translationFailure({ code: 'PARLEY_ERR_TRANSLATION_UNAVAILABLE', details: { reason: 'budget_exhausted' } })).toBe('budget_exhausted');
    expect(translationFailure({ code: 'PARLEY_ERR_TRANSLATION_UNAVAILABLE' })).toBe('unavailable');
    expect(translationFailure({ code: 'PARLEY_ERR_CONVERSATION_RECENT_REPLY' })).toBeUndefined();
    expect(translationFailure(new Error('boom'))).toBeUndefined();
    expect(failureReasonLabel('timeout')).toBe('timed out');
    expect(failureReasonLabel('brand_new')).toBe('brand_new');
    expect(cannedFailure({ code: 'PARLEY_ERR_CANNED_REPLY_INCOMPLETE', details: { missing: ['order.number', 'x.y'] } })).toBe('This canned reply needs: order number, x.y');
    expect(cannedFailure({ code: 'PARLEY_ERR_CANNED_REPLY_NOT_FOUND' })).toBe('That canned reply no longer exists.');
    expect(cannedFailure({ code: 'PARLEY_ERR_TRANSLATION_UNAVAILABLE' })).toBeUndefined();
  });
});
