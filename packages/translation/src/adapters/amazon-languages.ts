import { primaryLanguage } from '../translator.ts';

/**
 * Amazon Translate's language codes (Developer Guide, "Supported languages and language codes"),
 * as Amazon spells them. Primary subtags except the regional variants it translates into
 * separately: `zh-TW`, `pt-PT`, `es-MX`, `fr-CA`, `fa-AF`. `zh` is Simplified, `pt` Brazilian.
 */
const AMAZON_CODES = new Set([
  'af', 'am', 'ar', 'az', 'bg', 'bn', 'bs', 'ca', 'cs', 'cy', 'da', 'de', 'el', 'en', 'es', 'es-MX', 'et', 'fa', 'fa-AF',
  'fi', 'fr', 'fr-CA', 'ga', 'gu', 'ha', 'he', 'hi', 'hr', 'ht', 'hu', 'hy', 'id', 'is', 'it', 'ja', 'ka', 'kk', 'kn',
  'ko', 'lt', 'lv', 'mk', 'ml', 'mn', 'mr', 'ms', 'mt', 'nl', 'no', 'pa', 'pl', 'ps', 'pt', 'pt-PT', 'ro', 'ru', 'si',
  'sk', 'sl', 'so', 'sq', 'sr', 'sv', 'sw', 'ta', 'te', 'th', 'tl', 'tr', 'uk', 'ur', 'uz', 'vi', 'zh', 'zh-TW',
]);

/** Tags whose Amazon code is not their primary subtag (lower-cased keys). */
const SPECIAL: Record<string, string> = {
  'zh-hant': 'zh-TW', 'zh-tw': 'zh-TW', 'zh-hk': 'zh-TW', 'zh-mo': 'zh-TW',
  'pt-pt': 'pt-PT', 'pt-ao': 'pt-PT', 'pt-mz': 'pt-PT',
  'es-mx': 'es-MX', 'fr-ca': 'fr-CA', 'fa-af': 'fa-AF',
  nb: 'no', nn: 'no', fil: 'tl', iw: 'he', in: 'id',
};

/**
 * Target languages for which Amazon honours `Settings.Formality` (Developer Guide, "Setting
 * formality"). Elsewhere Amazon ignores the setting, so it is not sent there at all.
 */
const FORMALITY_TARGETS = new Set(['de', 'es', 'es-MX', 'fr', 'fr-CA', 'hi', 'it', 'ja', 'ko', 'nl', 'pt-PT']);

/**
 * The Amazon Translate code for a BCP 47 tag, or undefined when Amazon does not translate it.
 *
 * @example
 * amazonLanguage('zh-Hans') // 'zh'
 * amazonLanguage('zh-Hant') // 'zh-TW'
 * amazonLanguage('pt-BR') // 'pt'
 * amazonLanguage('es-MX') // 'es-MX'
 */
export function amazonLanguage(tag: string): string | undefined {
  const lower = tag.replace(/_/g, '-').toLowerCase();
  const twoSubtags = lower.split('-').slice(0, 2).join('-');
  const primary = primaryLanguage(tag);
  const code = SPECIAL[lower] ?? SPECIAL[twoSubtags] ?? SPECIAL[primary] ?? primary;
  return AMAZON_CODES.has(code) ? code : undefined;
}

/**
 * Whether Amazon applies a formality setting when translating into `code` (an Amazon code).
 *
 * @example
 * amazonHasFormality('de') // true
 * amazonHasFormality('en') // false
 */
export function amazonHasFormality(code: string): boolean {
  return FORMALITY_TARGETS.has(code);
}
