import { eld } from 'eld/small';
import { chineseScript } from './chinese-script.ts';
import { breakTie } from './function-words.ts';

/** What `detectLanguage` found. `lang` is a BCP 47 language (`zh-Hans`/`zh-Hant` for Chinese) or `und`. */
export interface LanguageDetection {
  lang: string;
  /** 0…1: the detector's score for `lang` (1 for unambiguous scripts). */
  confidence: number;
  /** True only when the text is long enough and the winner clear: only then may the locale flip. */
  isReliable: boolean;
}

const UNKNOWN: LanguageDetection = { lang: 'und', confidence: 0, isReliable: false };

// Languages Parley speaks that are written in Latin script; eld decides among these only.
// eld has no Indonesian but has Malay, which Indonesian shoppers' text scores as: Parley does
// not speak Malay, so `ms` is read as Indonesian on purpose.
const LATIN_LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'pl', 'tr', 'vi', 'ms'];
const ELD_TO_BCP47: Record<string, string> = { ms: 'id' };
eld.setLanguageSubset(LATIN_LANGUAGES);

const MIN_WORDS = 3;
const MIN_CJK_CHARS = 4;
// eld's own isReliable() refuses most chat-length text; a clear lead over the runner-up is the
// better signal here (measured on short-messages.fixture.ts).
const MIN_SCORE = 0.6;
const MIN_MARGIN = 0.05;
// Two words may decide when they are long and unambiguous ("Siparişim nerede?").
const MIN_TWO_WORD_LETTERS = 12;
const MIN_TWO_WORD_MARGIN = 0.15;

// Unicode scripts whose text, when it dominates, names one supported language by itself.
const SCRIPT_LANGUAGES: [RegExp, string][] = [
  [/\p{Script=Hangul}/gu, 'ko'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Devanagari}/gu, 'hi'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
];
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;

// Short courtesy words that never say which language a shopper wants to be answered in.
const COURTESY =
  /^(ok(ay)?|k|thanks?|thx|ty|thank you|merci|danke|gracias|obrigad[oa]|grazie|dank je|dzięki|teşekkürler|cảm ơn|terima kasih|спасибо|شكرا|תודה|धन्यवाद|ありがとう(ございます)?|谢谢|謝謝|감사합니다|ขอบคุณ(ครับ|ค่ะ)?|hi|hello|hey|hola|bonjour|hallo|ciao|oi)$/iu;

/**
 * Detects the language of a short chat message. Non-Latin scripts are decided by Unicode
 * script (kana → Japanese, Hangul → Korean, Han → Chinese with Simplified/Traditional told
 * apart by character tables, …); only Latin-script text goes to the statistical detector
 * (`eld`, restricted to the languages Parley speaks). Short or ambiguous text is `und`.
 *
 * @example
 * detectLanguage('Meine Bestellung ist verschwunden') // { lang: 'de', confidence: 0.82, isReliable: true }
 * detectLanguage('ok')                                // { lang: 'und', confidence: 0, isReliable: false }
 */
export function detectLanguage(text: string): LanguageDetection {
  const letters = text
    .normalize('NFC')
    .replace(/https?:\/\/[\x21-\x7e]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|#?\b[\w-]*\d[\w-]*\b/gu, ' ') // URLs, emails, order numbers (ASCII only: in CJK text no space ends them)
    .replace(/[^\p{L}\p{M}\s'’-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!letters || COURTESY.test(letters.replace(/[!.?¡¿\s]+$/u, ''))) return UNKNOWN;

  const count = (pattern: RegExp) => letters.match(pattern)?.length ?? 0;
  const kana = count(KANA);
  const han = count(HAN);
  const latin = count(LATIN);
  const scripts = SCRIPT_LANGUAGES.map(([pattern, lang]) => ({ lang, letters: count(pattern) }));
  const strongest = scripts.reduce((best, entry) => (entry.letters > best.letters ? entry : best), { lang: 'und', letters: 0 });

  if (kana + han > Math.max(latin, strongest.letters)) {
    if (kana + han < MIN_CJK_CHARS) return UNKNOWN;
    if (kana > 0) return { lang: 'ja', confidence: 1, isReliable: true };
    const script = chineseScript(letters);
    return script ? { lang: script, confidence: 1, isReliable: true } : { lang: 'zh', confidence: 0.6, isReliable: true };
  }
  if (strongest.letters > latin) {
    // One script, one language: two words suffice (courtesy words were excluded above).
    const isSyllabic = strongest.lang === 'ko' || strongest.lang === 'th';
    const isLongEnough = isSyllabic ? strongest.letters >= MIN_CJK_CHARS : wordCount(letters) >= 2;
    return isLongEnough ? { lang: strongest.lang, confidence: 1, isReliable: true } : UNKNOWN;
  }
  return detectLatin(letters);
}

function detectLatin(letters: string): LanguageDetection {
  const words = wordCount(letters);
  const isTwoLongWords = words === 2 && letters.replace(/\s/g, '').length >= MIN_TWO_WORD_LETTERS;
  if (words < MIN_WORDS && !isTwoLongWords) return UNKNOWN;
  const result = eld.detect(letters);
  if (!result.language) return UNKNOWN;
  const [best, runnerUp] = Object.entries(result.getScores()).sort((a, b) => b[1] - a[1]);
  const top = best?.[1] ?? 0;
  const margin = top - (runnerUp?.[1] ?? 0);
  const requiredMargin = isTwoLongWords ? MIN_TWO_WORD_MARGIN : MIN_MARGIN;
  let language = result.language;
  let isReliable = top >= MIN_SCORE && margin >= requiredMargin;
  if (!isReliable && top >= MIN_SCORE && best && runnerUp && !isTwoLongWords) {
    const winner = breakTie(letters, best[0], runnerUp[0]);
    if (winner) [language, isReliable] = [winner, true];
  }
  return { lang: ELD_TO_BCP47[language] ?? language, confidence: top, isReliable };
}

function wordCount(text: string): number {
  return text.split(' ').filter((word) => word.length > 0).length;
}
