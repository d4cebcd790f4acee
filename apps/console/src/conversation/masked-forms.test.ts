import { describe, expect, it } from 'vitest';
// The gateway's own masking, so this console reads exactly what the gateway writes.
import { maskText } from '../../../gateway/src/features/privacy/masking.ts';
import { splitMasked } from './timeline-logic.ts';

const SAMPLES: Array<{ text: string; defaultCountry?: string }> = [
  { text: 'Bestellung NL-10492, ruft mich an: +49 30 12345678 oder anna.schmidt@example.com', defaultCountry: 'DE' },
  { text: 'يمكنك الاتصال بي على +971 50 123 4567 أو مراسلتي على fatima.alharbi@example.com', defaultCountry: 'AE' },
  { text: 'Me cobraron dos veces en la tarjeta 4111 1111 1111 1111, ¿pueden devolverme uno?', defaultCountry: 'ES' },
  { text: 'Bitte auf DE89 3704 0044 0532 0130 00 überweisen; Rückfragen an 0151 12345678.', defaultCountry: 'DE' },
  { text: 'メールはhanako@example.jpです。電話は090-1234-5678', defaultCountry: 'JP' },
];

describe('masked values as the real gateway masks them', () => {
  it.each(SAMPLES)('finds every masked span whole, in the order pii:reveal counts them: $text', ({ text, defaultCountry }) => {
    const { text: masked, spans } = maskText(text, defaultCountry ? { defaultCountry } : {});
    expect(spans.length).toBeGreaterThan(0);
    const found = splitMasked(masked).filter((part) => part.maskIndex !== undefined);
    expect(found.map((part) => part.text)).toEqual(spans.map((span) => span.masked));
    expect(found.map((part) => part.maskIndex)).toEqual(spans.map((_, index) => index));
  });
});
