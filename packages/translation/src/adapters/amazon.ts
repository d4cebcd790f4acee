import aws4 from 'aws4';
import { createProviderHttp } from '../http/provider-http.ts';
import type { HttpReply, ProviderHttpOptions } from '../http/provider-http.ts';
import { failed } from '../translator.ts';
import type { DataLocation, TranslationFailureKind, TranslationProvider, TranslationRequest, TranslationResult } from '../translator.ts';
import { amazonHasFormality, amazonLanguage } from './amazon-languages.ts';

/** An AWS account's credentials for Amazon Translate, and the region to call. */
export interface AmazonOptions {
  /** `eu-central-1`, `us-east-1`, …: where the text is processed. */
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** For temporary credentials (STS, an instance role). */
  sessionToken?: string | undefined;
  /** Default `https://translate.<region>.amazonaws.com/`; tests point it at a look-alike. */
  endpoint?: string | undefined;
  http?: ProviderHttpOptions | undefined;
}

/** The AWS JSON 1.1 operation name of TranslateText. */
export const AMAZON_TRANSLATE_TARGET = 'AWSShineFrontendService_20170701.TranslateText';

/** TranslateText takes at most 10,000 bytes of UTF-8 (not characters). */
const MAX_BYTES = 10_000;

/**
 * Where a region processes text, for residency: `us-*` in the US, `eu-*` in the EU, anything
 * else (`ap-*`, `ca-*`, `me-*`, …) counts as `global` for Parley.
 *
 * @example
 * amazonLocation('eu-central-1') // 'eu'
 */
export function amazonLocation(region: string): DataLocation {
  if (region.startsWith('us-')) return 'us';
  if (region.startsWith('eu-')) return 'eu';
  return 'global';
}

/**
 * Amazon Translate's TranslateText (AWS JSON 1.1, SigV4-signed with `aws4`). It takes plain text,
 * so protected spans travel as `⟦N⟧` tokens. Formality is sent for the targets Amazon honours it
 * for. `maxChars` is 10,000, but the real limit is 10,000 UTF-8 bytes: a text within `maxChars`
 * can still be refused locally (`text_too_long`) when its bytes are over, e.g. 5,001 `é`.
 *
 * @example
 * const amazon = createAmazonProvider({ region: 'eu-central-1', accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY });
 * const result = await amazon.translate({ text: 'Hola', from: 'es-ES', to: 'de-DE', formality: 'more' });
 */
export function createAmazonProvider(options: AmazonOptions): TranslationProvider {
  const suffix = options.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  const url = new URL(options.endpoint ?? `https://translate.${options.region}.${suffix}/`);
  const http = createProviderHttp(options.http);
  const credentials = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey, ...(options.sessionToken ? { sessionToken: options.sessionToken } : {}) };
  const encoder = new TextEncoder();

  /** Signs each call afresh: the signature covers the body and a timestamp AWS accepts for 15 minutes. */
  const signedInit = (body: string, signal: AbortSignal | undefined): RequestInit => {
    const signed = aws4.sign({ host: url.host, path: url.pathname || '/', method: 'POST', service: 'translate', region: options.region, headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': AMAZON_TRANSLATE_TARGET }, body }, credentials);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(signed.headers ?? {})) {
      // fetch sets Host and Content-Length itself, to the same values aws4 signed.
      if (value !== undefined && !['host', 'content-length'].includes(name.toLowerCase())) headers[name] = String(value);
    }
    return { method: 'POST', headers, body, signal: signal ?? null };
  };

  const requestBody = (request: TranslationRequest, from: string, to: string): string => {
    const formality = request.formality && amazonHasFormality(to) ? { Settings: { Formality: request.formality === 'more' ? 'FORMAL' : 'INFORMAL' } } : {};
    return JSON.stringify({ Text: request.text, SourceLanguageCode: from, TargetLanguageCode: to, ...formality });
  };

  return {
    id: 'amazon',
    markup: 'text',
    location: amazonLocation(options.region),
    maxChars: MAX_BYTES,
    async supports(from, to) {
      return amazonLanguage(from) !== undefined && amazonLanguage(to) !== undefined;
    },
    async translate(request) {
      const bytes = request.text.length > MAX_BYTES ? Infinity : encoder.encode(request.text).length;
      if (bytes > MAX_BYTES) return failed('text_too_long', `Amazon Translate takes at most ${MAX_BYTES} bytes of UTF-8 per request`);
      const [from, to] = [amazonLanguage(request.from), amazonLanguage(request.to)];
      if (!from || !to) return failed('unsupported_pair', `Amazon Translate has no code for ${from ? request.to : request.from}`);
      const outcome = await http.send(url.href, signedInit(requestBody(request, from, to), request.signal));
      if (!outcome.ok) return { ok: false, failure: outcome.failure };
      return readReply(outcome.reply);
    },
  };
}

function readReply({ status, headers, body }: HttpReply): TranslationResult {
  const data = (typeof body === 'object' && body !== null ? body : {}) as { TranslatedText?: unknown; __type?: unknown; message?: unknown; Message?: unknown };
  if (status === 200) {
    return typeof data.TranslatedText === 'string' ? { ok: true, text: data.TranslatedText, provider: 'amazon' } : failed('bad_response', 'Amazon answered 200 without TranslatedText', { status });
  }
  // The type comes as `com.amazonaws.translate#TextSizeLimitExceededException` or bare, in the
  // body or in `x-amzn-ErrorType` (`Name:http://internal.amazon.com/…`): keep the name only.
  const rawType = typeof data.__type === 'string' ? data.__type : (headers.get('x-amzn-errortype') ?? '');
  const type = rawType.split(':')[0]!.split('#').pop() ?? '';
  const detail = typeof data.message === 'string' ? data.message : typeof data.Message === 'string' ? data.Message : `HTTP ${status}`;
  return failed(failureKind(status, type), `Amazon ${type || status}: ${detail}`, { status });
}

const KIND_BY_TYPE: Record<string, TranslationFailureKind> = {
  TextSizeLimitExceededException: 'text_too_long',
  UnsupportedLanguagePairException: 'unsupported_pair',
  // Only when the source is `auto`, which Parley never sends; kept for completeness.
  DetectedLanguageLowConfidenceException: 'unsupported_pair',
  UnrecognizedClientException: 'auth_failed',
  InvalidSignatureException: 'auth_failed',
  IncompleteSignatureException: 'auth_failed',
  MissingAuthenticationTokenException: 'auth_failed',
  ExpiredTokenException: 'auth_failed',
  AccessDeniedException: 'auth_failed',
  LimitExceededException: 'quota_exceeded',
  ServiceQuotaExceededException: 'quota_exceeded',
  TooManyRequestsException: 'rate_limited',
  ThrottlingException: 'rate_limited',
  InternalServerException: 'unavailable',
  ServiceUnavailableException: 'unavailable',
};

function failureKind(status: number, type: string): TranslationFailureKind {
  const byType = KIND_BY_TYPE[type];
  if (byType) return byType;
  if (status === 401 || status === 403) return 'auth_failed';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'unavailable';
  return 'bad_response'; // InvalidRequestException, SerializationException, …: a request we built wrong
}
