import { createProviderHttp } from '../http/provider-http.ts';
import type { ProviderHttpOptions } from '../http/provider-http.ts';
import { failed } from '../translator.ts';
import type { DataLocation, TranslationProvider, TranslationRequest, TranslationResult } from '../translator.ts';
import { googleLanguageCode } from './language-codes-google.ts';

/** Cloud Translation Advanced (v3): a project, a location, and an OAuth access token. */
export interface GoogleV3Options {
  version: 'v3';
  projectId: string;
  /** Google's location ID. Default `global`; `europe-west1` (or any `europe-*`) uses the EU endpoint. */
  location?: string | undefined;
  /** A token, or a function returning a fresh one (called per request: cache and refresh it there). */
  accessToken: string | (() => Promise<string>);
  /** Overrides the endpoint (`https://translation.googleapis.com`, `https://translate-eu.googleapis.com`…). */
  url?: string | undefined;
  http?: ProviderHttpOptions | undefined;
}

/** Cloud Translation Basic (v2): an API key. */
export interface GoogleV2Options {
  version: 'v2';
  apiKey: string;
  /** Overrides the endpoint. Default `https://translation.googleapis.com`. */
  url?: string | undefined;
  http?: ProviderHttpOptions | undefined;
}

export type GoogleOptions = GoogleV3Options | GoogleV2Options;

const GLOBAL_ENDPOINT = 'https://translation.googleapis.com';
// Google's multi-regional endpoints keep the text (and its processing) inside the EU or the US.
const EU_ENDPOINT = 'https://translate-eu.googleapis.com';
const US_ENDPOINT = 'https://translate-us.googleapis.com';

/** The endpoint for a v3 location ID: `europe-*` / `eu` → the EU endpoint, `us-*` / `us` → the US one, else global. */
export function googleEndpoint(location: string): string {
  if (location === 'eu' || location.startsWith('europe-')) return EU_ENDPOINT;
  if (location === 'us' || location.startsWith('us-')) return US_ENDPOINT;
  return GLOBAL_ENDPOINT;
}

/**
 * Where the text is processed, from the endpoint's host alone: only the multi-regional endpoints
 * promise residency, so the global endpoint (whatever the location in the path) and any other
 * host, such as a proxy, count as `global`.
 */
export function googleDataLocation(endpoint: string): DataLocation {
  const host = URL.canParse(endpoint) ? new URL(endpoint).hostname : '';
  return host === 'translate-eu.googleapis.com' ? 'eu' : host === 'translate-us.googleapis.com' ? 'us' : 'global';
}

/**
 * Google Cloud Translation, v3 (`POST /v3/projects/{id}/locations/{location}:translateText`,
 * Bearer token) or v2 (`POST /language/translate/v2?key=…`). Text goes as HTML, so protected
 * spans travel as `<span translate="no" class="notranslate">N</span>`, which Google leaves
 * untranslated. `location` is `eu` on `translate-eu.googleapis.com` (the default for a
 * `europe-west1` location), `us` on `translate-us.googleapis.com`, and `global` otherwise.
 *
 * @example
 * const google = createGoogleProvider({ version: 'v3', projectId: 'shop-prod', location: 'europe-west1', accessToken: () => tokens.get() });
 * google.location // 'eu'
 * const result = await google.translate({ text: 'Wo ist <span translate="no" class="notranslate">0</span>?', from: 'de', to: 'pt-BR' });
 */
