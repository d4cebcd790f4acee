import type { SpanMarkup } from '../translator.ts';

/**
 * What the look-alike servers answer as a "translation": the letters upper-cased (so a test can
 * see the text went through), and the damage real engines do to text they are not told to
 * leave alone: hosts split at their dots ("SHOP. EXAMPLE", as Apertium did), `@` spaced out,
 * digit runs grouped ("10 496"), `€` spelt out. Markup (tags, entities) passes untouched, as
 * the real providers keep tags in `xml`/`html` mode and `⟦N⟧` tokens in text.
 *
 * @example
 * fakeTranslate('Order NL-10496 at shop.example', 'text') // 'ORDER NL-10 496 AT SHOP. EXAMPLE'
 */
export function fakeTranslate(text: string, markup: SpanMarkup): string {
  const keep = markup === 'text' ? /(⟦\s*\d+\s*⟧)/u : /(<[^>]*>|&[#a-z0-9]+;)/iu;
  return text
    .split(keep)
    .map((part, index) => (index % 2 === 1 ? part : mangle(part)))
    .join('');
}

function mangle(part: string): string {
  return part
    .replace(/(\p{L})\.(\p{L})/gu, '$1. $2')
    .replace(/@/g, ' @ ')
    .replace(/(\d)(\d{3})(?!\d)/g, '$1 $2')
    .replace(/€/g, 'EUR')
    .toUpperCase();
}
