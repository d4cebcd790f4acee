/**
 * BCP 47 tags → Google Cloud Translation's codes. Google names most languages by their primary
 * subtag and keeps a few regional ones: `zh-CN` / `zh-TW` for the two Chinese scripts, `pt`
 * (Brazilian) and `pt-PT`. It accepts both `he` and the old `iw` for Hebrew; we send `he`.
 */

/** Google's common NMT languages, as Google codes (every one of Parley's 23 locales is here). */
export const GOOGLE_LANGUAGES: ReadonlySet<string> = new Set([
  'af', 'am', 'ar', 'az', 'be', 'bg', 'bn', 'bs', 'ca', 'ceb', 'co', 'cs', 'cy', 'da', 'de', 'el', 'en', 'eo', 'es', 'et', 'eu', 'fa', 'fi',
  'fr', 'fy', 'ga', 'gd', 'gl', 'gu', 'ha', 'haw', 'he', 'hi', 'hmn', 'hr', 'ht', 'hu', 'hy', 'id', 'ig', 'is', 'it', 'ja', 'jv', 'ka', 'kk',
  'km', 'kn', 'ko', 'ku', 'ky', 'la', 'lb', 'lo', 'lt', 'lv', 'mg', 'mi', 'mk', 'ml', 'mn', 'mr', 'ms', 'mt', 'my', 'ne', 'nl', 'no', 'ny',
  'or', 'pa', 'pl', 'ps', 'pt', 'pt-PT', 'ro', 'ru', 'rw', 'sd', 'si', 'sk', 'sl', 'sm', 'sn', 'so', 'sq', 'sr', 'st', 'su', 'sv', 'sw', 'ta',
  'te', 'tg', 'th', 'tk', 'tl', 'tr', 'tt', 'ug', 'uk', 'ur', 'uz', 'vi', 'xh', 'yi', 'yo', 'zh-CN', 'zh-TW', 'zu',
]);

// Tags Google knows under another code: Hebrew's old `iw`, Norwegian Bokmål/Nynorsk under `no`,
// Filipino under `tl`, Javanese's old `jw`.
const ALIASES: Record<string, string> = { iw: 'he', nb: 'no', nn: 'no', fil: 'tl', jw: 'jv' };
const TRADITIONAL_REGIONS = new Set(['TW', 'HK', 'MO']);

/**
 * Google's language code for a BCP 47 tag, or undefined when Google lacks it: `zh-Hans` /
 * `zh-CN` → `zh-CN`, `zh-Hant` / `zh-TW` / `zh-HK` → `zh-TW`, `pt-BR` / `pt` → `pt`, `pt-PT` →
 * `pt-PT`, `he-IL` / `iw` → `he`, `es-MX` → `es`.
 */
export function googleLanguageCode(tag: string): string | undefined {
  const [first = '', ...rest] = tag.split(/[-_]/);
  const primary = first.toLowerCase();
  const language = ALIASES[primary] ?? primary;
  const script = rest.find((part) => /^[a-z]{4}$/i.test(part))?.toLowerCase();
  const region = rest.find((part) => /^(?:[a-z]{2}|\d{3})$/i.test(part))?.toUpperCase();
  let code = language;
  if (language === 'zh') code = script === 'hant' || (!script && region && TRADITIONAL_REGIONS.has(region)) ? 'zh-TW' : 'zh-CN';
  // Google's bare `pt` is Brazilian Portuguese; any other region follows Portugal's norm.
  else if (language === 'pt') code = !region || region === 'BR' ? 'pt' : 'pt-PT';
  return GOOGLE_LANGUAGES.has(code) ? code : undefined;
}
