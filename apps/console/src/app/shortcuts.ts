import type { StringKey } from '../i18n/locales/en.ts';

/** What a single-key shortcut does. */
export type ShortcutAction = 'next' | 'prev' | 'open' | 'resolve' | 'assign' | 'reply' | 'search' | 'help';

/** The parts of a keydown the decision needs (a KeyboardEvent fits). */
export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  isComposing?: boolean;
  target: EventTarget | { tagName?: string; isContentEditable?: boolean; type?: string } | null;
}

const KEYS: Record<string, ShortcutAction> = { j: 'next', k: 'prev', Enter: 'open', e: 'resolve', a: 'assign', r: 'reply', '/': 'search', '?': 'help' };
// Input types where a letter is not text: shortcuts stay on when they have focus.
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color']);
// Controls that act on Enter themselves; the global Enter must not act twice.
const ENTER_HANDLERS = new Set(['BUTTON', 'A', 'SUMMARY', 'SELECT']);

/** True when the target takes typed text (so single keys are the agent's words, not commands). */
export function isTypingTarget(target: KeyInput['target']): boolean {
  if (!target || typeof target !== 'object') return false;
  const element = target as { tagName?: string; isContentEditable?: boolean; type?: string };
  if (element.isContentEditable) return true;
  if (element.tagName === 'TEXTAREA' || element.tagName === 'SELECT') return true;
  return element.tagName === 'INPUT' && !NON_TEXT_INPUTS.has((element.type ?? 'text').toLowerCase());
}

/** The shortcut a keydown means, or null (a modifier, an IME, a text field, or no shortcut). */
export function shortcutFor(input: KeyInput): ShortcutAction | null {
  if (input.ctrlKey || input.metaKey || input.altKey || input.isComposing) return null;
  const action = KEYS[input.key];
  if (!action || isTypingTarget(input.target)) return null;
  const tagName = (input.target as { tagName?: string } | null)?.tagName;
  if (action === 'open' && tagName && ENTER_HANDLERS.has(tagName)) return null;
  return action;
}

/** The help dialog's rows, in reading order. */
export const SHORTCUT_HELP: ReadonlyArray<{ keys: string[]; label: StringKey }> = [
  { keys: ['j'], label: 'help.next' },
  { keys: ['k'], label: 'help.prev' },
  { keys: ['Enter'], label: 'help.open' },
  { keys: ['e'], label: 'help.resolve' },
  { keys: ['a'], label: 'help.assign' },
  { keys: ['r'], label: 'help.reply' },
  { keys: ['/'], label: 'help.search' },
  { keys: ['?'], label: 'help.help' },
  { keys: ['Esc'], label: 'help.escape' },
  { keys: ['Enter'], label: 'help.send' },
  { keys: ['Shift', 'Enter'], label: 'help.newline' },
];
