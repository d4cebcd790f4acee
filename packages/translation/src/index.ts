/**
 * `@parley/translation`: machine translation behind one port, with adapters for the providers
 * shops use and the protection of what must not change (order numbers, URLs, personal data).
 */
export { PROVIDER_IDS, failed, primaryLanguage } from './translator.ts';
export type { DataLocation, Formality, ProviderId, SpanMarkup, TranslationFailure, TranslationFailureKind, TranslationProvider, TranslationRequest, TranslationResult } from './translator.ts';
export { createProviderHttp, retryAfterMs } from './http/provider-http.ts';
export type { HttpOutcome, HttpReply, ProviderHttpOptions } from './http/provider-http.ts';
export { shieldText } from './protect/shield.ts';
export type { ProtectedKind, ProtectedSpan, ProtectOptions, ShieldedText, SpanRange } from './protect/shield.ts';
export { createApertiumProvider } from './adapters/apertium.ts';
export type { ApertiumOptions } from './adapters/apertium.ts';
