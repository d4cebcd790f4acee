import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeAdapterContract, fakeTranslate, startLookalikeServer } from '../testing/index.ts';
import type { LookalikeMode, LookalikeReply, LookalikeServer, RecordedRequest } from '../testing/index.ts';
import { createDeeplProvider } from './deepl.ts';
import { deeplSourceCode, deeplTargetCode } from './language-codes-deepl.ts';

const KEY = '0c9d7a52-look-alike:fx';
// DeepL's documented codes (2025), written out here rather than taken from the adapter, so a wrong table there fails.
const SOURCES = new Set('AR BG CS DA DE EL EN ES ET FI FR HE HU ID IT JA KO LT LV NB NL PL PT RO RU SK SL SV TH TR UK VI ZH'.split(' '));
const TARGETS = new Set('AR BG CS DA DE EL EN-GB EN-US ES ES-419 ET FI FR HE HU ID IT JA KO LT LV NB NL PL PT-BR PT-PT RO RU SK SL SV TH TR UK VI ZH ZH-HANS ZH-HANT'.split(' '));
const FORMALITY_TARGETS = new Set('DE FR IT ES ES-419 NL PL PT-BR PT-PT JA RU'.split(' '));

interface DeeplBody { text?: unknown; source_lang?: string; target_lang?: string; tag_handling?: string; formality?: string }
const bad = (message: string): LookalikeReply => ({ status: 400, json: { message } });

/** DeepL's `/v2/translate`, refusing what the real API refuses, with its status codes and `{ message }` bodies. */
function deepl(mode: () => LookalikeMode) {
  return (request: RecordedRequest): LookalikeReply => {
    if (request.method !== 'POST' || request.path !== '/v2/translate') return { status: 404, json: { message: 'Not found' } };
    if (request.headers.authorization !== `DeepL-Auth-Key ${KEY}`) return { status: 403, json: { message: 'Authorization failure, check auth_key' } };
    let body: DeeplBody;
    try {
      if (!request.headers['content-type']?.startsWith('application/json')) throw new Error('not JSON');
      body = JSON.parse(request.body) as DeeplBody;
    } catch {
      return bad('Invalid request: the body must be JSON with Content-Type: application/json');
    }
    if (!Array.isArray(body.text) || body.text.length !== 1 || typeof body.text[0] !== 'string') return bad("Parameter 'text' not specified.");
    if (!body.target_lang || !TARGETS.has(body.target_lang)) return bad("Value for 'target_lang' not supported.");
    if (body.source_lang !== undefined && !SOURCES.has(body.source_lang)) return bad("Value for 'source_lang' not supported.");
    if (body.tag_handling !== 'xml') return bad("look-alike: tag_handling 'xml' expected, or the <x/> placeholders are translated as text");
    if (body.formality !== undefined && !['default', 'more', 'less', 'prefer_more', 'prefer_less'].includes(body.formality)) return bad("Value for 'formality' not supported.");
    if (body.formality !== undefined && !FORMALITY_TARGETS.has(body.target_lang)) return bad("'formality' is not supported for given 'target_lang'.");
    const current = mode();
    if (current === 'quota_exceeded') return { status: 456, json: { message: 'Quota exceeded' } };
    if (current === 'auth_failed') return { status: 403, json: { message: 'Wrong endpoint. Use https://api.deepl.com' } };
    if (current === 'text_too_long') return { status: 413, json: { message: 'Request Entity Too Large' } };
    if (current === 'unavailable') return { status: 503, json: { message: 'Service Unavailable' } };
    if (current === 'rate_limited_once') return { status: 429, headers: { 'retry-after': '0' }, json: { message: 'Too many requests' } };
    return { status: 200, json: { translations: [{ detected_source_language: body.source_lang ?? 'ES', text: fakeTranslate(body.text[0], 'xml') }] } };
  };
}

describeAdapterContract('DeepL (look-alike)', async () => {
  let mode: LookalikeMode = 'ok';
  const server = await startLookalikeServer(deepl(() => {
    const current = mode;
    if (mode === 'rate_limited_once') mode = 'ok';
    return current;
  }));
  return {
    provider: createDeeplProvider({ key: KEY, url: server.url, http: { baseDelayMs: 1, retries: 2, breakerThreshold: 3 } }),
    server,
    setMode: (next) => { mode = next; },
    pair: { from: 'es-ES', to: 'en-GB' },
    close: () => server.close(),
  };
});

