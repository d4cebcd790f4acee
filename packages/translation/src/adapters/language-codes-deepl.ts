/**
 * BCP 47 tags → DeepL's language codes. DeepL names sources by language only (`EN`, `PT`, `ZH`)
 * but wants the variant for some targets (`EN-GB`/`EN-US`, `PT-BR`/`PT-PT`, `ZH-HANS`/`ZH-HANT`,
 * `ES`/`ES-419`), and answers 400 for a bare `EN` or `PT` target.
 */

/** DeepL's documented languages (2025), as lower-case primary subtags; sources and targets share them. */
export const DEEPL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'he', 'hu', 'id', 'it', 'ja', 'ko', 'lt', 'lv', 'nb', 'nl', 'pl', 'pt', 'ro', 'ru', 'sk', 'sl', 'sv', 'th', 'tr', 'uk', 'vi', 'zh']);

/**
 * Targets DeepL honours `formality` for. Any other target answers 400 ("'formality' is not
 * supported for given 'target_lang'"), so the adapter leaves the parameter out for them.
 */
export const DEEPL_FORMALITY_TARGETS: ReadonlySet<string> = new Set(['DE', 'FR', 'IT', 'ES', 'ES-419', 'NL', 'PL', 'PT-BR', 'PT-PT', 'JA', 'RU']);

// Tags that name a DeepL language under another code: Norwegian (macrolanguage `no` → Bokmål),
// the old ISO code for Hebrew that browsers still send.
const ALIASES: Record<string, string> = { no: 'nb', iw: 'he' };
// Where the spelling is British rather than American: these shoppers read EN-GB as their own.
const BRITISH_REGIONS = new Set(['GB', 'IE', 'AU', 'NZ', 'ZA', 'IN']);
// Spanish of the Americas (DeepL's `ES-419`): `es-419` itself and the Spanish-speaking countries there.
const LATIN_AMERICA = new Set(['419', 'MX', 'AR', 'CO', 'CL', 'PE', 'VE', 'EC', 'GT', 'CU', 'BO', 'DO', 'HN', 'PY', 'SV', 'NI', 'CR', 'PA', 'UY', 'PR', 'US']);
const TRADITIONAL_REGIONS = new Set(['TW', 'HK', 'MO']);

/** A tag's language (lower case, aliases resolved), script (`Hant`) and region (`BR`, `419`). */
function tagParts(tag: string): { language: string; script: string | undefined; region: string | undefined } {
  const [first = '', ...rest] = tag.split(/[-_]/);
  const language = first.toLowerCase();
  const script = rest.find((part) => /^[a-z]{4}$/i.test(part));
  const region = rest.find((part) => /^(?:[a-z]{2}|\d{3})$/i.test(part))?.toUpperCase();
  return { language: ALIASES[language] ?? language, script: script && script[0]!.toUpperCase() + script.slice(1).toLowerCase(), region };
}

/** DeepL's `source_lang` for a BCP 47 tag (`es-ES` → `ES`, `zh-Hant` → `ZH`), or undefined when DeepL lacks it. */
export function deeplSourceCode(tag: string): string | undefined {
  const { language } = tagParts(tag);
  return DEEPL_LANGUAGES.has(language) ? language.toUpperCase() : undefined;
}

/**
 * DeepL's `target_lang` for a BCP 47 tag, or undefined when DeepL lacks it: `en` → `EN-US`
 * (`en-GB`, `en-AU`… → `EN-GB`), `pt` / `pt-BR` → `PT-BR` (other regions → `PT-PT`), `zh-Hant` /
 * `zh-TW` → `ZH-HANT` (else `ZH-HANS`), `es-MX` / `es-419` → `ES-419` (else `ES`).
 */
export function deeplTargetCode(tag: string): string | undefined {
  const { language, script, region } = tagParts(tag);
  if (!DEEPL_LANGUAGES.has(language)) return undefined;
  if (language === 'en') return region && BRITISH_REGIONS.has(region) ? 'EN-GB' : 'EN-US';
  // Brazil has most Portuguese speakers online; a region other than Brazil follows Portugal's norm.
  if (language === 'pt') return !region || region === 'BR' ? 'PT-BR' : 'PT-PT';
  if (language === 'zh') return script === 'Hant' || (!script && region && TRADITIONAL_REGIONS.has(region)) ? 'ZH-HANT' : 'ZH-HANS';
  if (language === 'es') return region && LATIN_AMERICA.has(region) ? 'ES-419' : 'ES';
  return language.toUpperCase();
}
