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
export { createAzureProvider, azureLocation, AZURE_GLOBAL_ENDPOINT } from './adapters/azure.ts';
export type { AzureOptions } from './adapters/azure.ts';
export { createAmazonProvider, amazonLocation, AMAZON_TRANSLATE_TARGET } from './adapters/amazon.ts';
export type { AmazonOptions } from './adapters/amazon.ts';
export { createLibreTranslateProvider } from './adapters/libretranslate.ts';
export type { LibreTranslateOptions } from './adapters/libretranslate.ts';
export { createDeeplProvider, deeplHost } from './adapters/deepl.ts';
export type { DeeplOptions } from './adapters/deepl.ts';
export { createGoogleProvider, googleEndpoint, googleDataLocation } from './adapters/google.ts';
export type { GoogleOptions, GoogleV2Options, GoogleV3Options } from './adapters/google.ts';
