import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { shieldText } from '../protect/shield.ts';
import type { TranslationProvider } from '../translator.ts';
import type { LookalikeServer, RecordedRequest } from './lookalike-server.ts';

/**
 * How a look-alike answers from now on, each with the real API's status and error body:
 * `rate_limited_once` answers one 429 (with `Retry-After: 0`) and then translates.
 */
export type LookalikeMode = 'ok' | 'quota_exceeded' | 'auth_failed' | 'text_too_long' | 'unavailable' | 'rate_limited_once';

/** An adapter wired to its look-alike server, fresh for each test. */
export interface AdapterUnderTest {
  /** Built with `http: { baseDelayMs: 1, retries: 2, breakerThreshold: 3 }` so the contract can count calls. */
  provider: TranslationProvider;
  server: LookalikeServer;
  setMode(mode: LookalikeMode): void;
  /** A pair the look-alike serves, as BCP 47 tags. */
  pair: { from: string; to: string };
  /** Which recorded requests are translations (default: all); `supports` may list languages first. */
  isTranslateRequest?: ((request: RecordedRequest) => boolean) | undefined;
  /** The error modes the real API has (default all three): a self-hosted engine has no quota. */
  errorModes?: ReadonlyArray<'quota_exceeded' | 'auth_failed' | 'text_too_long'> | undefined;
  close(): Promise<void>;
}

/** One text with every protected class, and what must survive translation unchanged. */
export const PROTECTED_SAMPLE = {
  text: 'Hola Ana, su pedido NL-10496 (seguimiento 1Z999AA10123456784) de 25,00 € llega pronto. Escriba a ana.lopez@correo.example o vea https://shop.example/orders/NL-10496 y shop.example/returns. Su Parley Lamp Pro está lista. Llame al +34 612 345 678.',
  orderPatterns: [/NL-\d{5}/u],
  glossary: ['Parley Lamp Pro'],
  /** The phone number, as the gateway's masking finds it: only a placeholder may leave. */
  personalValue: '+34 612 345 678',
  survivors: ['NL-10496', '1Z999AA10123456784', '25,00 €', 'ana.lopez@correo.example', 'https://shop.example/orders/NL-10496', 'shop.example/returns', 'Parley Lamp Pro', '+34 612 345 678'],
} as const;

/**
 * The behaviour every adapter shares, run against its look-alike server: it translates, keeps
 * every protected class, never sends personal data, maps the provider's quota, key and length
 * errors, retries a 429, gives up on a provider that stays down, and then stops calling it.
 */
export function describeAdapterContract(name: string, setup: () => Promise<AdapterUnderTest>): void {
  describe(`${name} adapter contract`, () => {
    let under: AdapterUnderTest;
    beforeEach(async () => {
      under = await setup();
    });
    afterEach(async () => {
      await under.close();
    });
    const calls = () => under.server.requests.filter((request) => under.isTranslateRequest?.(request) ?? true);

    it('translates and names itself', async () => {
      const result = await under.provider.translate({ text: 'Hola, mi pedido llega tarde', ...under.pair });
      expect(result).toEqual({ ok: true, text: expect.stringContaining('PEDIDO'), provider: under.provider.id });
      expect(calls()).toHaveLength(1);
      expect(await under.provider.supports(under.pair.from, under.pair.to)).toBe(true);
    });

    it('brings every protected span back unchanged and never sends the personal data', async () => {
      const start = PROTECTED_SAMPLE.text.indexOf(PROTECTED_SAMPLE.personalValue);
      const options = { orderPatterns: PROTECTED_SAMPLE.orderPatterns, glossary: PROTECTED_SAMPLE.glossary, personalData: [{ start, end: start + PROTECTED_SAMPLE.personalValue.length }] };
      const shielded = shieldText(PROTECTED_SAMPLE.text, under.provider.markup, options);
      const result = await under.provider.translate({ text: shielded.text, ...under.pair });
      if (!result.ok) throw new Error(`translation failed: ${result.failure.kind} ${result.failure.message}`);
      const restored = shielded.restore(result.text);
      expect(restored).not.toBeNull();
      for (const survivor of PROTECTED_SAMPLE.survivors) expect(restored).toContain(survivor);
      expect(restored).toContain('PEDIDO');
      const sent = under.server.requests.map((request) => `${request.path}?${request.query.toString()} ${request.body}`).join('\n');
      expect(sent).not.toContain('612');
      expect(decodeURIComponent(sent.replace(/\+/g, ' '))).not.toContain('612 345');
    });

    it('shows what it guards against: unprotected, the same text comes back damaged', async () => {
      const result = await under.provider.translate({ text: 'Vea shop.example y el pedido NL-10496', ...under.pair });
      if (!result.ok) throw new Error(`translation failed: ${result.failure.kind}`);
      expect(result.text).not.toContain('shop.example');
      expect(result.text).not.toContain('NL-10496');
    });

    it('maps the provider\'s quota, key and length errors, without retrying', async () => {
      for (const mode of under.errorModes ?? (['quota_exceeded', 'auth_failed', 'text_too_long'] as const)) {
        const before = calls().length;
        under.setMode(mode);
        const result = await under.provider.translate({ text: 'Hola', ...under.pair });
        expect(result, mode).toMatchObject({ ok: false, failure: { kind: mode, isRetryable: false } });
        expect(calls().length - before, mode).toBe(1);
      }
    });

    it('retries a 429 and then translates', async () => {
      under.setMode('rate_limited_once');
      const result = await under.provider.translate({ text: 'Hola', ...under.pair });
      expect(result).toMatchObject({ ok: true, text: 'HOLA' });
      expect(calls()).toHaveLength(2);
    });

    it('gives up on a provider that stays down, then stops calling it (circuit open)', async () => {
      under.setMode('unavailable');
      const first = await under.provider.translate({ text: 'Hola', ...under.pair });
      expect(first).toMatchObject({ ok: false, failure: { kind: 'unavailable', isRetryable: true } });
      expect(calls()).toHaveLength(3);
      await under.provider.translate({ text: 'Hola', ...under.pair });
      await under.provider.translate({ text: 'Hola', ...under.pair });
      const before = calls().length;
      const blocked = await under.provider.translate({ text: 'Hola', ...under.pair });
      expect(blocked).toMatchObject({ ok: false, failure: { kind: 'circuit_open' } });
      expect(calls()).toHaveLength(before);
    });

    it('refuses a text longer than the provider takes without calling it', async () => {
      const result = await under.provider.translate({ text: 'a'.repeat(under.provider.maxChars + 1), ...under.pair });
      expect(result).toMatchObject({ ok: false, failure: { kind: 'text_too_long' } });
      expect(calls()).toHaveLength(0);
    });
  });
}
