import { describe, expect, it } from 'vitest';
import { ParleyError } from '@parley/protocol/errors';
import {
  addableLocales,
  bodyProblem,
  draftOf,
  draftPayload,
  draftProblems,
  emptyDraft,
  insertVariable,
  isLocaleTag,
  keyProblem,
  PARLEY_LOCALES,
  PLAIN_LANGUAGES,
  serverFieldProblem,
  sortLocales,
  unknownVariables,
} from './canned-form.ts';

describe('canned reply keys', () => {
  it('takes what the gateway takes and names what is wrong otherwise', () => {
    expect(keyProblem('returnWindow')).toBeUndefined();
    expect(keyProblem('9_a.b-c')).toBeUndefined();
    expect(keyProblem('')).toEqual({ kind: 'required' });
    expect(keyProblem('-lead')).toEqual({ kind: 'keyChars' });
    expect(keyProblem('with space')).toEqual({ kind: 'keyChars' });
    expect(keyProblem('ümlaut')).toEqual({ kind: 'keyChars' });
    expect(keyProblem('a'.repeat(64))).toBeUndefined();
    expect(keyProblem('a'.repeat(65))).toEqual({ kind: 'tooLong', max: 64 });
    expect(keyProblem('closing', ['closing'])).toEqual({ kind: 'keyTaken' });
  });
});

describe('canned reply bodies', () => {
  it('finds unknown variables the way the gateway reads them (spaces inside allowed)', () => {
    expect(unknownVariables('Hallo {{shopper.name}}, Bestellung {{ order.number }}.')).toEqual([]);
    expect(unknownVariables('{{shopper.nmae}} {{order}} {{shopper.nmae}}')).toEqual(['shopper.nmae', 'order']);
    expect(bodyProblem('Hi {{agent.nam}}')).toEqual({ kind: 'unknownVariables', unknown: ['agent.nam'] });
  });

  it('flags blank, too long and unmatched braces', () => {
    expect(bodyProblem('   ')).toEqual({ kind: 'required' });
    expect(bodyProblem('x'.repeat(4000))).toBeUndefined();
    expect(bodyProblem('x'.repeat(4001))).toEqual({ kind: 'tooLong', max: 4000 });
    expect(bodyProblem('Order {{order.number')).toEqual({ kind: 'strayBraces' });
    expect(bodyProblem('Order order.number}}')).toEqual({ kind: 'strayBraces' });
    expect(bodyProblem('ご注文 {{order.number}} は発送済みです。')).toBeUndefined();
  });

  it('accepts locale tags like de, de-DE and zh-Hant only', () => {
    for (const tag of [...PARLEY_LOCALES, ...PLAIN_LANGUAGES]) expect(isLocaleTag(tag), tag).toBe(true);
    expect(isLocaleTag('DE')).toBe(false);
    expect(isLocaleTag('de_DE')).toBe(false);
  });
});

describe('the draft', () => {
  it('lists every problem by the field name the gateway uses', () => {
    const draft = { isNew: true, key: 'bad key', title: ' ', bodies: [{ locale: 'de-DE', text: 'Hallo {{kunde}}' }, { locale: 'ja-JP', text: '' }] };
    expect(draftProblems(draft)).toEqual({
      key: { kind: 'keyChars' },
      title: { kind: 'required' },
      'bodies.de-DE': { kind: 'unknownVariables', unknown: ['kunde'] },
      'bodies.ja-JP': { kind: 'required' },
    });
    expect(draftProblems({ ...emptyDraft('en-US'), bodies: [] })['bodies']).toEqual({ kind: 'noBodies' });
    expect(draftProblems({ isNew: true, key: 'k', title: 't'.repeat(81), bodies: [{ locale: 'de', text: 'ok' }] })).toEqual({ title: { kind: 'tooLong', max: 80 } });
  });

  it('does not check the key of an existing reply (it cannot change) and saves trimmed text', () => {
    const draft = draftOf({ key: 'returns', title: ' Returns ', bodies: { 'ja-JP': ' 返品 ', de: 'Rückgabe', 'de-DE': 'Rücksendung' } });
    expect(draft.isNew).toBe(false);
    expect(draft.bodies.map((body) => body.locale)).toEqual(['de-DE', 'ja-JP', 'de']);
    expect(draftProblems(draft, ['returns'])).toEqual({});
    expect(draftPayload(draft)).toEqual({ title: 'Returns', bodies: { 'de-DE': 'Rücksendung', 'ja-JP': '返品', de: 'Rückgabe' } });
  });

  it('orders locales as Parley lists them, plain languages after', () => {
    expect(sortLocales(['de', 'zh-Hant', 'en-US', 'fr'])).toEqual(['en-US', 'zh-Hant', 'de', 'fr']);
  });

  it('offers only the locales and languages without a text yet', () => {
    expect(PARLEY_LOCALES).toHaveLength(23);
    const { locales, languages } = addableLocales(['de-DE', 'ja']);
    expect(locales).toHaveLength(22);
    expect(locales).not.toContain('de-DE');
    expect(languages).toContain('de');
    expect(languages).not.toContain('ja');
    expect(languages).toContain('zh');
  });

  it('inserts a variable over the selection and puts the caret after it', () => {
    expect(insertVariable('Hi , thanks', 3, 3, 'shopper.name')).toEqual({ text: 'Hi {{shopper.name}}, thanks', caret: 19 });
    expect(insertVariable('Order XXX', 6, 9, 'order.number')).toEqual({ text: 'Order {{order.number}}', caret: 22 });
    expect(insertVariable('', 5, 2, 'agent.name')).toEqual({ text: '{{agent.name}}', caret: 14 });
  });
});

describe('a refused save', () => {
  it('names the field and the unknown variables when the gateway does', () => {
    const error = new ParleyError('PARLEY_ERR_PAYLOAD_INVALID', 'Unknown variable in the de-DE body: kunde', { field: 'bodies.de-DE', unknown: ['kunde'] });
    expect(serverFieldProblem(error)).toEqual({ field: 'bodies.de-DE', problem: { kind: 'unknownVariables', unknown: ['kunde'] } });
    const plain = new ParleyError('PARLEY_ERR_PAYLOAD_INVALID', 'title too long', { field: 'title' });
    expect(serverFieldProblem(plain)).toEqual({ field: 'title', problem: { kind: 'server', message: 'title too long' } });
  });

  it('names no field for other refusals', () => {
    expect(serverFieldProblem(new ParleyError('PARLEY_ERR_PAYLOAD_INVALID', 'bad', { reason: 'body/title' }))).toBeUndefined();
    expect(serverFieldProblem(new ParleyError('PARLEY_ERR_FORBIDDEN_SITE', undefined, { field: 'x' }))).toBeUndefined();
    expect(serverFieldProblem(new TypeError('fetch failed'))).toBeUndefined();
  });
});
