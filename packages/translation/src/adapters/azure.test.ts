import { describe, expect, it } from 'vitest';
import { describeAdapterContract, fakeTranslate, startLookalikeServer } from '../testing/index.ts';
import type { LookalikeMode, LookalikeReply, RecordedRequest } from '../testing/index.ts';
import { azureLanguage } from './azure-languages.ts';
import { azureLocation, createAzureProvider } from './azure.ts';

const KEY = 'azure-test-key';
const FAST = { baseDelayMs: 1, retries: 2, breakerThreshold: 3 };
/** What this look-alike translates between; Thai (a real Azure language) is refused, to test 400036. */
const SERVED = ['es', 'en', 'fr', 'de', 'pt', 'pt-pt', 'zh-Hans', 'zh-Hant', 'he', 'ja'];

const azureError = (status: number, code: number, message: string, headers: Record<string, string> = {}): LookalikeReply => ({ status, headers, json: { error: { code, message } } });

/** Azure Translator v3 `/translate`: checks what Azure checks and answers with its shapes. */
function azure(mode: () => LookalikeMode, expected: { region?: string } = {}) {
  return (request: RecordedRequest): LookalikeReply => {
    if (request.path !== '/translate' || request.method !== 'POST') return azureError(404, 404001, 'The requested resource was not found.');
    if (request.query.get('api-version') !== '3.0') return azureError(400, 400021, 'The API version parameter is missing or invalid.');
    if (request.headers['ocp-apim-subscription-key'] !== KEY) return azureError(401, 401000, 'The request is not authorized because credentials are missing or invalid.');
    if (expected.region && request.headers['ocp-apim-subscription-region'] !== expected.region) return azureError(401, 401000, 'The request is not authorized because credentials are missing or invalid.');
    if (request.query.get('textType') !== 'html') return azureError(400, 400000, 'look-alike: textType=html expected, or the protected spans would be translated');
    if (!String(request.headers['content-type']).startsWith('application/json')) return azureError(415, 415000, 'The Content-Type header is missing or invalid.');
    let items: unknown;
    try {
      items = JSON.parse(request.body);
    } catch {
      return azureError(400, 400074, 'The body of the request is not valid JSON.');
    }
    const isShape = Array.isArray(items) && items.length === 1 && Object.keys(items[0] as object).join() === 'Text' && typeof (items[0] as { Text: unknown }).Text === 'string';
    if (!isShape) return azureError(400, 400074, 'look-alike: the body must be [{ "Text": "..." }]');
    const [from, to] = [request.query.get('from'), request.query.get('to')];
    if (!from || !SERVED.includes(from)) return azureError(400, 400035, 'The source language is not valid.');
    if (!to || !SERVED.includes(to)) return azureError(400, 400036, 'The target language is not valid.');
    const current = mode();
    if (current === 'quota_exceeded') return azureError(403, 403001, 'The operation is not allowed because the subscription has exceeded its free quota.');
    if (current === 'auth_failed') return azureError(401, 401000, 'The request is not authorized because credentials are missing or invalid.');
    if (current === 'text_too_long') return azureError(400, 400050, 'The input text is too long.');
    if (current === 'unavailable') return azureError(503, 503000, 'The service is temporarily unavailable. Please retry.');
    if (current === 'rate_limited_once') return azureError(429, 429001, 'The server rejected the request because the client has exceeded request limits.', { 'retry-after': '0' });
    const text = fakeTranslate((items as Array<{ Text: string }>)[0]!.Text, 'html');
    return { status: 200, json: [{ translations: [{ text, to }] }] };
  };
}

function oneShotMode() {
  let mode: LookalikeMode = 'ok';
  return {
    get: () => {
      const current = mode;
      if (mode === 'rate_limited_once') mode = 'ok';
      return current;
    },
    set: (next: LookalikeMode) => { mode = next; },
  };
}

describeAdapterContract('Azure Translator (look-alike)', async () => {
  const mode = oneShotMode();
  const server = await startLookalikeServer(azure(mode.get, { region: 'westeurope' }));
  return {
    provider: createAzureProvider({ key: KEY, region: 'westeurope', endpoint: server.url, http: FAST }),
    server,
    setMode: mode.set,
    pair: { from: 'es-ES', to: 'en-GB' },
    close: () => server.close(),
  };
});

