import type { Author, Message, Note } from '@parley/protocol';
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

/** A piece of message text: plain, or a masked span with its index (for `reveal`). */
export interface TextPart {
  text: string;
  maskIndex?: number;
}

// A masked value is a run of bullets; "•••• •••• 4242" style groups count as one span.
const MASK = /•+(?:[ .-]•+)*/g;

/** Splits text into plain parts and masked spans, numbered from 0 in text order. */
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

/** "Shopper", "Bot", "System", the agent's name, or "Ana (you)". */
export function authorLabel(author: Author, meId: string | undefined): string {
  switch (author.kind) {
    case 'visitor':
      return t('conv.shopper');
    case 'bot':
      return t('conv.bot');
    case 'system':
      return t('conv.system');
    case 'agent': {
      const name = author.name ?? t('row.unknownAgent');
      return author.id !== undefined && author.id === meId ? t('conv.me', { name }) : name;
    }
  }
}

/**
 * Who "replied just now" when the gateway refused a send: the name in the error's details when
 * it gives one, else the newest reply by another agent in the log.
 */
export function recentReplier(details: unknown, messages: readonly Message[], meId: string | undefined): string {
  // The gateway names the colleague in `details.by` (PARLEY_ERR_CONVERSATION_RECENT_REPLY).
  const fromDetails = (details as { by?: unknown; agentName?: unknown; name?: unknown } | undefined) ?? {};
  const named = typeof fromDetails.by === 'string' ? fromDetails.by : typeof fromDetails.agentName === 'string' ? fromDetails.agentName : fromDetails.name;
  if (typeof named === 'string' && named) return named;
  for (let i = messages.length - 1; i >= 0; i -= 1) {
    const author = messages[i]!.author;
    if (author.kind === 'agent' && author.id !== meId && author.name) return author.name;
  }
  return t('row.unknownAgent');
}
