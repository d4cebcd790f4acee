import type { SpanMarkup } from '../translator.ts';
import { candidateSpans } from './span-patterns.ts';
import type { ProtectedKind, SpanRange } from './span-patterns.ts';

export type { ProtectedKind, SpanRange } from './span-patterns.ts';

/** What must come back unchanged from a translation. */
export interface ProtectOptions {
  /**
   * Personal data found by the caller's masking (offsets into the text). Only a placeholder is
   * sent for it, so the value never leaves for a provider; it is restored from here.
   */
  personalData?: readonly SpanRange[] | undefined;
  /** The site's order-number patterns. */
  orderPatterns?: readonly RegExp[] | undefined;
  /** The site's product names and other terms that must not be translated. */
  glossary?: readonly string[] | undefined;
}

/** One span kept out of the translation. */
export interface ProtectedSpan extends SpanRange {
  kind: ProtectedKind;
  value: string;
}

/** A text ready for a provider, and the way back. */
export interface ShieldedText {
  /** What is sent: protected spans replaced by numbered placeholders in the provider's markup. */
  text: string;
  spans: readonly ProtectedSpan[];
  /**
   * The translation with every placeholder put back. Null when the provider lost, duplicated or
   * invented a placeholder: such a translation would drop an order number or an address, so the
   * caller treats it as failed (`unfaithful`) and shows the original.
   */
  restore(translated: string): string | null;
}

const PLACEHOLDER_OUT: Record<SpanMarkup, RegExp> = {
  text: /⟦\s*(\d+)\s*⟧/gu,
  xml: /<x\s+id\s*=\s*["'](\d+)["']\s*\/>(?:\s*<\/x>)?/gu,
  html: /<span\b[^>]*>\s*(\d+)\s*<\/span>/gu,
};

function placeholder(markup: SpanMarkup, index: number): string {
  if (markup === 'xml') return `<x id="${index}"/>`;
  if (markup === 'html') return `<span translate="no" class="notranslate">${index}</span>`;
  return `⟦${index}⟧`;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const escapeMarkup = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const unescapeMarkup = (text: string) =>
  text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/giu, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    return ENTITIES[name!.toLowerCase()] ?? whole;
  });

/**
 * Replaces what must not change (personal data, emails, URLs, order and tracking numbers,
 * amounts with their currency, glossary terms) with numbered placeholders the provider leaves
 * alone, first claim wins where spans overlap.
 *
 * @example
 * const shielded = shieldText('Order NL-10496 ships to shop.example', 'text', { orderPatterns: [/NL-\d{5}/] });
 * shielded.text // 'Order ⟦0⟧ ships to ⟦1⟧'
 * shielded.restore('Pedido ⟦0⟧ enviado a ⟦1⟧') // 'Pedido NL-10496 enviado a shop.example'
 */
export function shieldText(text: string, markup: SpanMarkup, options: ProtectOptions = {}): ShieldedText {
  const taken: ProtectedSpan[] = [];
  for (const { kind, range } of candidateSpans(text, options)) {
    if (range.end <= range.start || taken.some((span) => range.start < span.end && span.start < range.end)) continue;
    taken.push({ ...range, kind, value: text.slice(range.start, range.end) });
  }
  const spans = taken.sort((a, b) => a.start - b.start);
  const escape = markup === 'text' ? (part: string) => part : escapeMarkup;
  let shielded = '';
  let at = 0;
  spans.forEach((span, index) => {
    shielded += escape(text.slice(at, span.start)) + placeholder(markup, index);
    at = span.end;
  });
  shielded += escape(text.slice(at));

  return {
    text: shielded,
    spans,
    restore(translated) {
      const seen = new Set<number>();
      let isFaithful = true;
      const pattern = new RegExp(PLACEHOLDER_OUT[markup].source, PLACEHOLDER_OUT[markup].flags);
      // Unescape the text between placeholders only: a restored value is never unescaped twice.
      let restored = '';
      let last = 0;
      for (const match of translated.matchAll(pattern)) {
        const index = Number(match[1]);
        if (seen.has(index) || !spans[index]) isFaithful = false;
        seen.add(index);
        const between = translated.slice(last, match.index);
        restored += markup === 'text' ? between : unescapeMarkup(between);
        last = match.index + match[0].length;
        const span = spans[index];
        if (!span) continue;
        // Personal data must stay a word of its own: glued to the next word by a provider that
        // dropped a space ("612 345 678o"), the agent's masking would no longer see it.
        const isPersonal = span.kind === 'personal' || span.kind === 'email';
        const before = isPersonal && WORD_CHAR.test(restored.slice(-1)) ? ' ' : '';
        const after = isPersonal && WORD_CHAR.test(translated.charAt(last)) ? ' ' : '';
        restored += before + span.value + after;
      }
      const tail = translated.slice(last);
      restored += markup === 'text' ? tail : unescapeMarkup(tail);
      if (!isFaithful || seen.size !== spans.length) return null;
      return restored;
    },
  };
}
