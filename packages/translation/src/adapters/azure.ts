import { createProviderHttp } from '../http/provider-http.ts';
import type { HttpReply, ProviderHttpOptions } from '../http/provider-http.ts';
import { failed } from '../translator.ts';
import type { DataLocation, TranslationProvider, TranslationResult } from '../translator.ts';
import { azureLanguage } from './azure-languages.ts';

/** An Azure Translator resource: its key, its region (for regional and multi-service resources), its endpoint. */
export interface AzureOptions {
  key: string;
  /** The resource's region (`westeurope`): required by Azure for regional and multi-service resources. */
  region?: string | undefined;
  /**
   * Default `https://api.cognitive.microsofttranslator.com` (global). `https://api-eur.cognitive.microsofttranslator.com`
   * keeps the text in Europe, `api-nam.` in the US, `api-apc.` in Asia Pacific.
   */
  endpoint?: string | undefined;
  http?: ProviderHttpOptions | undefined;
}

/** The global endpoint: Azure routes the request to the nearest datacenter, anywhere. */
export const AZURE_GLOBAL_ENDPOINT = 'https://api.cognitive.microsofttranslator.com';

/** Azure's per-request limit: 50,000 characters across the whole body. */
const MAX_CHARS = 50_000;

/**
 * Where an Azure endpoint processes text: the geography endpoints keep it there (`api-eur` in
 * Europe, `api-nam` in the US); the global one and `api-apc` are `global` for Parley's residency.
 *
 * @example
 * azureLocation('https://api-eur.cognitive.microsofttranslator.com') // 'eu'
 * azureLocation('https://api.cognitive.microsofttranslator.com') // 'global'
 */
export function azureLocation(endpoint: string): DataLocation {
  let host: string;
  try {
    host = new URL(endpoint).hostname.toLowerCase();
  } catch {
    return 'global';
  }
  if (host.startsWith('api-eur.')) return 'eu';
  if (host.startsWith('api-nam.')) return 'us';
  return 'global';
}

/**
 * Azure AI Translator, Text Translation v3 (`POST /translate?api-version=3.0`), with
 * `textType=html` so protected spans travel as `<span class="notranslate">` and come back
 * untouched. No formality: v3 has no register setting, so `request.formality` is ignored.
 *
 * @example
 * const azure = createAzureProvider({ key: process.env.AZURE_TRANSLATOR_KEY!, region: 'westeurope', endpoint: 'https://api-eur.cognitive.microsofttranslator.com' });
 * const result = await azure.translate({ text: 'Hola', from: 'es-ES', to: 'en-GB' });
 */
export function createAzureProvider(options: AzureOptions): TranslationProvider {
  const endpoint = (options.endpoint ?? AZURE_GLOBAL_ENDPOINT).replace(/\/+$/, '');
  const http = createProviderHttp(options.http);
  const headers: Record<string, string> = { 'Ocp-Apim-Subscription-Key': options.key, 'Content-Type': 'application/json; charset=UTF-8' };
  if (options.region) headers['Ocp-Apim-Subscription-Region'] = options.region;

  return {
    id: 'azure',
    markup: 'html',
    location: azureLocation(endpoint),
    maxChars: MAX_CHARS,
    async supports(from, to) {
      return azureLanguage(from) !== undefined && azureLanguage(to) !== undefined;
    },
    async translate(request) {
      if (request.text.length > MAX_CHARS) return failed('text_too_long', `Azure Translator requests are limited to ${MAX_CHARS} characters`);
      const [from, to] = [azureLanguage(request.from), azureLanguage(request.to)];
      if (!from || !to) return failed('unsupported_pair', `Azure Translator has no code for ${from ? request.to : request.from}`);
      const query = new URLSearchParams({ 'api-version': '3.0', from, to, textType: 'html' });
      const outcome = await http.send(`${endpoint}/translate?${query}`, { method: 'POST', headers, body: JSON.stringify([{ Text: request.text }]), signal: request.signal ?? null });
      if (!outcome.ok) return { ok: false, failure: outcome.failure };
      return readReply(outcome.reply);
    },
  };
}

function readReply({ status, body }: HttpReply): TranslationResult {
  if (status === 200) {
    const text = Array.isArray(body) ? (body[0] as { translations?: Array<{ text?: unknown }> } | undefined)?.translations?.[0]?.text : undefined;
    return typeof text === 'string' ? { ok: true, text, provider: 'azure' } : failed('bad_response', 'Azure answered 200 without translations[0].text', { status });
  }
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof error?.code === 'number' ? error.code : Number(error?.code);
  const message = `Azure ${Number.isFinite(code) ? code : status}: ${typeof error?.message === 'string' ? error.message : `HTTP ${status}`}`;
  return failed(failureKind(status, code), message, { status });
}

/** Azure's six-digit codes are the HTTP status plus three digits that say which error it is. */
function failureKind(status: number, code: number) {
  if (code === 403001) return 'quota_exceeded'; // the free tier's monthly characters are spent
  if (code === 400050 || code === 400077 || status === 413) return 'text_too_long'; // text / request body too long
  if ([400019, 400023, 400035, 400036].includes(code)) return 'unsupported_pair'; // a language Azure does not take
  // 401 may come with an empty body (a key Azure does not know); 403000 is a key without access.
  if (status === 401 || status === 403) return 'auth_failed';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'unavailable';
  return 'bad_response';
}
