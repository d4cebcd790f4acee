import { describe, expect, it } from 'vitest';
import { describeAdapterContract, fakeTranslate, startLookalikeServer } from '../testing/index.ts';
import type { LookalikeMode, LookalikeReply, RecordedRequest } from '../testing/index.ts';
import { createGoogleProvider } from './google.ts';

const PROJECT = 'parley-look-alike';
const TOKEN = 'ya29.look-alike-token';
const API_KEY = 'AIzaLookAlikeKey';
const V3_PATH = `/v3/projects/${PROJECT}/locations/global:translateText`;
// Google's codes for Parley's locales, written out here rather than taken from the adapter.
const CODES = new Set(['en', 'de', 'fr', 'es', 'pt', 'pt-PT', 'it', 'nl', 'pl', 'tr', 'ru', 'ar', 'he', 'iw', 'hi', 'ja', 'ko', 'zh-CN', 'zh-TW', 'th', 'vi', 'id']);
const PARLEY_LOCALES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'es-MX', 'pt-BR', 'pt-PT', 'it-IT', 'nl-NL', 'pl-PL', 'tr-TR', 'ru-RU', 'ar-SA', 'he-IL', 'hi-IN', 'ja-JP', 'ko-KR', 'zh-Hans', 'zh-Hant', 'th-TH', 'vi-VN', 'id-ID'];

/** Google's error envelope. */
const googleError = (code: number, message: string, extra: Record<string, unknown> = {}): LookalikeReply => ({ status: code, json: { error: { code, message, ...extra } } });
const invalid = (message: string) => googleError(400, message, { status: 'INVALID_ARGUMENT' });

/** The JSON body, if it is JSON sent as JSON and carries only the fields the method knows. */
function jsonBody(request: RecordedRequest, fields: string[]): Record<string, unknown> | LookalikeReply {
  if (!request.headers['content-type']?.startsWith('application/json')) return invalid('Invalid JSON payload received.');
  try {
    const body = JSON.parse(request.body) as Record<string, unknown>;
    const unknown = Object.keys(body).find((name) => !fields.includes(name));
    return unknown ? invalid(`Invalid JSON payload received. Unknown name "${unknown}": Cannot find field.`) : body;
  } catch {
    return invalid('Invalid JSON payload received.');
  }
}
const isReply = (value: unknown): value is LookalikeReply => typeof value === 'object' && value !== null && 'status' in value && typeof (value as { status: unknown }).status === 'number';
const oneText = (value: unknown): value is [string] => Array.isArray(value) && value.length === 1 && typeof value[0] === 'string';

