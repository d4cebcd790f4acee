import { createProviderHttp } from '../http/provider-http.ts';
import type { HttpReply, ProviderHttpOptions } from '../http/provider-http.ts';
import { failed } from '../translator.ts';
import type { TranslationFailureKind, TranslationProvider, TranslationResult } from '../translator.ts';
import { libreLanguage } from './libretranslate-languages.ts';
import type { LibreLanguage } from './libretranslate-languages.ts';

/** A LibreTranslate server (self-hosted, or libretranslate.com with a key). */
export interface LibreTranslateOptions {
  /** e.g. `http://127.0.0.1:5000` */
  url: string;
  /** Only for servers started with `--api-keys`. */
  apiKey?: string | undefined;
  /** The server's `--char-limit`. Default 5,000; longer texts are refused without calling. */
  charLimit?: number | undefined;
  /** How long the server's `/languages` is trusted before asking again. Default 5 min. */
  languagesTtlMs?: number | undefined;
  http?: ProviderHttpOptions | undefined;
}

/**
 * LibreTranslate (`POST /translate` with `format: 'html'`, so protected spans travel as
 * `<span class="notranslate">`): free, self-hosted, Argos models. Which languages and which
 * codes (`zh` or `zh-Hans`, `zt` or `zh-Hant`) come from the server's own `GET /languages`.
 * No formality setting exists, so `request.formality` is ignored.
 *
 * @example
 * const libre = createLibreTranslateProvider({ url: 'http://libretranslate:5000', charLimit: 5000 });
 * const result = await libre.translate({ text: 'Hola', from: 'es-ES', to: 'en-GB' });
 */
export function createLibreTranslateProvider(options: LibreTranslateOptions): TranslationProvider {
  const base = options.url.replace(/\/+$/, '');
  const http = createProviderHttp(options.http);
  // The language list is asked quickly and once; a server that does not answer is asked again after 30 s.
  const listHttp = createProviderHttp({ ...options.http, retries: 0, timeoutMs: Math.min(2_000, options.http?.timeoutMs ?? 2_000) });
  const charLimit = options.charLimit ?? 5_000;
  const ttlMs = options.languagesTtlMs ?? 5 * 60_000;
  let cache: { at: number; list: Promise<LibreLanguage[] | null> } | undefined;

  const languages = (): Promise<LibreLanguage[] | null> => {
    if (!cache || Date.now() - cache.at > ttlMs) {
      const list = listHttp.send(`${base}/languages`, { method: 'GET' }).then((outcome) => {
        const body = outcome.ok && outcome.reply.status === 200 ? outcome.reply.body : undefined;
        if (!Array.isArray(body)) return null;
        return body.filter((entry): entry is LibreLanguage => typeof entry?.code === 'string' && Array.isArray(entry.targets));
      });
      cache = { at: Date.now(), list };
      // A failed listing is kept 30 s only: then asked again.
      void list.then((found) => { if (!found) cache = { at: Date.now() - ttlMs + 30_000, list }; });
    }
    return cache.list;
  };

  /** The server's codes for from → to; undefined when its list says it cannot. */
  const codes = (from: string, to: string, list: LibreLanguage[] | null) => {
    const [source, target] = [libreLanguage(from, list), libreLanguage(to, list)];
    if (!source || !target) return undefined;
    if (list && !list.find((language) => language.code === source)?.targets.includes(target)) return undefined;
    return { source, target };
  };

  return {
    id: 'libretranslate',
    markup: 'html',
    location: 'self-hosted',
    maxChars: charLimit,
    async supports(from, to) {
      const list = await languages();
      return list !== null && codes(from, to, list) !== undefined;
    },
    async translate(request) {
      if (request.text.length > charLimit) return failed('text_too_long', `this LibreTranslate server takes at most ${charLimit} characters`);
      // Without a list (the server did not answer it), try the usual codes: the translation
      // call then says itself whether the server is down or the pair missing.
      const list = await languages();
      const pair = codes(request.from, request.to, list);
      if (!pair) return failed('unsupported_pair', `this LibreTranslate server does not translate ${request.from} → ${request.to}`);
      const body = { q: request.text, source: pair.source, target: pair.target, format: 'html', ...(options.apiKey ? { api_key: options.apiKey } : {}) };
      const outcome = await http.send(`${base}/translate`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal: request.signal ?? null });
      if (!outcome.ok) return { ok: false, failure: outcome.failure };
      return readReply(outcome.reply);
    },
  };
}

function readReply({ status, body }: HttpReply): TranslationResult {
  const data = (typeof body === 'object' && body !== null ? body : {}) as { translatedText?: unknown; error?: unknown };
  if (status === 200) {
    return typeof data.translatedText === 'string' ? { ok: true, text: data.translatedText, provider: 'libretranslate' } : failed('bad_response', 'LibreTranslate answered 200 without translatedText', { status });
  }
  const message = typeof data.error === 'string' ? data.error : `HTTP ${status}`;
  return failed(failureKind(status, message), `LibreTranslate ${status}: ${message}`, { status });
}

function failureKind(status: number, message: string): TranslationFailureKind {
  // 400 "Invalid request: request (N) exceeds text limit (M)": the server's --char-limit is lower than ours.
  if (status === 413 || (status === 400 && /limit/i.test(message))) return 'text_too_long';
  // A client over its limits too often is banned with 403 "Too many request limits violations".
  if (status === 429 || /too many/i.test(message)) return 'rate_limited';
  // 403 "Invalid API key"; 400 "Visit … to get an API key" / "Please contact the server operator to get an API key".
  if (status === 403 || status === 401 || /api key/i.test(message)) return 'auth_failed';
  if (status === 400 && /not supported/i.test(message)) return 'unsupported_pair';
  if (status >= 500) return 'unavailable';
  return 'bad_response';
}
