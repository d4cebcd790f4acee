/**
 * `@parley/culture`: pure locale negotiation and culture-aware templates. No I/O: the gateway
 * feeds it hints and renders what it returns.
 */
export { SUPPORTED_LOCALES, isSupportedLocale, textDirection } from './supported-locales.ts';
export type { SupportedLocale } from './supported-locales.ts';
export { negotiateLocale, canonicalTags, parseAcceptLanguage } from './negotiate-locale.ts';
export type { LocaleDecision, LocaleHints, LocaleSource } from './negotiate-locale.ts';
export { createReplyTemplates, ReplyTemplates } from './reply-templates.ts';
export type { RenderedReply, ShopperContext, TemplateValues } from './reply-templates.ts';
export { CANNED_REPLY_KEYS, CANNED_VARIABLES, cannedReplyLabel, cannedVariables, renderCannedReply, renderCannedTemplate } from './canned-replies.ts';
export type { CannedRender, CannedReplyKey, CannedValues } from './canned-replies.ts';
export { CULTURE_PROFILES } from './culture-profiles.ts';
export type { CultureProfile } from './culture-profiles.ts';
export { shopperFormats, validTimeZone } from './intl-formats.ts';
export type { ShopperFormats } from './intl-formats.ts';
export { detectLanguage } from './detect/detect-language.ts';
export type { LanguageDetection } from './detect/detect-language.ts';
