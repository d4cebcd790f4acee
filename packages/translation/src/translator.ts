/**
 * The translation port. Adapters to real providers implement `TranslationProvider`; the gateway
 * only ever sees `TranslationResult`s (failures are results, never thrown), so a provider outage
 * can never block a message.
 */

/** The providers Parley ships an adapter for. */
export const PROVIDER_IDS = ['deepl', 'google', 'azure', 'amazon', 'libretranslate', 'apertium'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/**
 * How a provider must be sent protected spans (order numbers, URLs, masked personal data) so it
 * leaves them alone: `xml` self-closing `<x id="N"/>` tags (DeepL `tag_handling=xml`), `html`
 * `<span translate="no" class="notranslate">N</span>` (Google `text/html`, Azure `textType=html`,
 * LibreTranslate `format=html`), or `text` tokens `⟦N⟧` for engines that take plain text only.
 * In `xml` and `html` the rest of the text is escaped (`&`, `<`, `>`) and the reply unescaped.
 */
export type SpanMarkup = 'xml' | 'html' | 'text';

/**
 * Where a provider processes the text, for residency: `eu` (an EU endpoint: DeepL, Azure
 * `api-eur`), `us`, `global` (the provider's worldwide endpoint), `self-hosted` (your own server).
 */
export type DataLocation = 'eu' | 'us' | 'global' | 'self-hosted';

/** The register the shopper's culture asks for, where a provider can honour it (DeepL formality). */
export type Formality = 'more' | 'less';

/** One text to translate. `text` is already shielded: protected spans are placeholders in `markup`. */
export interface TranslationRequest {
  text: string;
  /** BCP 47 tag of the source language (`es-ES`, `ja`); adapters map it to the provider's codes. */
  from: string;
  /** BCP 47 tag of the target language (`en-GB`, `pt-BR`, `zh-Hant`). */
  to: string;
  formality?: Formality | undefined;
  /** Aborts the call (the caller's own deadline); adapters also apply their own timeout. */
  signal?: AbortSignal | undefined;
}

/** Why a translation did not happen. `isRetryable` says whether asking again later may work. */
export type TranslationFailureKind =
  | 'quota_exceeded' // the account's character quota is spent (DeepL 456, Google 403 quota, Azure 403001)
  | 'auth_failed' // bad or missing key (401/403)
  | 'text_too_long' // over the provider's request size (413, Azure 400050)
  | 'unsupported_pair' // the provider cannot translate from → to
  | 'rate_limited' // 429 after the retries
  | 'unavailable' // 5xx or a connection error after the retries
  | 'timeout' // no answer within the adapter's timeout
  | 'circuit_open' // too many recent failures: not called for a while
  | 'bad_response' // an answer that is not the provider's documented shape
  | 'unfaithful' // the answer lost or duplicated a protected span (see protect/)
  | 'budget_exhausted'; // the site's monthly character budget is spent (the gateway's own check)

export interface TranslationFailure {
  kind: TranslationFailureKind;
  /** For logs and the console, never containing the text translated. */
  message: string;
  /** The provider's HTTP status, when there was one. */
  status?: number | undefined;
  isRetryable: boolean;
}

export type TranslationResult =
  | { ok: true; text: string; provider: ProviderId }
  | { ok: false; failure: TranslationFailure };

/** A machine-translation provider behind Parley's port. */
export interface TranslationProvider {
  readonly id: ProviderId;
  readonly markup: SpanMarkup;
  readonly location: DataLocation;
  /** The longest text (in UTF-16 code units) one request may carry; longer is `text_too_long`. */
  readonly maxChars: number;
  /** Whether the provider can translate `from` → `to` (BCP 47 tags). May ask the provider once. */
  supports(from: string, to: string): Promise<boolean>;
  /** Translates one shielded text; never throws. */
  translate(request: TranslationRequest): Promise<TranslationResult>;
}

/** A failure result, for adapters. */
export function failed(kind: TranslationFailureKind, message: string, options: { status?: number | undefined; isRetryable?: boolean } = {}): TranslationResult {
  const isRetryable = options.isRetryable ?? ['rate_limited', 'unavailable', 'timeout', 'circuit_open'].includes(kind);
  return { ok: false, failure: { kind, message, status: options.status, isRetryable } };
}

/** The primary language subtag, lower-cased: `pt-BR` → `pt`, `zh-Hant` → `zh`. */
export function primaryLanguage(tag: string): string {
  return tag.split(/[-_]/)[0]!.toLowerCase();
}
