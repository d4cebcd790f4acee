import { describe, expect, it } from 'vitest';
import { describeAdapterContract, fakeTranslate, startLookalikeServer } from '../testing/index.ts';
import type { LookalikeMode, LookalikeReply, RecordedRequest } from '../testing/index.ts';
import { createApertiumProvider } from './apertium.ts';

const PAIRS = [['spa', 'eng'], ['eng', 'spa'], ['fra', 'spa'], ['spa', 'fra'], ['por', 'spa'], ['spa', 'por'], ['spa', 'por_BR']];

/** APy's answers: `/listPairs`, and `/translate` with its success and error envelopes. */
function apy(mode: () => LookalikeMode) {
  return (request: RecordedRequest): LookalikeReply => {
    if (request.path === '/listPairs') return { status: 200, json: { responseData: PAIRS.map(([sourceLanguage, targetLanguage]) => ({ sourceLanguage, targetLanguage })), responseDetails: null, responseStatus: 200 } };
    if (request.path !== '/translate' || request.method !== 'GET') return { status: 404, json: { status: 'error', code: 404, message: 'Not Found', explanation: 'Not Found' } };
    const [langpair, q] = [request.query.get('langpair'), request.query.get('q')];
    if (!langpair || q === null) return { status: 400, json: { status: 'error', code: 400, message: 'Bad Request', explanation: 'Missing q or langpair' } };
    if (!PAIRS.some((pair) => pair.join('|') === langpair)) return { status: 400, json: { status: 'error', code: 400, message: 'Bad Request', explanation: 'That pair is not installed' } };
    if (request.query.get('markUnknown') !== 'no') return { status: 400, json: { status: 'error', code: 400, message: 'test', explanation: 'markUnknown=no expected: unknown words would come back starred' } };
    const current = mode();
    if (current === 'unavailable') return { status: 503, json: { status: 'error', code: 503, message: 'Service Unavailable', explanation: 'Service Unavailable' } };
    if (current === 'rate_limited_once') return { status: 429, headers: { 'retry-after': '0' }, json: { status: 'error', code: 429, message: 'Too Many Requests', explanation: 'Too Many Requests' } };
    return { status: 200, json: { responseData: { translatedText: fakeTranslate(q, 'text') }, responseDetails: null, responseStatus: 200 } };
  };
}

describeAdapterContract('Apertium (APy look-alike)', async () => {
  let mode: LookalikeMode = 'ok';
  const server = await startLookalikeServer(apy(() => {
    const current = mode;
    if (mode === 'rate_limited_once') mode = 'ok';
    return current;
  }));
  return {
    provider: createApertiumProvider({ url: server.url, http: { baseDelayMs: 1, retries: 2, breakerThreshold: 3 } }),
    server,
    setMode: (next) => { mode = next; },
    pair: { from: 'es-ES', to: 'en-GB' },
    isTranslateRequest: (request) => request.path === '/translate',
    errorModes: [],
    close: () => server.close(),
  };
});

describe('Apertium routing', () => {
  it('goes through Spanish for a pair it lacks, and picks the regional variant it has', async () => {
    const server = await startLookalikeServer(apy(() => 'ok'));
    try {
      const provider = createApertiumProvider({ url: server.url });
      expect(await provider.supports('en', 'fr-FR')).toBe(true);
      expect(await provider.translate({ text: 'Hello', from: 'en-GB', to: 'fr-FR' })).toMatchObject({ ok: true });
      expect(await provider.translate({ text: 'Hola', from: 'es-ES', to: 'pt-BR' })).toMatchObject({ ok: true });
      const pairs = server.requests.filter((request) => request.path === '/translate').map((request) => request.query.get('langpair'));
      expect(pairs).toEqual(['eng|spa', 'spa|fra', 'spa|por_BR']);
      expect(await provider.supports('ja', 'de')).toBe(false);
      expect(await provider.translate({ text: 'こんにちは', from: 'ja', to: 'de' })).toMatchObject({ ok: false, failure: { kind: 'unsupported_pair' } });
    } finally {
      await server.close();
    }
  });
});

describe('Apertium breakers', () => {
  it('keeps one breaker per pair: a broken pair does not stop the others', async () => {
    const server = await startLookalikeServer((request) => {
      if (request.query.get('langpair') === 'spa|fra') return { status: 500, json: { status: 'error', code: 500, message: 'Internal Server Error', explanation: 'Internal Server Error' } };
      return apy(() => 'ok')(request);
    });
    try {
      const provider = createApertiumProvider({ url: server.url, http: { baseDelayMs: 1, retries: 0, breakerThreshold: 2 } });
      for (let i = 0; i < 4; i++) await provider.translate({ text: 'Hola', from: 'es', to: 'fr' });
      expect(await provider.translate({ text: 'Hola', from: 'es', to: 'fr' })).toMatchObject({ ok: false, failure: { kind: 'circuit_open' } });
      expect(await provider.translate({ text: 'Hola', from: 'es', to: 'en' })).toMatchObject({ ok: true, text: 'HOLA' });
    } finally {
      await server.close();
    }
  });
});
