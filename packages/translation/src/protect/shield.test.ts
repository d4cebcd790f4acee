import { describe, expect, it } from 'vitest';
import { shieldText } from './shield.ts';

describe('shieldText', () => {
  it('protects each class and restores it, in every markup', () => {
    const text = 'Bestellung NL-10496, 1Z999AA10123456784, 49,90 € / US$ 12.00, an ana@shop.example, shop.example/returns und www.shop.example. Nordlicht Parka!';
    for (const markup of ['text', 'xml', 'html'] as const) {
      const shielded = shieldText(text, markup, { orderPatterns: [/NL-\d{5}/u], glossary: ['nordlicht parka'] });
      expect(shielded.spans.map((span) => span.kind), markup).toEqual(['order', 'tracking', 'amount', 'amount', 'email', 'url', 'url', 'glossary']);
      for (const span of shielded.spans) expect(shielded.text, markup).not.toContain(span.value);
      expect(shielded.restore(shielded.text), markup).toBe(text);
    }
  });

  it('escapes markup in xml/html and unescapes the answer, without touching restored values', () => {
    const shielded = shieldText('Größe <M> & Farbe für ana@shop.example', 'html');
    expect(shielded.text).toBe('Größe &lt;M&gt; &amp; Farbe für <span translate="no" class="notranslate">0</span>');
    expect(shielded.restore('Size &lt;M&gt; &amp; colour for <span class="notranslate" translate="no"> 0 </span>')).toBe('Size <M> & colour for ana@shop.example');
  });

  it('refuses an answer that lost, doubled or invented a placeholder', () => {
    const shielded = shieldText('Order NL-10496 to shop.example', 'text', { orderPatterns: [/NL-\d{5}/u] });
    expect(shielded.text).toBe('Order ⟦0⟧ to ⟦1⟧');
    expect(shielded.restore('Pedido ⟦0⟧ a')).toBeNull();
    expect(shielded.restore('Pedido ⟦0⟧ ⟦0⟧ a ⟦1⟧')).toBeNull();
    expect(shielded.restore('Pedido ⟦0⟧ a ⟦1⟧ ⟦7⟧')).toBeNull();
    expect(shielded.restore('A ⟦ 1 ⟧, pedido ⟦0⟧')).toBe('A shop.example, pedido NL-10496');
  });

  it('treats a placeholder the shopper typed as text to keep, so restoring stays unambiguous', () => {
    const shielded = shieldText('see ⟦0⟧ please', 'text');
    expect(shielded.spans).toHaveLength(1);
    expect(shielded.restore('mira ⟦0⟧ por favor')).toBe('mira ⟦0⟧ por favor');
  });

  it('sends personal data as a placeholder only', () => {
    const text = 'Call me on 0151 2345678 today';
    const shielded = shieldText(text, 'xml', { personalData: [{ start: 11, end: 23 }] });
    expect(shielded.text).toBe('Call me on <x id="0"/> today');
    expect(shielded.restore('Rufen Sie mich heute unter <x id="0"/> an')).toBe('Rufen Sie mich heute unter 0151 2345678 an');
  });
});

describe('shieldText keeps personal data a word of its own', () => {
  it('puts back the spaces a provider dropped around a personal value', () => {
    const text = 'Llame al +34 612 345 678 o escriba a ana@correo.example por favor';
    const shielded = shieldText(text, 'xml', { personalData: [{ start: 9, end: 24 }] });
    expect(shielded.restore('Call<x id="0"/>or write to<x id="1"/>please')).toBe('Call +34 612 345 678 or write to ana@correo.example please');
  });
});
