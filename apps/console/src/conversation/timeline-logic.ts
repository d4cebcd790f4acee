import type { Author, Message, Note } from '@parley/protocol';
import { neutraliseBidi } from '@parley/protocol/display-text';
import { t } from '../i18n/i18n.ts';

/** One entry of the conversation log: a message, or an internal note between them. */
export type TimelineItem = { kind: 'message'; message: Message } | { kind: 'note'; note: Note };

/** Messages in seq order, each once (live events and the opening history may overlap). */
export function addMessages(messages: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  for (const message of incoming) byId.set(message.id, message);
  return [...byId.values()].sort((a, b) => a.seq - b.seq);
}

/** Notes in time order, each once. */
export function addNotes(notes: readonly Note[], incoming: readonly Note[]): Note[] {
  const byId = new Map(notes.map((n) => [n.id, n]));
  for (const note of incoming) byId.set(note.id, note);
  return [...byId.values()].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

/** Messages and notes interleaved by time; messages keep their seq order. */
export function mergeTimeline(messages: readonly Message[], notes: readonly Note[]): TimelineItem[] {
  const items: TimelineItem[] = [];
  let n = 0;
  for (const message of messages) {
    while (n < notes.length && Date.parse(notes[n]!.createdAt) < Date.parse(message.createdAt)) items.push({ kind: 'note', note: notes[n++]! });
    items.push({ kind: 'message', message });
  }
  while (n < notes.length) items.push({ kind: 'note', note: notes[n++]! });
  return items;
}

/** The seq of the newest agent message the shopper has read: "Seen" goes under it alone. */
export function lastSeenAgentSeq(messages: readonly Message[], visitorReadSeq: number): number | undefined {
  let seen: number | undefined;
  for (const message of messages) {
    if (message.author.kind === 'agent' && message.seq <= visitorReadSeq) seen = message.seq;
  }
  return seen;
}

/** A piece of message text: plain, or a masked value with its index (for `reveal`). */
export interface TextPart {
  text: string;
  maskIndex?: number;
}

// The gateway's masked forms, whole, so a value stays one left-to-right unit inside Arabic or
// Hebrew text and a reveal replaces all of it: `a•••@example.com`, `DE•• •••• •••• •••• 3000`,
// `+49 ••• 5678`, `•••• 4242`; a bare run of bullets (an unknown form) still counts as one.
const NOT_CJK = '(?![\\p{scx=Han}\\p{scx=Hiragana}\\p{scx=Katakana}\\p{scx=Hangul}])';
const DOMAIN_CHAR = `(?:${NOT_CJK}[\\p{L}\\p{M}\\p{N}])`;
const LABEL = `${DOMAIN_CHAR}(?:(?:${DOMAIN_CHAR}|-)*${DOMAIN_CHAR})?`;
const MASKED_FORMS = [
  `[^\\s•@]?•+[@＠](?:${LABEL}\\.)+(?:${NOT_CJK}\\p{L}){2,63}`,
  '[A-Z]{2}•+(?: •+)+ [0-9A-Z]{1,4}(?![0-9A-Za-z])',
  '\\+\\d{1,4} •+ \\d{1,4}(?!\\d)',
  '•+ \\d{4}(?!\\d)',
  '•+(?:[ .-]•+)*',
];
const MASK = new RegExp(MASKED_FORMS.join('|'), 'gu');

/**
 * Splits text into plain parts and masked values, numbered from 0 in text order: the index
 * the gateway's `pii:reveal` expects (it counts the personal data it masked, in order).
 */
export function splitMasked(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  let index = 0;
  for (const match of text.matchAll(MASK)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ text: match[0], maskIndex: index++ });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** The signed-in agent, as far as telling their own messages apart needs. */
export interface Me {
  agentId: string;
  name: string;
}

/**
 * Whether an author is me. Live events carry the agent's id; history read back from the store
 * carries the name alone (the gateway does not keep the id), so the name decides then.
 */
export function isMe(author: Author, me: Me | undefined): boolean {
  if (author.kind !== 'agent' || !me) return false;
  return author.id !== undefined ? author.id === me.agentId : author.name === me.name;
}

/** "Shopper", "Bot", "System", the agent's name, or "Ana (you)". */
export function authorLabel(author: Author, me: Me | undefined): string {
  switch (author.kind) {
    case 'visitor':
      return t('conv.shopper');
    case 'bot':
      return t('conv.bot');
    case 'system':
      return t('conv.system');
    case 'agent': {
      // Agents name themselves: no override characters in what colleagues read.
      const name = neutraliseBidi(author.name ?? t('row.unknownAgent'));
      return isMe(author, me) ? t('conv.me', { name }) : name;
    }
  }
}

/**
 * Who "replied just now" when the gateway refused a send: the name in the error's details when
 * it gives one, else the newest reply by another agent in the log.
 */
export function recentReplier(details: unknown, messages: readonly Message[], me: Me | undefined): string {
  // The gateway names the colleague in `details.by` (PARLEY_ERR_CONVERSATION_RECENT_REPLY).
  const fromDetails = (details as { by?: unknown; agentName?: unknown; name?: unknown } | undefined) ?? {};
  const named = typeof fromDetails.by === 'string' ? fromDetails.by : typeof fromDetails.agentName === 'string' ? fromDetails.agentName : fromDetails.name;
  if (typeof named === 'string' && named) return named;
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const author = messages[i]!.author;
    if (author.kind === 'agent' && !isMe(author, me) && author.name) return author.name;
  }
  return t('row.unknownAgent');
}
