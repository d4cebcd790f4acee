import { createProviderHttp } from '../http/provider-http.ts';
import type { ProviderHttpOptions } from '../http/provider-http.ts';
import { failed } from '../translator.ts';
import type { TranslationProvider, TranslationRequest, TranslationResult } from '../translator.ts';
import { DEEPL_FORMALITY_TARGETS, deeplSourceCode, deeplTargetCode } from './language-codes-deepl.ts';

/** A DeepL API key, and where to reach DeepL. */
export interface DeeplOptions {
  /** The account's authentication key; keys ending `:fx` belong to DeepL API Free. */
  key: string;
  /** Overrides the host (`https://api.deepl.com` / `https://api-free.deepl.com`), e.g. a test server. */
  url?: string | undefined;
  http?: ProviderHttpOptions | undefined;
  /** Whether to pass the request's `formality` on (for targets that have it). Default true. */
  formalityAware?: boolean | undefined;
}

// DeepL answers free keys only on its free host ("Wrong endpoint" 403 otherwise), and pro keys only on the pro host.
const FREE_HOST = 'https://api-free.deepl.com';
const PRO_HOST = 'https://api.deepl.com';
const MAX_MESSAGE = 200;

/** The host a key belongs to. */
export function deeplHost(key: string): string {
  return key.trim().endsWith(':fx') ? FREE_HOST : PRO_HOST;
}

/**
 * DeepL (`POST /v2/translate`, JSON body). Protected spans travel as `<x id="N"/>` tags with
 * `tag_handling: 'xml'`, which DeepL keeps in place while it reorders the sentence around them.
 * DeepL processes in the EU, so `location` is `eu`. The shopper's register (`formality`) is sent
 * for the targets that support it and silently dropped for the rest (English, Chinese, Korean…),
 * where DeepL would refuse the whole request.
 *
 * @example
 * const deepl = createDeeplProvider({ key: process.env.DEEPL_KEY! });
 * const result = await deepl.translate({ text: 'Wo ist meine Bestellung <x id="0"/>?', from: 'de-DE', to: 'ja', formality: 'more' });
 * if (result.ok) console.log(result.text); // 'ご注文<x id="0"/>はどこですか？'
 */
export function createDeeplProvider(options: DeeplOptions): TranslationProvider {
  const endpoint = `${(options.url ?? deeplHost(options.key)).replace(/\/+$/, '')}/v2/translate`;
  const http = createProviderHttp(options.http);
  const formalityAware = options.formalityAware ?? true;

  const body = (request: TranslationRequest, source: string, target: string) => ({
    text: [request.text],
    source_lang: source,
    target_lang: target,
    tag_handling: 'xml',
    ...(formalityAware && request.formality && DEEPL_FORMALITY_TARGETS.has(target) ? { formality: request.formality } : {}),
  });

  return {
    id: 'deepl',
    markup: 'xml',
    location: 'eu',
    // DeepL takes 128 KiB per request; a UTF-16 unit is at most 3 UTF-8 bytes, so 30,000 stay near 90 KB.
    maxChars: 30_000,
    async supports(from, to) {
      return codesFor(from, to) !== undefined;
    },
    async translate(request) {
      if (request.text.length > this.maxChars) return failed('text_too_long', `DeepL requests are limited to ${this.maxChars} characters here`);
      const codes = codesFor(request.from, request.to);
      if (!codes) return failed('unsupported_pair', `DeepL does not translate ${request.from} → ${request.to}`);
      const [source, target] = codes;
      const outcome = await http.send(endpoint, {
        method: 'POST',
        headers: { authorization: `DeepL-Auth-Key ${options.key}`, 'content-type': 'application/json' },
        body: JSON.stringify(body(request, source, target)),
        signal: request.signal ?? null,
      });
      if (!outcome.ok) return { ok: false, failure: outcome.failure };
      return deeplResult(outcome.reply.status, outcome.reply.body);
    },
  };
}

/** DeepL's source and target codes for a pair it translates; undefined for another (or the same language). */
function codesFor(from: string, to: string): [string, string] | undefined {
  const [source, target] = [deeplSourceCode(from), deeplTargetCode(to)];
  // Between variants of one language (en-US → en-GB) there is nothing for DeepL to translate.
  if (!source || !target || target.split('-')[0] === source) return undefined;
  return [source, target];
}

/** DeepL's answer as a result: its translation, or its status mapped to a failure kind. */
function deeplResult(status: number, body: unknown): TranslationResult {
  const translated = (body as { translations?: Array<{ text?: unknown }> } | null)?.translations?.[0]?.text;
  if (status === 200 && typeof translated === 'string') return { ok: true, text: translated, provider: 'deepl' };
  const reported = typeof body === 'object' && body !== null ? [(body as { message?: unknown }).message, (body as { detail?: unknown }).detail].filter((part) => typeof part === 'string').join(': ') : '';
  const message = `DeepL: ${(reported || `HTTP ${status}`).slice(0, MAX_MESSAGE)}`;
  if (status === 200) return failed('bad_response', 'DeepL answered 200 without translations[0].text', { status });
  // 403 is a bad key or a key on the wrong host ("Wrong endpoint. Use https://api.deepl.com").
  if (status === 403 || status === 401) return failed('auth_failed', message, { status });
  if (status === 456) return failed('quota_exceeded', message, { status });
  if (status === 413 || status === 414) return failed('text_too_long', message, { status });
  if (status === 429) return failed('rate_limited', message, { status });
  if (status >= 500) return failed('unavailable', message, { status }); // includes DeepL's 529 "too many requests" under load
  // A 400 naming a language means DeepL refuses the pair; one about formality means our table is
  // behind DeepL's (a bug here, not the pair), so it stays bad_response.
  if (status === 400 && /lang/i.test(reported) && !/formality/i.test(reported)) return failed('unsupported_pair', message, { status });
  return failed('bad_response', message, { status });
}
