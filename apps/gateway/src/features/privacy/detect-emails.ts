import { BULLET } from './personal-data.ts';
import type { PersonalDataSpan } from './personal-data.ts';

// Unicode letters are welcome in addresses (`josé@correo.es`, `почта@пример.рф`), but Chinese,
// Japanese and Korean are written without spaces, so their letters would glue the words
// around an address onto it (`メールはana@example.comです`); they end an address instead.
const NOT_CJK = '(?![\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}\\p{scx=Hangul}])';
const LOCAL_CHAR = `(?:${NOT_CJK}[\\p{L}\\p{M}\\p{N}_%+'\\-])`;
const DOMAIN_CHAR = `(?:${NOT_CJK}[\\p{L}\\p{M}\\p{N}])`;
const LABEL = `${DOMAIN_CHAR}(?:(?:${DOMAIN_CHAR}|-)*${DOMAIN_CHAR})?`;
const EMAIL_PATTERN = new RegExp(
  `(?<!${LOCAL_CHAR})(${LOCAL_CHAR}+(?:\\.${LOCAL_CHAR}+)*)[@＠]((?:${LABEL}\\.)+(?:${NOT_CJK}\\p{L}){2,63})(?!${DOMAIN_CHAR}|-)`,
  'gu',
);

/**
 * Email addresses in `text` (a full-width `＠` counts too), masked as the first character of
 * the local part, bullets, and the domain as written: `j•••@example.com`.
 */
export function findEmails(text: string): PersonalDataSpan[] {
  return [...text.matchAll(EMAIL_PATTERN)].map((match) => {
    const [whole, local = '', domain = ''] = match;
    const first = Array.from(local)[0] ?? '';
    return { start: match.index, end: match.index + whole.length, kind: 'email', masked: `${first}${BULLET.repeat(3)}@${domain}` };
  });
}
