import { describe, expect, it } from 'vitest';
import { describeAdapterContract, fakeTranslate, startLookalikeServer } from '../testing/index.ts';
import type { LookalikeMode, LookalikeReply, RecordedRequest } from '../testing/index.ts';
import { libreLanguage } from './libretranslate-languages.ts';
import type { LibreLanguage } from './libretranslate-languages.ts';
import { createLibreTranslateProvider } from './libretranslate.ts';

const FAST = { baseDelayMs: 1, retries: 2, breakerThreshold: 3 };
const everyOther = (codes: string[]) => codes.map((code) => ({ code, name: code, targets: codes.filter((other) => other !== code) }));
/** An older release: `zh` and `zt` for the two Chinese scripts, one `pt`. */
const CLASSIC = everyOther(['en', 'es', 'fr', 'de', 'pt', 'zh', 'zt', 'ja']);
/** A newer one: script subtags, and Brazilian Portuguese apart. */
const CURRENT = everyOther(['en', 'es', 'pt', 'pt-BR', 'zh-Hans', 'zh-Hant']);

interface Server { languages?: LibreLanguage[]; apiKey?: string; charLimit?: number }

/** LibreTranslate's `/languages` and `/translate`, with its `{ error }` answers. */
function libre(mode: () => LookalikeMode, server: Server = {}) {
  const languages = server.languages ?? CLASSIC;
  return (request: RecordedRequest): LookalikeReply => {
    if (request.method === 'GET' && request.path === '/languages') return { status: 200, json: languages };
    if (request.method !== 'POST' || request.path !== '/translate') return { status: 404, json: { error: 'Not Found' } };
    if (!String(request.headers['content-type']).startsWith('application/json')) return { status: 400, json: { error: 'look-alike: a JSON body expected' } };
    const input = JSON.parse(request.body) as { q?: unknown; source?: unknown; target?: unknown; format?: unknown; api_key?: unknown };
    if (typeof input.q !== 'string') return { status: 400, json: { error: "Invalid request: missing q parameter" } };
    if (server.apiKey !== undefined && input.api_key === undefined) return { status: 400, json: { error: 'Visit https://portal.libretranslate.com to get an API key' } };
    if (server.apiKey !== undefined && input.api_key !== server.apiKey) return { status: 403, json: { error: 'Invalid API key' } };
    if (input.format !== 'html') return { status: 400, json: { error: 'look-alike: format "html" expected, or the protected spans would be translated' } };
    const source = languages.find((language) => language.code === input.source);
    if (!source) return { status: 400, json: { error: `${String(input.source)} is not supported` } };
    if (!source.targets.includes(String(input.target))) return { status: 400, json: { error: `${String(input.target)} is not supported` } };
    const limit = server.charLimit ?? 5_000;
    if (input.q.length > limit) return { status: 400, json: { error: `Invalid request: request (${input.q.length}) exceeds text limit (${limit})` } };
    const current = mode();
    if (current === 'auth_failed') return { status: 403, json: { error: 'Invalid API key' } };
    if (current === 'text_too_long') return { status: 400, json: { error: `Invalid request: request (${input.q.length}) exceeds text limit (2)` } };
    if (current === 'unavailable') return { status: 500, json: { error: 'Cannot translate text: model failed to load' } };
    if (current === 'rate_limited_once') return { status: 429, headers: { 'retry-after': '0' }, json: { error: 'Too many requests: 30 per 1 minute' } };
    return { status: 200, json: { translatedText: fakeTranslate(input.q, 'html') } };
  };
}

describeAdapterContract('LibreTranslate (look-alike)', async () => {
  let mode: LookalikeMode = 'ok';
  const server = await startLookalikeServer(libre(() => {
    const current = mode;
    if (mode === 'rate_limited_once') mode = 'ok';
    return current;
  }));
  return {
    provider: createLibreTranslateProvider({ url: server.url, http: FAST }),
    server,
    setMode: (next) => { mode = next; },
    pair: { from: 'es-ES', to: 'en-GB' },
    isTranslateRequest: (request) => request.path === '/translate',
    errorModes: ['auth_failed', 'text_too_long'],
    close: () => server.close(),
  };
});

async function withServer(server: Server, test: (url: string, requests: RecordedRequest[]) => Promise<void>, handler = libre(() => 'ok', server)) {
  const lookalike = await startLookalikeServer(handler);
  try {
    await test(lookalike.url, lookalike.requests);
  } finally {
    await lookalike.close();
  }
}
const translations = (requests: RecordedRequest[]) => requests.filter((request) => request.path === '/translate').map((request) => JSON.parse(request.body) as Record<string, unknown>);