describe('DeepL requests', () => {
  let server: LookalikeServer;
  beforeEach(async () => {
    server = await startLookalikeServer(deepl(() => 'ok'));
  });
  afterEach(() => server.close());
  const sent = () => JSON.parse(server.requests.at(-1)!.body) as DeeplBody;

  it('sends formality for targets that have it, and leaves it out for the others (DeepL would answer 400)', async () => {
    const provider = createDeeplProvider({ key: KEY, url: server.url });
    expect(await provider.translate({ text: 'Hello', from: 'en-US', to: 'ja-JP', formality: 'more' })).toMatchObject({ ok: true, text: 'HELLO' });
    expect(sent()).toMatchObject({ target_lang: 'JA', formality: 'more' });
    expect(await provider.translate({ text: 'Hello', from: 'en-US', to: 'de-DE', formality: 'less' })).toMatchObject({ ok: true });
    expect(sent()).toMatchObject({ target_lang: 'DE', formality: 'less' });
    expect(await provider.translate({ text: 'Hola', from: 'es-ES', to: 'en-GB', formality: 'more' })).toMatchObject({ ok: true });
    expect(sent()).toEqual({ text: ['Hola'], source_lang: 'ES', target_lang: 'EN-GB', tag_handling: 'xml' });
    expect(await provider.translate({ text: 'Hello', from: 'en', to: 'de' })).toMatchObject({ ok: true });
    expect(sent()).not.toHaveProperty('formality');
    const unaware = createDeeplProvider({ key: KEY, url: server.url, formalityAware: false });
    expect(await unaware.translate({ text: 'Hello', from: 'en', to: 'de', formality: 'more' })).toMatchObject({ ok: true });
    expect(sent()).not.toHaveProperty('formality');
  });

  it('maps BCP 47 tags to the codes DeepL accepts', async () => {
    const provider = createDeeplProvider({ key: KEY, url: server.url });
    const cases = [['es-ES', 'pt-BR', 'ES', 'PT-BR'], ['en-GB', 'zh-Hant', 'EN', 'ZH-HANT'], ['zh-Hans', 'en-GB', 'ZH', 'EN-GB'], ['pt-PT', 'en', 'PT', 'EN-US'], ['de', 'pt-PT', 'DE', 'PT-PT'], ['de', 'es-MX', 'DE', 'ES-419'], ['he-IL', 'zh-TW', 'HE', 'ZH-HANT']] as const;
    for (const [from, to, source, target] of cases) {
      expect(await provider.translate({ text: 'x', from, to }), `${from} → ${to}`).toMatchObject({ ok: true });
      expect(sent(), `${from} → ${to}`).toMatchObject({ source_lang: source, target_lang: target });
    }
    expect([deeplTargetCode('pt'), deeplTargetCode('zh'), deeplTargetCode('es-419'), deeplTargetCode('nb-NO'), deeplTargetCode('no')]).toEqual(['PT-BR', 'ZH-HANS', 'ES-419', 'NB', 'NB']);
    expect([deeplSourceCode('iw'), deeplSourceCode('hi-IN'), deeplTargetCode('hi')]).toEqual(['HE', undefined, undefined]);
  });

  it('answers supports() from its table and refuses an unsupported pair without calling DeepL', async () => {
    const provider = createDeeplProvider({ key: KEY, url: server.url });
    expect(await provider.supports('ja', 'de-DE')).toBe(true);
    expect(await provider.supports('vi-VN', 'th-TH')).toBe(true);
    expect(await provider.supports('hi-IN', 'en-US')).toBe(false);
    expect(await provider.supports('en-US', 'en-GB')).toBe(false);
    expect(await provider.translate({ text: 'नमस्ते', from: 'hi-IN', to: 'en-US' })).toMatchObject({ ok: false, failure: { kind: 'unsupported_pair', isRetryable: false } });
    expect(server.requests).toHaveLength(0);
    expect(provider).toMatchObject({ id: 'deepl', markup: 'xml', location: 'eu', maxChars: 30_000 });
  });

  it('has a look-alike that refuses what DeepL refuses, so the contract proves the XML mode', async () => {
    const post = (body: unknown) => fetch(`${server.url}/v2/translate`, { method: 'POST', headers: { authorization: `DeepL-Auth-Key ${KEY}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ text: ['Hola'], target_lang: 'DE' })).status).toBe(400);
    const formal = await post({ text: ['Hola'], target_lang: 'EN-GB', tag_handling: 'xml', formality: 'more' });
    expect([formal.status, await formal.json()]).toEqual([400, { message: "'formality' is not supported for given 'target_lang'." }]);
    expect((await post({ text: ['Hola'], target_lang: 'EN', tag_handling: 'xml' })).status).toBe(400);
    const form = await fetch(`${server.url}/v2/translate`, { method: 'POST', headers: { authorization: `DeepL-Auth-Key ${KEY}` }, body: new URLSearchParams({ text: 'Hola', target_lang: 'DE' }) });
    expect(form.status).toBe(400);
  });

  it('is refused by the look-alike with a wrong key, so the header is what counts', async () => {
    const provider = createDeeplProvider({ key: 'someone-else:fx', url: server.url });
    expect(await provider.translate({ text: 'Hola', from: 'es', to: 'de' })).toMatchObject({ ok: false, failure: { kind: 'auth_failed', status: 403 } });
  });
});

describe('DeepL answers mapped to failures', () => {
  it.each([
    [{ status: 400, json: { message: "Value for 'target_lang' not supported." } }, 'unsupported_pair', 1],
    [{ status: 400, json: { message: "'formality' is not supported for given 'target_lang'." } }, 'bad_response', 1],
    [{ status: 400, json: { message: "Parameter 'text' not specified." } }, 'bad_response', 1],
    [{ status: 403, json: { message: 'Authorization failure, check auth_key' } }, 'auth_failed', 1],
    [{ status: 429, json: { message: 'Too many requests' } }, 'rate_limited', 2],
    [{ status: 529, json: { message: 'Too many requests, DeepL servers are currently experiencing high load' } }, 'unavailable', 2],
    [{ status: 200, json: { translations: [] } }, 'bad_response', 1],
    [{ status: 200, text: '<html>proxy page</html>' }, 'bad_response', 1],
  ] as Array<[LookalikeReply, string, number]>)('%j → %s', async (reply, kind, calls) => {
    const server = await startLookalikeServer(() => reply);
    try {
      const provider = createDeeplProvider({ key: KEY, url: server.url, http: { retries: 1, baseDelayMs: 1 } });
      expect(await provider.translate({ text: 'Hola', from: 'es', to: 'de' })).toMatchObject({ ok: false, failure: { kind, status: reply.status } });
      expect(server.requests).toHaveLength(calls);
    } finally {
      await server.close();
    }
  });
});

describe('DeepL hosts', () => {
  it('sends a free key (`:fx`) to the free host and any other key to the pro host', async () => {
    const urls: string[] = [];
    const headers: Headers[] = [];
    const recording: typeof fetch = async (input, init) => {
      urls.push(String(input));
      headers.push(new Headers(init?.headers));
      return Response.json({ translations: [{ detected_source_language: 'ES', text: 'HALLO' }] });
    };
    const free = createDeeplProvider({ key: 'abc:fx', http: { fetch: recording } });
    const pro = createDeeplProvider({ key: 'abc', http: { fetch: recording } });
    expect(await free.translate({ text: 'Hola', from: 'es', to: 'de' })).toEqual({ ok: true, text: 'HALLO', provider: 'deepl' });
    expect(await pro.translate({ text: 'Hola', from: 'es', to: 'de' })).toMatchObject({ ok: true });
    expect(urls).toEqual(['https://api-free.deepl.com/v2/translate', 'https://api.deepl.com/v2/translate']);
    expect(headers.map((sent) => sent.get('authorization'))).toEqual(['DeepL-Auth-Key abc:fx', 'DeepL-Auth-Key abc']);
  });
});