/** Cloud Translation v3 `translateText`, with Bearer auth and the error envelope's `status` names. */
function v3(mode: () => LookalikeMode) {
  return (request: RecordedRequest): LookalikeReply => {
    if (request.method !== 'POST' || request.path !== V3_PATH) return googleError(404, 'Method not found.', { status: 'NOT_FOUND' });
    if (request.headers.authorization !== `Bearer ${TOKEN}`) return googleError(401, 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.', { status: 'UNAUTHENTICATED' });
    const body = jsonBody(request, ['contents', 'mimeType', 'sourceLanguageCode', 'targetLanguageCode', 'model', 'labels']);
    if (isReply(body)) return body;
    if (!oneText(body.contents)) return invalid('Empty contents.');
    if (body.mimeType !== 'text/html') return invalid("look-alike: mimeType 'text/html' expected, or the notranslate spans are translated as text");
    if (!CODES.has(String(body.targetLanguageCode))) return invalid('Target language is invalid.');
    if (body.sourceLanguageCode !== undefined && !CODES.has(String(body.sourceLanguageCode))) return invalid('Source language is invalid.');
    const current = mode();
    const quota = (per: string) => `Quota exceeded for quota metric 'v3 general model characters' and limit 'v3 general model characters per ${per}' of service 'translate.googleapis.com' for consumer 'project_number:1234'.`;
    // The real daily cap may come as 429 (which the http layer retries first); 403 keeps the contract's one call.
    if (current === 'quota_exceeded') return googleError(403, quota('day'), { status: 'RESOURCE_EXHAUSTED' });
    if (current === 'auth_failed') return googleError(403, `Cloud Translation API has not been used in project ${PROJECT} before or it is disabled.`, { status: 'PERMISSION_DENIED' });
    if (current === 'text_too_long') return invalid('Text is too long.');
    if (current === 'unavailable') return googleError(503, 'The service is currently unavailable.', { status: 'UNAVAILABLE' });
    if (current === 'rate_limited_once') return { ...googleError(429, quota('minute'), { status: 'RESOURCE_EXHAUSTED' }), headers: { 'retry-after': '0' } };
    return { status: 200, json: { translations: [{ translatedText: fakeTranslate(body.contents[0], 'html') }] } };
  };
}

/** Cloud Translation v2 (Basic), with the key in the query and v2's `errors[].reason`. */
function v2(mode: () => LookalikeMode) {
  return (request: RecordedRequest): LookalikeReply => {
    if (request.method !== 'POST' || request.path !== '/language/translate/v2') return googleError(404, 'Method not found.', { status: 'NOT_FOUND' });
    const key = request.query.get('key');
    if (!key) return googleError(403, "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.", { status: 'PERMISSION_DENIED' });
    if (key !== API_KEY) return googleError(400, 'API key not valid. Please pass a valid API key.', { status: 'INVALID_ARGUMENT', errors: [{ message: 'API key not valid. Please pass a valid API key.', domain: 'global', reason: 'badRequest' }], details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' }] });
    const body = jsonBody(request, ['q', 'source', 'target', 'format', 'model']);
    if (isReply(body)) return body;
    if (!oneText(body.q)) return googleError(400, 'Required Text', { errors: [{ message: 'Required Text', domain: 'global', reason: 'required' }] });
    if (body.format !== 'html') return googleError(400, "look-alike: format 'html' expected, or the notranslate spans are translated as text");
    if (!CODES.has(String(body.target)) || (body.source !== undefined && !CODES.has(String(body.source)))) return googleError(400, 'Invalid Value', { errors: [{ message: 'Invalid Value', domain: 'global', reason: 'invalid' }] });
    const v2Error = (code: number, message: string, reason: string) => googleError(code, message, { errors: [{ message, domain: 'usageLimits', reason }] });
    const current = mode();
    if (current === 'quota_exceeded') return v2Error(403, 'Daily Limit Exceeded', 'dailyLimitExceeded');
    if (current === 'auth_failed') return v2Error(400, 'Bad Request', 'keyInvalid');
    if (current === 'text_too_long') return googleError(400, 'Request payload size exceeds the limit: 204800 bytes.', { status: 'INVALID_ARGUMENT' });
    if (current === 'unavailable') return v2Error(503, 'Backend Error', 'backendError');
    if (current === 'rate_limited_once') return { ...v2Error(429, 'Rate Limit Exceeded', 'rateLimitExceeded'), headers: { 'retry-after': '0' } };
    return { status: 200, json: { data: { translations: [{ translatedText: fakeTranslate(body.q[0], 'html') }] } } };
  };
}

/** A look-alike whose mode the contract sets (`rate_limited_once` falls back to ok after one answer). */
async function underTest(handler: typeof v3, build: (url: string) => ReturnType<typeof createGoogleProvider>) {
  let mode: LookalikeMode = 'ok';
  const server = await startLookalikeServer(handler(() => {
    const current = mode;
    if (mode === 'rate_limited_once') mode = 'ok';
    return current;
  }));
  return { provider: build(server.url), server, setMode: (next: LookalikeMode) => { mode = next; }, pair: { from: 'es-ES', to: 'en-GB' }, close: () => server.close() };
}

const fast = { baseDelayMs: 1, retries: 2, breakerThreshold: 3 };
describeAdapterContract('Google v3 (look-alike)', () => underTest(v3, (url) => createGoogleProvider({ version: 'v3', projectId: PROJECT, accessToken: async () => TOKEN, url, http: fast })));
describeAdapterContract('Google v2 (look-alike)', () => underTest(v2, (url) => createGoogleProvider({ version: 'v2', apiKey: API_KEY, url, http: fast })));

describe('Google requests', () => {
  it('maps BCP 47 tags to Google\'s codes and supports every Parley locale', async () => {
    const server = await startLookalikeServer(v3(() => 'ok'));
    try {
      const provider = createGoogleProvider({ version: 'v3', projectId: PROJECT, accessToken: TOKEN, url: server.url });
      const cases = [['zh-Hans', 'zh-Hant', 'zh-CN', 'zh-TW'], ['pt-BR', 'pt-PT', 'pt', 'pt-PT'], ['he-IL', 'es-MX', 'he', 'es'], ['iw', 'en-GB', 'he', 'en'], ['zh-TW', 'ja-JP', 'zh-TW', 'ja']] as const;
      for (const [from, to, source, target] of cases) {
        expect(await provider.translate({ text: 'x', from, to }), `${from} → ${to}`).toMatchObject({ ok: true });
        expect(JSON.parse(server.requests.at(-1)!.body), `${from} → ${to}`).toEqual({ contents: ['x'], mimeType: 'text/html', sourceLanguageCode: source, targetLanguageCode: target });
      }
      for (const locale of PARLEY_LOCALES.filter((tag) => !tag.startsWith('en'))) expect(await provider.supports('en-US', locale), locale).toBe(true);
      expect(await provider.supports('en-US', 'en-GB')).toBe(false);
      expect(await provider.supports('xx', 'en')).toBe(false);
      const before = server.requests.length;
      expect(await provider.translate({ text: 'x', from: 'tlh', to: 'en' })).toMatchObject({ ok: false, failure: { kind: 'unsupported_pair' } });
      expect(server.requests).toHaveLength(before);
    } finally {
      await server.close();
    }
  });

  it('builds the endpoint from the location, and says where the text is processed', async () => {
    const urls: string[] = [];
    const auth: Array<string | null> = [];
    const recording: typeof fetch = async (input, init) => {
      urls.push(String(input));
      auth.push(new Headers(init?.headers).get('authorization'));
      return Response.json(String(input).includes('/v2') ? { data: { translations: [{ translatedText: 'HALLO' }] } } : { translations: [{ translatedText: 'HALLO' }] });
    };
    let issued = 0;
    const global = createGoogleProvider({ version: 'v3', projectId: 'p1', accessToken: async () => `t${++issued}`, http: { fetch: recording } });
    const eu = createGoogleProvider({ version: 'v3', projectId: 'p1', location: 'europe-west1', accessToken: 'static', http: { fetch: recording } });
    const basic = createGoogleProvider({ version: 'v2', apiKey: 'k&1', http: { fetch: recording } });
    for (const provider of [global, global, eu, basic]) expect(await provider.translate({ text: 'Hola', from: 'es', to: 'de' })).toEqual({ ok: true, text: 'HALLO', provider: 'google' });
    expect(urls).toEqual([
      'https://translation.googleapis.com/v3/projects/p1/locations/global:translateText',
      'https://translation.googleapis.com/v3/projects/p1/locations/global:translateText',
      'https://translate-eu.googleapis.com/v3/projects/p1/locations/europe-west1:translateText',
      'https://translation.googleapis.com/language/translate/v2?key=k%261',
    ]);
    expect(auth).toEqual(['Bearer t1', 'Bearer t2', 'Bearer static', null]);
    expect([global.location, eu.location, basic.location]).toEqual(['global', 'eu', 'global']);
    expect(global).toMatchObject({ id: 'google', markup: 'html', maxChars: 30_000 });
  });

  it('fails without calling Google when no access token can be had', async () => {
    const server = await startLookalikeServer(v3(() => 'ok'));
    try {
      const provider = createGoogleProvider({ version: 'v3', projectId: PROJECT, accessToken: async () => { throw new Error('metadata server unreachable'); }, url: server.url });
      expect(await provider.translate({ text: 'Hola', from: 'es', to: 'de' })).toMatchObject({ ok: false, failure: { kind: 'auth_failed', message: expect.stringContaining('metadata server unreachable') } });
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });

  it('has look-alikes that refuse plain-text requests and a wrong key, so the contract proves the HTML mode', async () => {
    const servers = [await startLookalikeServer(v3(() => 'ok')), await startLookalikeServer(v2(() => 'ok'))];
    try {
      const post = (url: string, body: unknown, headers: Record<string, string> = {}) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      const plainV3 = await post(servers[0]!.url + V3_PATH, { contents: ['Hola'], sourceLanguageCode: 'es', targetLanguageCode: 'de' }, { authorization: `Bearer ${TOKEN}` });
      expect(plainV3.status).toBe(400);
      expect(await plainV3.json()).toMatchObject({ error: { code: 400, status: 'INVALID_ARGUMENT' } });
      const plainV2 = await post(`${servers[1]!.url}/language/translate/v2?key=${API_KEY}`, { q: ['Hola'], source: 'es', target: 'de', format: 'text' });
      expect(plainV2.status).toBe(400);
      const provider = createGoogleProvider({ version: 'v2', apiKey: 'AIzaWrong', url: servers[1]!.url });
      expect(await provider.translate({ text: 'Hola', from: 'es', to: 'de' })).toMatchObject({ ok: false, failure: { kind: 'auth_failed', status: 400 } });
    } finally {
      await Promise.all(servers.map((server) => server.close()));
    }
  });
});

describe('Google answers mapped to failures', () => {
  const quota = (per: string) => `Quota exceeded for quota metric 'v3 general model characters' and limit 'v3 general model characters per ${per}' of service 'translate.googleapis.com'`;
  it.each([
    [googleError(429, quota('minute'), { status: 'RESOURCE_EXHAUSTED' }), 'rate_limited', 2],
    [googleError(429, quota('day'), { status: 'RESOURCE_EXHAUSTED' }), 'quota_exceeded', 2],
    [googleError(429, 'Quota exceeded.', { status: 'RESOURCE_EXHAUSTED' }), 'quota_exceeded', 2],
    [googleError(403, 'User Rate Limit Exceeded', { errors: [{ reason: 'userRateLimitExceeded', domain: 'usageLimits' }] }), 'rate_limited', 1],
    [googleError(403, 'Daily Limit Exceeded', { errors: [{ reason: 'dailyLimitExceeded', domain: 'usageLimits' }] }), 'quota_exceeded', 1],
    [googleError(403, 'The caller does not have permission', { status: 'PERMISSION_DENIED' }), 'auth_failed', 1],
    [googleError(401, 'Request had invalid authentication credentials.', { status: 'UNAUTHENTICATED' }), 'auth_failed', 1],
    [googleError(400, 'Bad Request', { errors: [{ reason: 'keyInvalid', domain: 'usageLimits' }] }), 'auth_failed', 1],
    [googleError(400, 'Target language is invalid.', { status: 'INVALID_ARGUMENT' }), 'unsupported_pair', 1],
    [googleError(400, 'Request payload size exceeds the limit: 204800 bytes.', { status: 'INVALID_ARGUMENT' }), 'text_too_long', 1],
    [googleError(400, 'Invalid JSON payload received.', { status: 'INVALID_ARGUMENT' }), 'bad_response', 1],
    [googleError(500, 'Internal error encountered.', { status: 'INTERNAL' }), 'unavailable', 2],
    [{ status: 200, json: { translations: [{}] } }, 'bad_response', 1],
  ] as Array<[LookalikeReply, string, number]>)('%j → %s', async (reply, kind, calls) => {
    const server = await startLookalikeServer(() => reply);
    try {
      const provider = createGoogleProvider({ version: 'v3', projectId: PROJECT, accessToken: TOKEN, url: server.url, http: { retries: 1, baseDelayMs: 1 } });
      expect(await provider.translate({ text: 'Hola', from: 'es', to: 'de' })).toMatchObject({ ok: false, failure: { kind, status: reply.status } });
      expect(server.requests).toHaveLength(calls);
    } finally {
      await server.close();
    }
  });
});
