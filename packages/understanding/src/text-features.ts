/** Scripts in which one character can be a whole word: 嗨, 好, 네. */
const WORD_CHARACTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER = /[\p{L}\p{M}]/gu;

/**
 * Turns a message into sparse features that work in every script without a word segmenter:
 * character n-grams (2–4) across the whole text, spaces included, so Japanese, Chinese and
 * Thai need no segmentation and German compounds share pieces with their parts; plus word
 * unigrams where the language uses spaces. Numbers collapse to one token: order numbers say
 * nothing about intent. Text without a word (lone letters, digits, punctuation, emoji) has no
 * features: the n-grams of "x" are only pieces of other words (the end of "tax").
 */
export function textFeatures(text: string): Map<string, number> {
  const normalized = normalize(text);
  const features = new Map<string, number>();
  if (!normalized.split(' ').some(isWord)) return features;
  const add = (feature: string) => features.set(feature, 1);
  const padded = ` ${normalized} `;
  const chars = [...padded];
  for (let n = 2; n <= 4; n += 1) {
    for (let i = 0; i + n <= chars.length; i += 1) add(`c${n}:${chars.slice(i, i + n).join('')}`);
  }
  for (const word of normalized.split(' ')) if (word.length > 1) add(`w:${word}`);
  return features;
}

/** A word: two letters or more, or one character of a script where that is enough. */
function isWord(token: string): boolean {
  return WORD_CHARACTER.test(token) || (token.match(LETTER)?.length ?? 0) >= 2;
}

/** Lower case, NFKC, digits to #, punctuation and emoji to spaces. */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’`´]/gu, "'")
    .replace(/\p{N}+/gu, '#')
    .replace(/[^\p{L}\p{M}#' ]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}
