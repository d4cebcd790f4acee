/**
 * Zod-free helpers for showing user-written text safely (widget and console).
 */

/** LRE, RLE, PDF, LRO, RLO: the explicit embeddings and overrides of the Unicode bidi algorithm. */
const EMBEDDING_OR_OVERRIDE = /[\u202A-\u202E]/;
/** LRI, RLI, FSI: isolate initiators; PDI (U+2069) closes the innermost open one. */
const ISOLATE_INITIATOR = /[\u2066-\u2068]/;
const PDI = '\u2069';
/** Paragraph separators (UAX #9 class B): every open embedding and isolate ends at one. */
const PARAGRAPH_SEPARATORS = new Set(['\n', '\r', '\u001C', '\u001D', '\u001E', '\u0085', '\u2029']);
/** A quick test, so text without any explicit bidi control (nearly all of it) is returned as is. */
const ANY_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * `text` as it should be shown to someone who must be able to trust what they read: in its
 * logical (typed) order, so `abc\u202Efdp.exe\u202C` reads "abcfdp.exe", not "abcexe.pdf".
 *
 * - The explicit embeddings and overrides (U+202A–U+202E) are removed. Overrides reverse strong
 *   characters, which is how a file name or a link is disguised; embeddings can reorder whole
 *   words. Legitimate Arabic, Hebrew or mixed text needs neither: the bidi algorithm orders it
 *   from the characters themselves, and each message is rendered as its own `dir="auto"` run.
 * - Isolates (LRI, RLI, FSI … PDI, U+2066–U+2069) are kept when balanced within a paragraph:
 *   they cannot reach outside themselves and are what careful software inserts around a name.
 *   An initiator without its PDI (it would extend to the end of the paragraph) and a PDI
 *   without an initiator are removed.
 * - The implicit marks (LRM U+200E, RLM U+200F, ALM U+061C) are kept: they only settle the
 *   direction of neighbouring punctuation, never reorder letters, and real text uses them.
 *
 * Removing rather than replacing keeps the visible characters exactly as written (copy and
 * search still find "fdp.exe"). Apply it to every user-written string right before rendering
 * (as text, never as HTML); stored text is left as the shopper sent it.
 *
 * @example
 * neutraliseBidi('abc\u202Efdp.exe\u202C'); // 'abcfdp.exe'
 * neutraliseBidi('\u2067שלום\u2069 world'); // unchanged: a balanced isolate
 * neutraliseBidi('مرحبا بك'); // unchanged
 */
export function neutraliseBidi(text: string): string {
  if (!ANY_CONTROL.test(text)) return text;
  const kept: string[] = [];
  /** Indexes in `kept` of the isolate initiators still open in this paragraph. */
  const open: number[] = [];
  const dropOpen = () => {
    for (const index of open.splice(0)) kept[index] = '';
  };
  for (const char of text) {
    if (EMBEDDING_OR_OVERRIDE.test(char)) continue;
    if (ISOLATE_INITIATOR.test(char)) {
      open.push(kept.length);
      kept.push(char);
    } else if (char === PDI) {
      if (open.pop() !== undefined) kept.push(char);
    } else {
      if (PARAGRAPH_SEPARATORS.has(char)) dropOpen();
      kept.push(char);
    }
  }
  dropOpen();
  return kept.join('');
}
