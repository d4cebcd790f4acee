import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.ts';
import { SHORT_MESSAGES, UNDECIDABLE_MESSAGES } from './short-messages.fixture.ts';

describe('detectLanguage', () => {
  it('is right on at least 97% of short shopper messages, and never confidently wrong', () => {
    const cases = Object.entries(SHORT_MESSAGES).flatMap(([lang, messages]) => messages.map((text) => ({ lang, text })));
    const results = cases.map(({ lang, text }) => ({ lang, text, detection: detectLanguage(text) }));
    const correct = results.filter((r) => r.detection.isReliable && r.detection.lang === r.lang);
    const confidentlyWrong = results.filter((r) => r.detection.isReliable && r.detection.lang !== r.lang);
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(correct.length / cases.length).toBeGreaterThanOrEqual(0.97);
    expect(confidentlyWrong.map((r) => `${r.lang}: ${r.text} → ${r.detection.lang}`)).toEqual([]);
  });

  it.each(UNDECIDABLE_MESSAGES)('never claims to know from %j', (text) => {
    expect(detectLanguage(text).isReliable).toBe(false);
  });

  it('answers the examples from the issue', () => {
    expect(detectLanguage('Meine Bestellung ist verschwunden')).toMatchObject({ lang: 'de', isReliable: true });
    expect(detectLanguage('ok')).toEqual({ lang: 'und', confidence: 0, isReliable: false });
    expect(detectLanguage('thanks')).toMatchObject({ lang: 'und', isReliable: false });
  });

  it('decides non-Latin scripts by script, and Chinese variants by characters', () => {
    expect(detectLanguage('配送状況を教えてください').lang).toBe('ja');
    expect(detectLanguage('배송 조회가 안 돼요').lang).toBe('ko');
    expect(detectLanguage('这个订单还没发货').lang).toBe('zh-Hans');
    expect(detectLanguage('這個訂單還沒發貨').lang).toBe('zh-Hant');
    expect(detectLanguage('你好你好朋友').lang).toBe('zh'); // no character tells the scripts apart
  });

  it('reads Indonesian as Indonesian although the statistical detector only knows Malay', () => {
    expect(detectLanguage('halo kak, paket saya kok belum datang ya')).toMatchObject({ lang: 'id', isReliable: true });
  });

  it('ignores order numbers, emails and links', () => {
    expect(detectLanguage('#A-88231 ORD-991 https://shop.example/track?id=1 me@example.com').isReliable).toBe(false);
  });

  it('ends an email or link at the first non-ASCII letter: CJK text around it still counts', () => {
    expect(detectLanguage('担当者が戻り次第、ana@example.com宛にご連絡いたします。')).toMatchObject({ lang: 'ja', isReliable: true });
    expect(detectLanguage('请把发票发到ana@example.com，谢谢您的帮助')).toMatchObject({ lang: 'zh-Hans', isReliable: true });
    expect(detectLanguage('詳しくはhttps://shop.example/faqをご覧ください')).toMatchObject({ lang: 'ja', isReliable: true });
  });
});
