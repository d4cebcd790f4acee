/**
 * Turns a message into sparse features that work in every script without a word segmenter:
 * character n-grams (2–4) across the whole text, spaces included, so Japanese, Chinese and
 * Thai need no segmentation and German compounds share pieces with their parts; plus word
 * unigrams where the language uses spaces. Numbers collapse to one token: order numbers say
 * nothing about intent.
 */
export function textFeatures(text: string): Map<string, number> {
  const normalized = normalize(text);
  const features = new Map<string, number>();
  const add = (feature: string) => features.set(feature, 1);
  const padded = ` ${normalized} `;
  const chars = [...padded];
  for (let n = 2; n <= 4; n += 1) {
    for (let i = 0; i + n <= chars.length; i += 1) add(`c${n}:${chars.slice(i, i + n).join('')}`);
  }
  for (const word of normalized.split(' ')) if (word.length > 1) add(`w:${word}`);
  return features;
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
