import { primaryLanguage } from '../translator.ts';

/**
 * Azure Translator's text-translation codes (the `translation` scope of `GET /languages`), as
 * Azure spells them. Mostly primary subtags; Chinese is split by script (`zh-Hans`/`zh-Hant`),
 * Portuguese by country (`pt` is Brazilian, `pt-pt` European), French has `fr-ca`.
 * A static table keeps `supports()` free of a network call; Azure adds languages, never removes.
 */
const AZURE_CODES = new Set([
  'af', 'am', 'ar', 'as', 'az', 'ba', 'bg', 'bn', 'bo', 'bs', 'ca', 'cs', 'cy', 'da', 'de', 'dv', 'el', 'en', 'es', 'et', 'eu',
  'fa', 'fi', 'fil', 'fj', 'fo', 'fr', 'fr-ca', 'ga', 'gl', 'gu', 'ha', 'he', 'hi', 'hr', 'ht', 'hu', 'hy', 'id', 'ig', 'is',
  'it', 'iu', 'ja', 'ka', 'kk', 'km', 'kn', 'ko', 'ku', 'ky', 'lo', 'lt', 'lv', 'mg', 'mi', 'mk', 'ml', 'mn-Cyrl', 'mr', 'ms',
  'mt', 'my', 'nb', 'ne', 'nl', 'or', 'pa', 'pl', 'ps', 'pt', 'pt-pt', 'ro', 'ru', 'rw', 'sk', 'sl', 'sm', 'so', 'sq',
  'sr-Cyrl', 'sr-Latn', 'sv', 'sw', 'ta', 'te', 'th', 'ti', 'tk', 'to', 'tr', 'tt', 'ty', 'ug', 'uk', 'ur', 'uz', 'vi', 'xh',
  'yo', 'yue', 'zh-Hans', 'zh-Hant', 'zu',
]);

/** Tags whose Azure code is not their primary subtag (lower-cased keys). */
const SPECIAL: Record<string, string> = {
  zh: 'zh-Hans', 'zh-cn': 'zh-Hans', 'zh-sg': 'zh-Hans', 'zh-hans': 'zh-Hans',
  'zh-tw': 'zh-Hant', 'zh-hk': 'zh-Hant', 'zh-mo': 'zh-Hant', 'zh-hant': 'zh-Hant',
  'pt-pt': 'pt-pt', 'pt-ao': 'pt-pt', 'pt-mz': 'pt-pt',
  'fr-ca': 'fr-ca',
  'sr-latn': 'sr-Latn', 'sr-cyrl': 'sr-Cyrl', sr: 'sr-Cyrl',
  mn: 'mn-Cyrl', no: 'nb', nn: 'nb', iw: 'he', tl: 'fil', in: 'id',
};

/**
 * The Azure code for a BCP 47 tag, or undefined when Azure does not translate that language.
 *
 * @example
 * azureLanguage('zh-Hant') // 'zh-Hant'
 * azureLanguage('pt-PT') // 'pt-pt'
 * azureLanguage('pt-BR') // 'pt'
 * azureLanguage('he-IL') // 'he'
 */
export function azureLanguage(tag: string): string | undefined {
  const lower = tag.replace(/_/g, '-').toLowerCase();
  // The script/country part decides for Chinese, Portuguese and Serbian: try the first two subtags.
  const twoSubtags = lower.split('-').slice(0, 2).join('-');
  const primary = primaryLanguage(tag);
  // A Chinese tag with only a region we do not know (zh-US) is read as Simplified, Azure's default.
  const code = SPECIAL[lower] ?? SPECIAL[twoSubtags] ?? SPECIAL[primary] ?? primary;
  return AZURE_CODES.has(code) ? code : undefined;
}
