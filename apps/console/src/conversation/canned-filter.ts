import type { CannedReplyOption } from '@parley/protocol';

/**
 * The search after a leading `/` ("/ord" → "ord", "/" alone → ""), or undefined when the
 * composer does not hold a slash command (text before it, a space, a second line).
 */
export function slashQuery(text: string): string | undefined {
  const match = /^\/([\p{L}\p{M}\p{N}_-]*)$/u.exec(text);
  return match ? match[1] : undefined;
}

/** Text folded for matching: case and diacritics ignored ("Rückgabe" matches "ruckgabe", "ÉTAT" "etat"). */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The canned replies a search names, best first: titles that start with it, then titles that
 * contain it, then replies found by their keywords alone; otherwise in the gateway's order.
 * Every word of the search must match somewhere in the title or keywords.
 */
export function filterCanned(options: readonly CannedReplyOption[], query: string): CannedReplyOption[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...options];
  const ranked: Array<{ option: CannedReplyOption; rank: number; order: number }> = [];
  options.forEach((option, order) => {
    const title = foldText(option.title);
    const haystack = `${title} ${foldText(option.keywords)}`;
    if (!words.every((word) => haystack.includes(word))) return;
    const rank = title.startsWith(words[0]!) ? 0 : words.some((word) => title.includes(word)) ? 1 : 2;
    ranked.push({ option, rank, order });
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.order - b.order).map((entry) => entry.option);
}

/** A reply the agent can send now: nothing missing, and a shopper's version exists or can be made. */
export function isPickable(option: CannedReplyOption): boolean {
  return !option.missing?.length && option.source !== 'unavailable';
}

/**
 * The option to move to from `from` with the arrow keys (wrapping), or -1 for none. Disabled
 * options are passed over only when moving: they stay readable with a pointer and in the list.
 */
export function stepOption(options: readonly CannedReplyOption[], from: number, step: 1 | -1): number {
  const count = options.length;
  if (count === 0) return -1;
  for (let i = 1; i <= count; i += 1) {
    const index = (((from + step * i) % count) + count) % count;
    if (isPickable(options[index]!)) return index;
  }
  return -1;
}
