import { createProviderHttp } from '../http/provider-http.ts';
import type { ProviderHttpOptions } from '../http/provider-http.ts';
import { failed, primaryLanguage } from '../translator.ts';
import type { TranslationProvider, TranslationRequest, TranslationResult } from '../translator.ts';

/** Where Apertium's HTTP server (APy) listens, e.g. `http://127.0.0.1:2737`. */
export interface ApertiumOptions {
  url: string;
  http?: ProviderHttpOptions | undefined;
  /** How long the installed pairs are trusted before asking again. Default 5 min. */
  pairsTtlMs?: number | undefined;
}

// ISO 639-3 codes Apertium names its pairs with; only languages with a pair in Debian matter.
const APERTIUM_CODES: Record<string, string> = { en: 'eng', es: 'spa', fr: 'fra', pt: 'por', it: 'ita', ca: 'cat', gl: 'glg', ro: 'ron', nl: 'nld', af: 'afr', da: 'dan', sv: 'swe', nb: 'nob', nn: 'nno', is: 'isl', ru: 'rus', uk: 'ukr', be: 'bel', eu: 'eus', oc: 'oci', an: 'arg', ast: 'ast', eo: 'epo', id: 'ind', ms: 'zlm' };
/** How long a pair listing that failed is trusted before asking again. */
const FAILED_LIST_RETRY_MS = 30_000;
/** Spanish is the hub of Apertium's Romance pairs: pairs it lacks go through it. */
const PIVOT = 'spa';

/**
 * Apertium through its HTTP server, APy (`GET /translate?langpair=eng|spa&q=…`): free,
 * self-hosted, rule-based, a few pairs at modest quality. A pair it lacks goes through Spanish
 * when both halves exist (English → French is English → Spanish → French). Plain text only, so
 * protected spans travel as `⟦N⟧` tokens, which every installed pair leaves alone.
 */
export function createApertiumProvider(options: ApertiumOptions): TranslationProvider {
  const base = options.url.replace(/\/+$/, '');
  // A breaker per language pair: APy runs one pipeline per pair, and one broken pair (a
  // missing dependency answers 500) must not stop the pairs that work.
  const pairHttp = new Map<string, ReturnType<typeof createProviderHttp>>();
  const httpFor = (langpair: string) => pairHttp.get(langpair) ?? pairHttp.set(langpair, createProviderHttp(options.http)).get(langpair)!;
  // Which pairs exist is asked on the way to every translation: quickly, once, and a server
  // that does not answer is not asked again for 30 s (an open must not wait on it).
  const listHttp = createProviderHttp({ ...options.http, retries: 0, timeoutMs: Math.min(2_000, options.http?.timeoutMs ?? 2_000) });
  const pairsTtlMs = options.pairsTtlMs ?? 5 * 60_000;
  let pairs: { at: number; list: Promise<Set<string> | null> } | undefined;

  const installedPairs = (): Promise<Set<string> | null> => {
    if (!pairs || Date.now() - pairs.at > pairsTtlMs) {
      const list = listHttp.send(`${base}/listPairs`, { method: 'GET' }).then((outcome) => {
        const data = outcome.ok && outcome.reply.status === 200 ? (outcome.reply.body as { responseData?: unknown }).responseData : undefined;
        if (!Array.isArray(data)) return null;
        return new Set(data.map((pair: { sourceLanguage?: string; targetLanguage?: string }) => `${pair.sourceLanguage}|${pair.targetLanguage}`));
      });
      pairs = { at: Date.now(), list };
      void list.then((set) => { if (!set) pairs = { at: Date.now() - pairsTtlMs + FAILED_LIST_RETRY_MS, list }; });
    }
    return pairs.list;
  };

  /** The hops from → to: one direct pair, two through Spanish, or null. */
  const route = async (from: string, to: string): Promise<string[] | null> => {
    const list = await installedPairs();
    const source = APERTIUM_CODES[primaryLanguage(from)];
    const target = APERTIUM_CODES[primaryLanguage(to)];
    if (!list || !source || !target || source === target) return null;
    // A regional variant where the pair has one (pt-BR → por_BR, en-US → eng_US).
    const region = to.split(/[-_]/)[1]?.toUpperCase();
    const hop = (a: string, b: string) => (region && list.has(`${a}|${b}_${region}`) ? `${a}|${b}_${region}` : list.has(`${a}|${b}`) ? `${a}|${b}` : undefined);
    const direct = hop(source, target);
    if (direct) return [direct];
    const first = list.has(`${source}|${PIVOT}`) ? `${source}|${PIVOT}` : undefined;
    const second = hop(PIVOT, target);
    return first && second ? [first, second] : null;
  };

  const translateHop = async (langpair: string, text: string, request: TranslationRequest): Promise<TranslationResult> => {
    const query = new URLSearchParams({ langpair, q: text, markUnknown: 'no' });
    const outcome = await httpFor(langpair).send(`${base}/translate?${query}`, { method: 'GET', ...(request.signal ? { signal: request.signal } : {}) });
    if (!outcome.ok) return { ok: false, failure: outcome.failure };
    const { status, body } = outcome.reply;
    const translated = (body as { responseData?: { translatedText?: unknown } }).responseData?.translatedText;
    if (status === 200 && typeof translated === 'string') return { ok: true, text: translated, provider: 'apertium' };
    const explanation = (body as { explanation?: string }).explanation ?? `HTTP ${status}`;
    if (status === 400 && /pair/i.test(explanation)) return failed('unsupported_pair', explanation, { status });
    if (status === 429) return failed('rate_limited', explanation, { status });
    if (status >= 500) return failed('unavailable', explanation, { status });
    return failed('bad_response', explanation, { status });
  };

  return {
    id: 'apertium',
    markup: 'text',
    location: 'self-hosted',
    maxChars: 5_000,
    async supports(from, to) {
      return (await route(from, to)) !== null;
    },
    async translate(request) {
      if (request.text.length > this.maxChars) return failed('text_too_long', `Apertium requests are limited to ${this.maxChars} characters here`);
      const hops = await route(request.from, request.to);
      if (!hops) return failed('unsupported_pair', `Apertium has no pair (direct or through Spanish) for ${request.from} → ${request.to}`);
      let text = request.text;
      for (const langpair of hops) {
        const result = await translateHop(langpair, text, request);
        if (!result.ok) return result;
        text = result.text;
      }
      return { ok: true, text, provider: 'apertium' };
    },
  };
}