describe('Azure Translator requests', () => {
  it('sends the documented request: path, query, key and region headers, [{ Text }] body', async () => {
    const server = await startLookalikeServer(azure(() => 'ok', { region: 'westeurope' }));
    try {
      const provider = createAzureProvider({ key: KEY, region: 'westeurope', endpoint: `${server.url}/` });
      expect(await provider.translate({ text: 'Hola &amp; <span translate="no" class="notranslate">0</span>', from: 'es-ES', to: 'zh-Hant' })).toEqual({ ok: true, text: 'HOLA &amp; <span translate="no" class="notranslate">0</span>', provider: 'azure' });
      const [sent] = server.requests;
      expect(sent).toMatchObject({ method: 'POST', path: '/translate' });
      expect(Object.fromEntries(sent!.query)).toEqual({ 'api-version': '3.0', from: 'es', to: 'zh-Hant', textType: 'html' });
      expect(sent!.headers).toMatchObject({ 'ocp-apim-subscription-key': KEY, 'ocp-apim-subscription-region': 'westeurope', 'content-type': 'application/json; charset=UTF-8' });
      expect(JSON.parse(sent!.body)).toEqual([{ Text: 'Hola &amp; <span translate="no" class="notranslate">0</span>' }]);
    } finally {
      await server.close();
    }
  });

  it('leaves the region header out when none is configured, which a regional resource refuses', async () => {
    const server = await startLookalikeServer(azure(() => 'ok', { region: 'westeurope' }));
    try {
      const provider = createAzureProvider({ key: KEY, endpoint: server.url });
      expect(await provider.translate({ text: 'Hola', from: 'es', to: 'en' })).toMatchObject({ ok: false, failure: { kind: 'auth_failed', status: 401, isRetryable: false } });
      expect(server.requests[0]!.headers).not.toHaveProperty('ocp-apim-subscription-region');
    } finally {
      await server.close();
    }
  });

  it('maps an invalid target (400036), a persistent 429 and an odd 200 body', async () => {
    let reply: LookalikeReply | undefined;
    const lookalike = azure(() => 'ok');
    const server = await startLookalikeServer((request) => reply ?? lookalike(request));
    try {
      const provider = createAzureProvider({ key: KEY, endpoint: server.url, http: { baseDelayMs: 1, retries: 1 } });
      expect(await provider.translate({ text: 'Hola', from: 'es', to: 'th-TH' })).toMatchObject({ ok: false, failure: { kind: 'unsupported_pair', status: 400, message: expect.stringContaining('400036') } });
      reply = azureError(429, 429000, 'Too many requests.');
      expect(await provider.translate({ text: 'Hola', from: 'es', to: 'en' })).toMatchObject({ ok: false, failure: { kind: 'rate_limited', isRetryable: true } });
      reply = { status: 200, json: { translations: [] } };
      expect(await provider.translate({ text: 'Hola', from: 'es', to: 'en' })).toMatchObject({ ok: false, failure: { kind: 'bad_response' } });
      reply = { status: 401, text: '' };
      expect(await provider.translate({ text: 'Hola', from: 'es', to: 'en' })).toMatchObject({ ok: false, failure: { kind: 'auth_failed' } });
    } finally {
      await server.close();
    }
  });

  it('refuses a language it has no code for without calling Azure', async () => {
    const server = await startLookalikeServer(azure(() => 'ok'));
    try {
      const provider = createAzureProvider({ key: KEY, endpoint: server.url });
      expect(await provider.translate({ text: 'Hola', from: 'es', to: 'tlh' })).toMatchObject({ ok: false, failure: { kind: 'unsupported_pair' } });
      expect(await provider.supports('es', 'tlh')).toBe(false);
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});

describe('Azure Translator codes and residency', () => {
  it('maps every Parley locale to Azure\'s code', async () => {
    const expected = { 'ar-SA': 'ar', 'de-DE': 'de', 'en-GB': 'en', 'en-US': 'en', 'es-ES': 'es', 'es-MX': 'es', 'fr-FR': 'fr', 'he-IL': 'he', 'hi-IN': 'hi', 'id-ID': 'id', 'it-IT': 'it', 'ja-JP': 'ja', 'ko-KR': 'ko', 'nl-NL': 'nl', 'pl-PL': 'pl', 'pt-BR': 'pt', 'pt-PT': 'pt-pt', 'ru-RU': 'ru', 'th-TH': 'th', 'tr-TR': 'tr', 'vi-VN': 'vi', 'zh-Hans': 'zh-Hans', 'zh-Hant': 'zh-Hant' };
    expect(Object.fromEntries(Object.keys(expected).map((tag) => [tag, azureLanguage(tag)]))).toEqual(expected);
    expect([azureLanguage('zh-TW'), azureLanguage('zh-CN'), azureLanguage('fr-CA'), azureLanguage('sr-Latn-RS'), azureLanguage('xx')]).toEqual(['zh-Hant', 'zh-Hans', 'fr-ca', 'sr-Latn', undefined]);
    const provider = createAzureProvider({ key: KEY });
    for (const tag of Object.keys(expected)) expect(await provider.supports('en-GB', tag), tag).toBe(true);
  });

  it('derives where the text is processed from the endpoint host', () => {
    expect(azureLocation('https://api-eur.cognitive.microsofttranslator.com')).toBe('eu');
    expect(azureLocation('https://api-nam.cognitive.microsofttranslator.com/')).toBe('us');
    expect(azureLocation('https://api-apc.cognitive.microsofttranslator.com')).toBe('global');
    expect(azureLocation('https://api.cognitive.microsofttranslator.com')).toBe('global');
    expect(createAzureProvider({ key: KEY }).location).toBe('global');
    expect(createAzureProvider({ key: KEY, endpoint: 'https://api-eur.cognitive.microsofttranslator.com' }).location).toBe('eu');
  });
});
