/**
 * The canned-reply editor's rules in plain TypeScript: the same limits the gateway enforces
 * (apps/gateway/src/features/translation/site-translation.ts, canned-routes.ts), checked as the
 * admin types so a refusal is the exception, not the way to learn the rules.
 */

/** The 23 locales Parley ships canned replies and UI culture for. */
export const PARLEY_LOCALES = [
  'en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'es-MX', 'pt-BR', 'pt-PT', 'it-IT', 'nl-NL', 'pl-PL', 'tr-TR',
  'ru-RU', 'ar-SA', 'he-IL', 'hi-IN', 'ja-JP', 'ko-KR', 'zh-Hans', 'zh-Hant', 'th-TH', 'vi-VN', 'id-ID',
] as const;

/** Plain languages (a `de` body serves every German locale), one per language of PARLEY_LOCALES. */
export const PLAIN_LANGUAGES: readonly string[] = [...new Set(PARLEY_LOCALES.map((locale) => locale.split('-')[0] ?? locale))];

/** The variables a body may use (the gateway's CANNED_VARIABLES; the console does not bundle @parley/culture). */
export const CANNED_VARIABLES = ['shopper.name', 'order.number', 'agent.name'] as const;

/** The gateway's limits for a site's canned reply. */
export const LIMITS = { keyMax: 64, titleMax: 80, bodyMax: 4000 } as const;

const KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
// The same placeholder the gateway reads: `{{ name }}`, spaces allowed inside.
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/gu;
const STRAY_BRACES = /\{\{[^{}]*|\}\}/u;

/** What is wrong with one field, as a code the screen turns into words. */
export type FieldProblem =
  | { kind: 'required' }
  | { kind: 'tooLong'; max: number }
  | { kind: 'keyChars' }
  | { kind: 'keyTaken' }
  | { kind: 'unknownVariables'; unknown: string[] }
  | { kind: 'strayBraces' }
  | { kind: 'noBodies' }
  | { kind: 'server'; message: string; unknown?: string[] };

/** One body being edited: its locale tag and text. */
export interface DraftBody {
  locale: string;
  text: string;
}

/** The editor's state: a new reply (`isNew`) or an existing one, whose key cannot change. */
export interface Draft {
  isNew: boolean;
  key: string;
  title: string;
  bodies: DraftBody[];
}

/** Field names match the gateway's `details.field`: `key`, `title`, `bodies`, `bodies.<locale>`. */
export type Problems = Record<string, FieldProblem>;

/** The key's problem, or undefined when it is fine; `taken` are the keys already in the list. */
export function keyProblem(key: string, taken: readonly string[] = []): FieldProblem | undefined {
  if (key === '') return { kind: 'required' };
  if (key.length > LIMITS.keyMax) return { kind: 'tooLong', max: LIMITS.keyMax };
  if (!KEY.test(key)) return { kind: 'keyChars' };
  if (taken.includes(key)) return { kind: 'keyTaken' };
  return undefined;
}

/** True for a tag the gateway takes as a body locale (`de`, `de-DE`, `zh-Hant`). */
export function isLocaleTag(tag: string): boolean {
  return LOCALE.test(tag);
}

/** The `{{…}}` names in a body that are not CANNED_VARIABLES, in order of first use. */
export function unknownVariables(text: string): string[] {
  const known: readonly string[] = CANNED_VARIABLES;
  const used = Array.from(text.matchAll(PLACEHOLDER), (match) => match[1] ?? '');
  return [...new Set(used.filter((name) => !known.includes(name)))];
}

/** A body's problem, or undefined when the gateway will take it. */
export function bodyProblem(text: string): FieldProblem | undefined {
  if (text.trim() === '') return { kind: 'required' };
  if (text.trim().length > LIMITS.bodyMax) return { kind: 'tooLong', max: LIMITS.bodyMax };
  const unknown = unknownVariables(text);
  if (unknown.length > 0) return { kind: 'unknownVariables', unknown };
  // Saved, but a shopper would never get it: the picker shows a reply with a broken placeholder disabled.
  if (STRAY_BRACES.test(text.replace(PLACEHOLDER, ''))) return { kind: 'strayBraces' };
  return undefined;
}

