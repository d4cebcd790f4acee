import aws4 from 'aws4';
import { describe, expect, it } from 'vitest';
import { describeAdapterContract, fakeTranslate, startLookalikeServer } from '../testing/index.ts';
import type { LookalikeMode, LookalikeReply, RecordedRequest } from '../testing/index.ts';
import { amazonLanguage } from './amazon-languages.ts';
import { AMAZON_TRANSLATE_TARGET, amazonLocation, createAmazonProvider } from './amazon.ts';

const REGION = 'eu-central-1';
const ACCESS_KEY = 'AKIDEXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const FAST = { baseDelayMs: 1, retries: 2, breakerThreshold: 3 };
const SERVED = ['es', 'en', 'de', 'fr', 'pl', 'pt', 'pt-PT', 'zh', 'zh-TW', 'es-MX'];

const awsError = (status: number, type: string, message: string, headers: Record<string, string> = {}): LookalikeReply => ({ status, headers: { 'content-type': 'application/x-amz-json-1.1', ...headers }, json: { __type: type, message } });

/**
 * Recomputes the SigV4 signature from what arrived (the headers it names as signed, the method,
 * path and body) with the account's real secret, as AWS does, and says what is wrong, if anything.
 */
function signatureProblem(request: RecordedRequest): string | undefined {
  const authorization = String(request.headers.authorization ?? '');
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=[0-9a-f]{64}$/.exec(authorization);
  if (!match) return 'Authorization header is not AWS4-HMAC-SHA256';
  const [, keyId, , region, service, signedHeaders] = match;
  if (keyId !== ACCESS_KEY) return 'unknown access key';
  if (region !== REGION || service !== 'translate') return `credential scope ${region}/${service} is wrong`;
  const names = signedHeaders!.split(';');
  if (!names.includes('host') || !names.includes('x-amz-date')) return 'host and x-amz-date must be signed';
  const stamp = String(request.headers['x-amz-date']).replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z');
  if (Math.abs(Date.parse(stamp) - Date.now()) > 15 * 60_000 || Number.isNaN(Date.parse(stamp))) return 'Signature expired';
  const headers = Object.fromEntries(names.map((name) => [name, String(request.headers[name] ?? '')]));
  const query = request.query.toString();
  const expected = aws4.sign({ host: String(headers.host), path: request.path + (query ? `?${query}` : ''), method: request.method, service: 'translate', region: REGION, headers, body: request.body }, { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET });
  return expected.headers?.Authorization === authorization ? undefined : 'The request signature we calculated does not match the signature you provided.';
}

