import { primaryLanguage } from '../translator.ts';

/** One entry of LibreTranslate's `GET /languages`. */
export interface LibreLanguage {
  code: string;
  name?: string | undefined;
  /** The codes this language translates into. */
  targets: readonly string[];
}

const isTraditionalChinese = (lower: string) => /^zh[-_](hant|tw|hk|mo)\b/.test(lower);

/**
 * The codes a BCP 47 tag may go by on a LibreTranslate server, best first. Servers differ by
 * version: older ones list `zh` (Simplified) and `zt` (Traditional) and one `pt`; newer ones
 * `zh-Hans`/`zh-Hant` and may add `pt-BR` (some list it as `pb`). Traditional Chinese never falls
 * back to `zh`: that would answer in the other script.
 */
function candidates(tag: string): string[] {
  const lower = tag.replace(/_/g, '-').toLowerCase();
  const primary = primaryLanguage(tag);
  if (primary === 'zh') return isTraditionalChinese(lower) ? ['zh-Hant', 'zt', 'zh-TW'] : ['zh-Hans', 'zh', 'zh-CN'];
  if (lower.startsWith('pt-br')) return ['pt-BR', 'pb', 'pt'];
  if (lower.startsWith('pt-pt')) return ['pt-PT', 'pt'];
  return [tag, primary];
}

/**
 * The code this server uses for `tag`, as it spells it, or undefined when it lists none.
 * Without a list (the server did not answer `/languages`), the usual code of current releases.
 *
 * @example
 * libreLanguage('zh-Hant', [{ code: 'zt', targets: [] }]) // 'zt'
 * libreLanguage('pt-BR', [{ code: 'pt', targets: [] }]) // 'pt'
 * libreLanguage('es-MX', null) // 'es'
 */
export function libreLanguage(tag: string, languages: readonly LibreLanguage[] | null): string | undefined {
  if (!languages) {
    const primary = primaryLanguage(tag);
    return primary === 'zh' && isTraditionalChinese(tag.toLowerCase()) ? 'zt' : primary;
  }
  for (const option of candidates(tag)) {
    const listed = languages.find((language) => language.code.toLowerCase() === option.toLowerCase());
    if (listed) return listed.code;
  }
  return undefined;
}