/** Every problem of the draft, keyed by field; empty when it can be saved. */
export function draftProblems(draft: Draft, taken: readonly string[] = []): Problems {
  const problems: Problems = {};
  if (draft.isNew) {
    const key = keyProblem(draft.key, taken);
    if (key) problems['key'] = key;
  }
  const title = draft.title.trim();
  if (title === '') problems['title'] = { kind: 'required' };
  else if (title.length > LIMITS.titleMax) problems['title'] = { kind: 'tooLong', max: LIMITS.titleMax };
  if (draft.bodies.length === 0) problems['bodies'] = { kind: 'noBodies' };
  for (const body of draft.bodies) {
    const problem = bodyProblem(body.text);
    if (problem) problems[`bodies.${body.locale}`] = problem;
  }
  return problems;
}

/** What `PUT …/canned-replies/:key` takes: the title and bodies, trimmed. */
export function draftPayload(draft: Draft): { title: string; bodies: Record<string, string> } {
  return { title: draft.title.trim(), bodies: Object.fromEntries(draft.bodies.map((body) => [body.locale, body.text.trim()])) };
}

/** A fresh draft with one empty body in the site's default locale. */
export function emptyDraft(defaultLocale: string): Draft {
  return { isNew: true, key: '', title: '', bodies: [{ locale: defaultLocale, text: '' }] };
}

/** A saved reply as a draft to edit (bodies in a stable order: the 23 locales' order, then by tag). */
export function draftOf(reply: { key: string; title: string; bodies: Record<string, string> }): Draft {
  return { isNew: false, key: reply.key, title: reply.title, bodies: sortLocales(Object.keys(reply.bodies)).map((locale) => ({ locale, text: reply.bodies[locale] ?? '' })) };
}

/** Locale tags in the order of PARLEY_LOCALES, plain languages and others after, alphabetically. */
export function sortLocales(tags: readonly string[]): string[] {
  const rank = (tag: string) => {
    const index = (PARLEY_LOCALES as readonly string[]).indexOf(tag);
    return index === -1 ? PARLEY_LOCALES.length : index;
  };
  return [...tags].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The locales and languages the "Add locale" select still offers (those without a body yet). */
export function addableLocales(used: readonly string[]): { locales: string[]; languages: string[] } {
  return { locales: PARLEY_LOCALES.filter((tag) => !used.includes(tag)), languages: PLAIN_LANGUAGES.filter((tag) => !used.includes(tag)) };
}

/**
 * `{{name}}` put in place of the selection `[start, end)`, with where the caret goes after it.
 * Used by the variable buttons, so an insert never lands at the end of a long body by accident.
 */
export function insertVariable(text: string, start: number, end: number, name: string): { text: string; caret: number } {
  const snippet = `{{${name}}}`;
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + snippet + text.slice(to), caret: from + snippet.length };
}

/**
 * The field a refused save names (`details.field`, e.g. `bodies.de-DE`) and its problem, so the
 * screen shows it beside that field; undefined when the refusal names no field.
 */
export function serverFieldProblem(error: unknown): { field: string; problem: FieldProblem } | undefined {
  const { code, message, details } = (error ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
  if (code !== 'PARLEY_ERR_PAYLOAD_INVALID' || typeof details !== 'object' || details === null) return undefined;
  const { field, unknown } = details as { field?: unknown; unknown?: unknown };
  if (typeof field !== 'string' || field === '') return undefined;
  const names = Array.isArray(unknown) ? unknown.filter((name): name is string => typeof name === 'string') : [];
  if (names.length > 0) return { field, problem: { kind: 'unknownVariables', unknown: names } };
  return { field, problem: { kind: 'server', message: typeof message === 'string' ? message : String(code) } };
}