/** Amazon Translate's endpoint: AWS JSON 1.1, a verified signature, TranslateText's shapes. */
function amazon(mode: () => LookalikeMode) {
  return (request: RecordedRequest): LookalikeReply => {
    if (request.method !== 'POST' || request.path !== '/') return awsError(404, 'UnknownOperationException', '');
    const problem = signatureProblem(request);
    if (problem) return awsError(403, problem.startsWith('unknown access key') ? 'UnrecognizedClientException' : 'InvalidSignatureException', problem);
    if (request.headers['content-type'] !== 'application/x-amz-json-1.1') return awsError(400, 'com.amazon.coral.service#SerializationException', 'look-alike: Content-Type must be application/x-amz-json-1.1');
    if (request.headers['x-amz-target'] !== AMAZON_TRANSLATE_TARGET) return awsError(400, 'com.amazon.coral.service#UnknownOperationException', '');
    let input: { Text?: unknown; SourceLanguageCode?: unknown; TargetLanguageCode?: unknown; Settings?: { Formality?: unknown } };
    try {
      input = JSON.parse(request.body) as typeof input;
    } catch {
      return awsError(400, 'com.amazon.coral.service#SerializationException', 'Start of structure or map found where not expected.');
    }
    const unknownKeys = Object.keys(input).filter((key) => !['Text', 'SourceLanguageCode', 'TargetLanguageCode', 'Settings', 'TerminologyNames'].includes(key));
    const badFormality = input.Settings !== undefined && !['FORMAL', 'INFORMAL'].includes(String(input.Settings.Formality));
    if (typeof input.Text !== 'string' || unknownKeys.length > 0 || badFormality) return awsError(400, 'com.amazon.coral.validate#ValidationException', 'look-alike: body does not match TranslateTextRequest');
    if (!SERVED.includes(String(input.SourceLanguageCode)) || !SERVED.includes(String(input.TargetLanguageCode))) {
      return awsError(400, 'com.amazonaws.translate#UnsupportedLanguagePairException', `Unsupported language pair: ${String(input.SourceLanguageCode)} to ${String(input.TargetLanguageCode)}`);
    }
    const current = mode();
    if (current === 'quota_exceeded') return awsError(400, 'ServiceQuotaExceededException', 'You have exceeded the quota for this account.');
    if (current === 'auth_failed') return awsError(400, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
    if (current === 'text_too_long') return awsError(400, 'com.amazonaws.translate#TextSizeLimitExceededException', 'Input text size exceeds limit. Max length of request text allowed is 10000 bytes.');
    if (current === 'unavailable') return awsError(503, 'ServiceUnavailableException', 'Amazon Translate is unavailable. Try again later.');
    if (current === 'rate_limited_once') return awsError(429, 'TooManyRequestsException', 'You have made too many requests within a short period of time.', { 'retry-after': '0' });
    return { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, json: { TranslatedText: fakeTranslate(input.Text, 'text'), SourceLanguageCode: input.SourceLanguageCode, TargetLanguageCode: input.TargetLanguageCode } };
  };
}

describeAdapterContract('Amazon Translate (look-alike)', async () => {
  let mode: LookalikeMode = 'ok';
  const server = await startLookalikeServer(amazon(() => {
    const current = mode;
    if (mode === 'rate_limited_once') mode = 'ok';
    return current;
  }));
  return {
    provider: createAmazonProvider({ region: REGION, accessKeyId: ACCESS_KEY, secretAccessKey: SECRET, endpoint: server.url, http: FAST }),
    server,
    setMode: (next) => { mode = next; },
    pair: { from: 'es-ES', to: 'en-GB' },
    close: () => server.close(),
  };
});

async function withServer(test: (url: string, requests: RecordedRequest[]) => Promise<void>, handler = amazon(() => 'ok')) {
  const server = await startLookalikeServer(handler);
  try {
    await test(server.url, server.requests);
  } finally {
    await server.close();
  }
}

describe('Amazon Translate requests', () => {
  it('signs with SigV4: a wrong secret is refused as InvalidSignatureException → auth_failed', () => withServer(async (url) => {
    const provider = createAmazonProvider({ region: REGION, accessKeyId: ACCESS_KEY, secretAccessKey: 'not-the-secret', endpoint: url });
    expect(await provider.translate({ text: 'Hola', from: 'es', to: 'en' })).toMatchObject({ ok: false, failure: { kind: 'auth_failed', status: 403, message: expect.stringContaining('InvalidSignatureException') } });
  }));

  it('sends the JSON 1.1 request, signs the session token, and sets formality only where Amazon has it', () => withServer(async (url, requests) => {
    const provider = createAmazonProvider({ region: REGION, accessKeyId: ACCESS_KEY, secretAccessKey: SECRET, sessionToken: 'session-token', endpoint: url });
    expect(await provider.translate({ text: 'Hola ⟦0⟧', from: 'es-ES', to: 'de-DE', formality: 'more' })).toEqual({ ok: true, text: 'HOLA ⟦0⟧', provider: 'amazon' });
    expect(await provider.translate({ text: 'Hola', from: 'es-ES', to: 'pt-PT', formality: 'less' })).toMatchObject({ ok: true });
    expect(await provider.translate({ text: 'Hola', from: 'es-MX', to: 'pl-PL', formality: 'more' })).toMatchObject({ ok: true });
    expect(await provider.translate({ text: 'Hola', from: 'es', to: 'zh-Hant' })).toMatchObject({ ok: true });
    expect(requests[0]!.headers).toMatchObject({ 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': AMAZON_TRANSLATE_TARGET, 'x-amz-security-token': 'session-token' });
    expect(String(requests[0]!.headers.authorization)).toMatch(/SignedHeaders=[^,]*x-amz-security-token/);
    expect(requests.map((request) => JSON.parse(request.body) as unknown)).toEqual([
      { Text: 'Hola ⟦0⟧', SourceLanguageCode: 'es', TargetLanguageCode: 'de', Settings: { Formality: 'FORMAL' } },
      { Text: 'Hola', SourceLanguageCode: 'es', TargetLanguageCode: 'pt-PT', Settings: { Formality: 'INFORMAL' } },
      { Text: 'Hola', SourceLanguageCode: 'es-MX', TargetLanguageCode: 'pl' },
      { Text: 'Hola', SourceLanguageCode: 'es', TargetLanguageCode: 'zh-TW' },
    ]);
  }));

  it('the look-alike refuses a wrong operation or content type, as AWS does', () => withServer(async (url) => {
    const send = (headers: Record<string, string>) => {
      const signed = aws4.sign({ host: new URL(url).host, path: '/', method: 'POST', service: 'translate', region: REGION, headers, body: '{}' }, { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET });
      const { Host: _host, 'Content-Length': _length, ...rest } = signed.headers as Record<string, string>;
      return fetch(url, { method: 'POST', headers: rest, body: '{}' }).then(async (response) => ({ status: response.status, body: await response.json() as unknown }));
    };
    expect(await send({ 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSShineFrontendService_20170701.TranslateDocument' })).toMatchObject({ status: 400, body: { __type: expect.stringContaining('UnknownOperationException') } });
    expect(await send({ 'Content-Type': 'application/json', 'X-Amz-Target': AMAZON_TRANSLATE_TARGET })).toMatchObject({ status: 400, body: { __type: expect.stringContaining('SerializationException') } });
  }));

  it('maps prefixed error types and refuses over 10,000 UTF-8 bytes locally', () => withServer(async (url, requests) => {
    const provider = createAmazonProvider({ region: REGION, accessKeyId: ACCESS_KEY, secretAccessKey: SECRET, endpoint: url });
    expect(await provider.translate({ text: 'Hola', from: 'es', to: 'ja' })).toMatchObject({ ok: false, failure: { kind: 'unsupported_pair', status: 400 } });
    expect(await provider.translate({ text: 'é'.repeat(5_001), from: 'es', to: 'en' })).toMatchObject({ ok: false, failure: { kind: 'text_too_long' } });
    expect(await provider.translate({ text: 'é'.repeat(5_000), from: 'es', to: 'en' })).toMatchObject({ ok: true });
    expect(requests).toHaveLength(2);
  }));

  it('maps throttling, a limit and a 200 without TranslatedText', async () => {
    let reply: LookalikeReply = awsError(400, 'ThrottlingException', 'Rate exceeded');
    await withServer(async (url) => {
      const provider = createAmazonProvider({ region: REGION, accessKeyId: ACCESS_KEY, secretAccessKey: SECRET, endpoint: url });
      expect(await provider.translate({ text: 'Hola', from: 'es', to: 'en' })).toMatchObject({ ok: false, failure: { kind: 'rate_limited', isRetryable: true } });
      reply = awsError(400, 'com.amazonaws.translate#LimitExceededException', 'The specified limit has been exceeded.');
      expect(await provider.translate({ text: 'Hola', from: 'es', to: 'en' })).toMatchObject({ ok: false, failure: { kind: 'quota_exceeded', isRetryable: false } });
      reply = { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, json: { SourceLanguageCode: 'es' } };
      expect(await provider.translate({ text: 'Hola', from: 'es', to: 'en' })).toMatchObject({ ok: false, failure: { kind: 'bad_response' } });
    }, () => reply);
  });
});

describe('Amazon Translate codes and residency', () => {
  it('maps every Parley locale to Amazon\'s code', async () => {
    const expected = { 'ar-SA': 'ar', 'de-DE': 'de', 'en-GB': 'en', 'en-US': 'en', 'es-ES': 'es', 'es-MX': 'es-MX', 'fr-FR': 'fr', 'he-IL': 'he', 'hi-IN': 'hi', 'id-ID': 'id', 'it-IT': 'it', 'ja-JP': 'ja', 'ko-KR': 'ko', 'nl-NL': 'nl', 'pl-PL': 'pl', 'pt-BR': 'pt', 'pt-PT': 'pt-PT', 'ru-RU': 'ru', 'th-TH': 'th', 'tr-TR': 'tr', 'vi-VN': 'vi', 'zh-Hans': 'zh', 'zh-Hant': 'zh-TW' };
    expect(Object.fromEntries(Object.keys(expected).map((tag) => [tag, amazonLanguage(tag)]))).toEqual(expected);
    expect([amazonLanguage('zh-TW'), amazonLanguage('fr-CA'), amazonLanguage('nb-NO'), amazonLanguage('xx')]).toEqual(['zh-TW', 'fr-CA', 'no', undefined]);
    const provider = createAmazonProvider({ region: REGION, accessKeyId: ACCESS_KEY, secretAccessKey: SECRET });
    for (const tag of Object.keys(expected)) expect(await provider.supports('en-GB', tag), tag).toBe(true);
    expect(await provider.supports('en', 'tlh')).toBe(false);
  });

  it('derives where the text is processed from the region', () => {
    expect(['us-east-1', 'eu-central-1', 'ap-northeast-1', 'ca-central-1'].map(amazonLocation)).toEqual(['us', 'eu', 'global', 'global']);
    expect(createAmazonProvider({ region: 'eu-west-1', accessKeyId: ACCESS_KEY, secretAccessKey: SECRET }).location).toBe('eu');
  });
});