export function createGoogleProvider(options: GoogleOptions): TranslationProvider {
  const base = (options.url ?? (options.version === 'v3' ? googleEndpoint(options.location ?? 'global') : GLOBAL_ENDPOINT)).replace(/\/+$/, '');
  const http = createProviderHttp(options.http);

  /** The URL and init for one translation, or the failure to get a token. */
  const prepare = async (request: TranslationRequest, source: string, target: string): Promise<{ url: string; init: RequestInit } | TranslationResult> => {
    if (options.version === 'v2') {
      const body = { q: [request.text], source, target, format: 'html' };
      return { url: `${base}/language/translate/v2?key=${encodeURIComponent(options.apiKey)}`, init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: request.signal ?? null } };
    }
    let token: string;
    try {
      token = typeof options.accessToken === 'string' ? options.accessToken : await options.accessToken();
    } catch (error) {
      // The token source (metadata server, refresh) may recover, so asking again later can work.
      return failed('auth_failed', `Google: no access token: ${(error as Error).message}`.slice(0, 200), { isRetryable: true });
    }
    const path = `/v3/projects/${encodeURIComponent(options.projectId)}/locations/${encodeURIComponent(options.location ?? 'global')}:translateText`;
    const body = { contents: [request.text], mimeType: 'text/html', sourceLanguageCode: source, targetLanguageCode: target };
    return { url: base + path, init: { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body), signal: request.signal ?? null } };
  };

  return {
    id: 'google',
    markup: 'html',
    location: googleDataLocation(base),
    // Google recommends under 30,000 code points per v3 request (v2 takes up to 204,800 bytes).
    maxChars: 30_000,
    async supports(from, to) {
      return codesFor(from, to) !== undefined;
    },
    async translate(request) {
      if (request.text.length > this.maxChars) return failed('text_too_long', `Google requests are limited to ${this.maxChars} characters here`);
      const codes = codesFor(request.from, request.to);
      if (!codes) return failed('unsupported_pair', `Google does not translate ${request.from} → ${request.to}`);
      const prepared = await prepare(request, ...codes);
      if ('ok' in prepared) return prepared;
      const outcome = await http.send(prepared.url, prepared.init);
      if (!outcome.ok) return { ok: false, failure: outcome.failure };
      const { status, body } = outcome.reply;
      const translations = options.version === 'v3' ? (body as { translations?: unknown } | null)?.translations : (body as { data?: { translations?: unknown } } | null)?.data?.translations;
      const translated = Array.isArray(translations) ? (translations[0] as { translatedText?: unknown } | undefined)?.translatedText : undefined;
      if (status === 200 && typeof translated === 'string') return { ok: true, text: translated, provider: 'google' };
      if (status === 200) return failed('bad_response', 'Google answered 200 without translations[0].translatedText', { status });
      return googleFailure(status, body);
    },
  };
}

/** Google's codes for a pair it translates; undefined for another, or for one language to itself. */
function codesFor(from: string, to: string): [string, string] | undefined {
  const [source, target] = [googleLanguageCode(from), googleLanguageCode(to)];
  return source && target && source !== target ? [source, target] : undefined;
}

interface GoogleErrorEnvelope {
  error?: { code?: number; message?: string; status?: string; errors?: Array<{ reason?: string }>; details?: Array<{ reason?: string }> };
}

// Rate vs quota, for 403 and 429 alike: Google words a per-minute limit as "Quota exceeded for …
// per minute" (429 RESOURCE_EXHAUSTED) and v2's as `userRateLimitExceeded`: asking again soon
// works, so rate_limited. A daily or character quota ("per day", `dailyLimitExceeded`,
// `quotaExceeded`, or a bare "Quota exceeded") does not come back within a chat, so quota_exceeded.
const RATE_REASONS = new Set(['userRateLimitExceeded', 'rateLimitExceeded', 'RATE_LIMIT_EXCEEDED']);
const QUOTA_REASONS = new Set(['dailyLimitExceeded', 'quotaExceeded', 'dailyLimitExceededUnreg']);
const RATE_WORDS = /per (?:minute|second|100 seconds)|rate limit|too many requests/i;
const QUOTA_WORDS = /quota|daily limit|per day|limit exceeded/i;

/** Google's error envelope (`{ error: { code, message, status, errors?, details? } }`, v2 and v3) as a failure. */
function googleFailure(status: number, body: unknown): TranslationResult {
  const error = typeof body === 'object' && body !== null ? (body as GoogleErrorEnvelope).error : undefined;
  const reported = error?.message ?? (typeof body === 'string' ? body : '');
  const message = `Google: ${(reported || `HTTP ${status}`).slice(0, 200)}`;
  const reasons = [...(error?.errors ?? []), ...(error?.details ?? [])].map((entry) => entry.reason).filter((reason) => typeof reason === 'string');
  const isKeyInvalid = reasons.includes('keyInvalid') || reasons.includes('API_KEY_INVALID') || /API key not valid/i.test(reported);
  if (status === 401 || error?.status === 'UNAUTHENTICATED' || isKeyInvalid) return failed('auth_failed', message, { status });
  if (status === 403 || status === 429) {
    if (reasons.some((reason) => RATE_REASONS.has(reason)) || RATE_WORDS.test(reported)) return failed('rate_limited', message, { status });
    if (reasons.some((reason) => QUOTA_REASONS.has(reason)) || QUOTA_WORDS.test(reported)) return failed('quota_exceeded', message, { status });
    if (error?.status === 'RESOURCE_EXHAUSTED') return failed(status === 429 ? 'rate_limited' : 'quota_exceeded', message, { status });
    // 403 PERMISSION_DENIED: the API is not enabled for the project, billing is off, or the key is restricted.
    return status === 403 ? failed('auth_failed', message, { status }) : failed('rate_limited', message, { status });
  }
  if (status === 413 || (status === 400 && /too long|exceeds|too large/i.test(reported))) return failed('text_too_long', message, { status });
  if (status === 400 && /language/i.test(reported)) return failed('unsupported_pair', message, { status });
  if (status >= 500) return failed('unavailable', message, { status });
  return failed('bad_response', message, { status });
}