describe('LibreTranslate requests', () => {
  it('sends q, source, target, format html and the key, and asks /languages once', () => withServer({ apiKey: 'k-123' }, async (url, requests) => {
    const provider = createLibreTranslateProvider({ url: `${url}/`, apiKey: 'k-123' });
    expect(await provider.translate({ text: 'Hola &amp; <span translate="no" class="notranslate">0</span>', from: 'es-MX', to: 'zh-Hant' })).toEqual({ ok: true, text: 'HOLA &amp; <span translate="no" class="notranslate">0</span>', provider: 'libretranslate' });
    expect(await provider.translate({ text: 'Hola', from: 'es', to: 'pt-BR' })).toMatchObject({ ok: true });
    expect(translations(requests)).toEqual([
      { q: 'Hola &amp; <span translate="no" class="notranslate">0</span>', source: 'es', target: 'zt', format: 'html', api_key: 'k-123' },
      { q: 'Hola', source: 'es', target: 'pt', format: 'html', api_key: 'k-123' },
    ]);
    expect(requests.filter((request) => request.path === '/languages')).toHaveLength(1);
  }));

  it('uses the newer codes when the server lists them', () => withServer({ languages: CURRENT }, async (url, requests) => {
    const provider = createLibreTranslateProvider({ url });
    for (const to of ['zh-Hans', 'zh-Hant', 'pt-BR', 'pt-PT']) expect(await provider.translate({ text: 'Hola', from: 'es', to }), to).toMatchObject({ ok: true });
    expect(translations(requests).map((body) => body.target)).toEqual(['zh-Hans', 'zh-Hant', 'pt-BR', 'pt']);
    expect(translations(requests)[0]).not.toHaveProperty('api_key');
  }));

  it('answers supports() from /languages and refuses a pair it lacks without translating', () => withServer({}, async (url, requests) => {
    const provider = createLibreTranslateProvider({ url });
    expect(await provider.supports('es-ES', 'ja-JP')).toBe(true);
    expect(await provider.supports('es-ES', 'ko-KR')).toBe(false);
    expect(await provider.translate({ text: 'Hola', from: 'es', to: 'ko' })).toMatchObject({ ok: false, failure: { kind: 'unsupported_pair' } });
    expect(translations(requests)).toHaveLength(0);
  }));

  it('maps a missing key, a server limit below ours, a ban and an odd 200 body', async () => {
    let reply: LookalikeReply | undefined;
    const lookalike = libre(() => 'ok', { apiKey: 'k-123', charLimit: 10 });
    await withServer({}, async (url) => {
      const provider = createLibreTranslateProvider({ url, http: { retries: 0 } });
      expect(await provider.translate({ text: 'Hola', from: 'es', to: 'en' })).toMatchObject({ ok: false, failure: { kind: 'auth_failed', status: 400 } });
      const keyed = createLibreTranslateProvider({ url, apiKey: 'k-123', http: { retries: 0 } });
      expect(await keyed.translate({ text: 'Hola, ¿qué tal?', from: 'es', to: 'en' })).toMatchObject({ ok: false, failure: { kind: 'text_too_long', isRetryable: false } });
      reply = { status: 403, json: { error: 'Too many request limits violations' } };
      expect(await keyed.translate({ text: 'Hola', from: 'es', to: 'en' })).toMatchObject({ ok: false, failure: { kind: 'rate_limited', isRetryable: true } });
      reply = { status: 200, json: { translated: 'HOLA' } };
      expect(await keyed.translate({ text: 'Hola', from: 'es', to: 'en' })).toMatchObject({ ok: false, failure: { kind: 'bad_response' } });
    }, (request) => (reply && request.path === '/translate' ? reply : lookalike(request)));
  });

  it('still translates with the usual codes while /languages does not answer', async () => {
    const lookalike = libre(() => 'ok');
    await withServer({}, async (url, requests) => {
      const provider = createLibreTranslateProvider({ url, charLimit: 2_000, http: { retries: 0 } });
      expect(provider.maxChars).toBe(2_000);
      expect(await provider.translate({ text: 'Hola', from: 'es', to: 'zh-Hans' })).toMatchObject({ ok: true });
      expect(translations(requests)[0]).toMatchObject({ source: 'es', target: 'zh' });
      expect(await provider.supports('es', 'en')).toBe(false);
    }, (request) => (request.path === '/languages' ? { status: 502, text: 'Bad Gateway' } : lookalike(request)));
  });
});

describe('LibreTranslate codes', () => {
  it('picks the server\'s spelling for every Parley locale it lists', () => {
    const list = everyOther(['ar', 'de', 'en', 'es', 'fr', 'he', 'hi', 'id', 'it', 'ja', 'ko', 'nl', 'pl', 'pt', 'ru', 'th', 'tr', 'vi', 'zh', 'zt']);
    const tags = ['ar-SA', 'de-DE', 'en-GB', 'en-US', 'es-ES', 'es-MX', 'fr-FR', 'he-IL', 'hi-IN', 'id-ID', 'it-IT', 'ja-JP', 'ko-KR', 'nl-NL', 'pl-PL', 'pt-BR', 'pt-PT', 'ru-RU', 'th-TH', 'tr-TR', 'vi-VN', 'zh-Hans', 'zh-Hant'];
    expect(tags.map((tag) => libreLanguage(tag, list))).toEqual(['ar', 'de', 'en', 'en', 'es', 'es', 'fr', 'he', 'hi', 'id', 'it', 'ja', 'ko', 'nl', 'pl', 'pt', 'pt', 'ru', 'th', 'tr', 'vi', 'zh', 'zt']);
    expect(libreLanguage('zh-Hant', everyOther(['en', 'zh']))).toBeUndefined();
    expect(libreLanguage('pt-BR', everyOther(['pb', 'pt']))).toBe('pb');
    expect([libreLanguage('zh-TW', null), libreLanguage('zh-Hans', null), libreLanguage('pt-BR', null)]).toEqual(['zt', 'zh', 'pt']);
  });
});
