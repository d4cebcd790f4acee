import { afterAll, describe, expect, it } from 'vitest';
import { setUiLanguage } from '../i18n/i18n.ts';
import { intentLabel, orderProblem } from './labels.ts';

describe('labels for what the gateway sends as codes', () => {
  afterAll(() => setUiLanguage('en'));

  it('names bot intents in words, in the UI language, and keeps an unknown intent as sent', async () => {
    expect(intentLabel('talk_to_human')).toBe('Wants a person');
    expect(intentLabel('system')).toBe('Automatic message');
    expect(intentLabel('brand_new_intent')).toBe('brand_new_intent');
    await setUiLanguage('de');
    expect(intentLabel('shipping_delay')).toBe('Lieferverzögerung');
  });

  it('says why an order lookup failed without showing the code when words will do', async () => {
    await setUiLanguage('en');
    expect(orderProblem('not-found')).toBe('No order with this number');
    expect(orderProblem('timeout')).toBe('The order system did not answer (timeout)');
    expect(orderProblem('bad-json')).toBe('Lookup failed: bad-json');
  });
});
