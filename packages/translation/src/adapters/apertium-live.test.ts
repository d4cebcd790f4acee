import { describe, expect, inject, it } from 'vitest';
import { shieldText } from '../protect/shield.ts';
import { PROTECTED_SAMPLE, apertiumTarget } from '../testing/index.ts';
import { createApertiumProvider } from './apertium.ts';

const url = apertiumTarget(inject('apertiumUrl'), inject('apertiumSkipReason'));

// Translates for real through Debian's Apertium (apertium-apy with the eng-spa, fr-es, es-pt
// and spa-ita pairs), so what the README says about pairs and quality is what happens.
describe.runIf(url)('Apertium, for real', () => {
  const provider = createApertiumProvider({ url: url! });

  it('translates a Spanish shopper into English and an English agent into Spanish', async () => {
    const toEnglish = await provider.translate({ text: '¿Dónde está mi pedido?', from: 'es-ES', to: 'en-GB' });
    expect(toEnglish).toMatchObject({ ok: true, provider: 'apertium' });
    expect(toEnglish.ok && toEnglish.text).toMatch(/where/i);
    const toSpanish = await provider.translate({ text: 'Your parcel is on its way.', from: 'en-GB', to: 'es-ES' });
    expect(toSpanish.ok && toSpanish.text).toMatch(/paquete/i);
  });

  it('serves the pairs it has, directly or through Spanish, and says which it cannot', async () => {
    for (const [from, to] of [['en', 'es'], ['es', 'en'], ['fr', 'es'], ['es', 'fr'], ['pt-BR', 'es'], ['es', 'pt-BR'], ['it', 'es'], ['es', 'it'], ['en', 'fr'], ['fr', 'en'], ['en', 'pt-BR'], ['pt-BR', 'en'], ['it', 'en'], ['en', 'it'], ['fr', 'pt-PT']] as const) {
      expect(await provider.supports(from, to), `${from} → ${to}`).toBe(true);
    }
    for (const [from, to] of [['ja', 'de'], ['de', 'en'], ['en', 'ja'], ['ar', 'en']] as const) {
      expect(await provider.supports(from, to), `${from} → ${to}`).toBe(false);
    }
    // Italian needs vislcg3 (cg-proc) beside the pair: a listed pair that cannot run would fail here.
    const italian = await provider.translate({ text: 'Dove è il mio ordine?', from: 'it-IT', to: 'en-GB' });
    expect(italian).toMatchObject({ ok: true });
    const pivoted = await provider.translate({ text: 'Thank you for your order', from: 'en', to: 'fr-FR' });
    // Two rule-based hops: modest French ("Grâces pour votre ordre"), but French.
    expect(pivoted.ok && pivoted.text).toMatch(/votre|pour|merci/i);
  });

  it('rewrites a host when unprotected, and keeps every protected class when shielded', async () => {
    const bare = await provider.translate({ text: 'Write to shop.example about it', from: 'en', to: 'es' });
    expect(bare.ok && bare.text).not.toContain('shop.example');
    const start = PROTECTED_SAMPLE.text.indexOf(PROTECTED_SAMPLE.personalValue);
    const shielded = shieldText(PROTECTED_SAMPLE.text, provider.markup, { orderPatterns: PROTECTED_SAMPLE.orderPatterns, glossary: PROTECTED_SAMPLE.glossary, personalData: [{ start, end: start + PROTECTED_SAMPLE.personalValue.length }] });
    for (const to of ['en-GB', 'fr-FR', 'pt-BR']) {
      const result = await provider.translate({ text: shielded.text, from: 'es-ES', to });
      if (!result.ok) throw new Error(`${to}: ${result.failure.kind}`);
      const restored = shielded.restore(result.text);
      expect(restored, to).not.toBeNull();
      for (const survivor of PROTECTED_SAMPLE.survivors) expect(restored, to).toContain(survivor);
    }
  });
});
