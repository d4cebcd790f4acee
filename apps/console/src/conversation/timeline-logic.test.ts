import { describe, expect, it } from 'vitest';
import type { Message, Note } from '@parley/protocol';
import { addMessages, authorLabel, lastSeenAgentSeq, mergeTimeline, recentReplier, splitMasked } from './timeline-logic.ts';

const at = (s: number) => new Date(Date.UTC(2025, 2, 12, 10, 0, s)).toISOString();
function message(seq: number, kind: Message['author']['kind'], extra: Partial<Message> = {}): Message {
  return { id: `m${seq}`, conversationId: 'c1', seq, clientMsgId: `k${seq}`, author: { kind }, text: `text ${seq}`, createdAt: at(seq * 10), ...extra };
}
const note = (id: string, second: number): Note => ({ id, conversationId: 'c1', clientNoteId: id, author: { kind: 'agent', id: 'me', name: 'Ana' }, text: 'note', createdAt: at(second) });

describe('timeline', () => {
  it('keeps messages once, in seq order', () => {
    const merged = addMessages([message(2, 'visitor'), message(1, 'bot')], [message(2, 'visitor'), message(3, 'agent')]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('interleaves notes by time', () => {
    const items = mergeTimeline([message(1, 'visitor'), message(2, 'agent')], [note('n1', 15), note('n2', 99)]);
    expect(items.map((i) => (i.kind === 'note' ? i.note.id : i.message.id))).toEqual(['m1', 'n1', 'm2', 'n2']);
  });

  it('marks "Seen" under the newest agent message the shopper has read', () => {
    const messages = [message(1, 'visitor'), message(2, 'agent'), message(3, 'agent'), message(4, 'visitor'), message(5, 'agent')];
    expect(lastSeenAgentSeq(messages, 4)).toBe(3);
    expect(lastSeenAgentSeq(messages, 5)).toBe(5);
    expect(lastSeenAgentSeq(messages, 1)).toBeUndefined();
  });

  it('finds masked spans and numbers them in text order', () => {
    expect(splitMasked('Call me at •••• •••• 42 or mail •••@•••')).toEqual([
      { text: 'Call me at ' },
      { text: '•••• ••••', maskIndex: 0 },
      { text: ' 42 or mail ' },
      { text: '•••', maskIndex: 1 },
      { text: '@' },
      { text: '•••', maskIndex: 2 },
    ]);
    expect(splitMasked('nothing hidden')).toEqual([{ text: 'nothing hidden' }]);
  });

  it('names authors, and who replied just now', () => {
    expect(authorLabel({ kind: 'visitor' }, 'me')).toBe('Shopper');
    expect(authorLabel({ kind: 'bot', name: 'Parley' }, 'me')).toBe('Bot');
    expect(authorLabel({ kind: 'agent', id: 'me', name: 'Ana' }, 'me')).toBe('Ana (you)');
    expect(authorLabel({ kind: 'agent', id: 'b', name: 'Ben' }, 'me')).toBe('Ben');
    const log = [message(1, 'agent', { author: { kind: 'agent', id: 'b', name: 'Ben' } }), message(2, 'agent', { author: { kind: 'agent', id: 'me', name: 'Ana' } })];
    expect(recentReplier(undefined, log, 'me')).toBe('Ben');
    expect(recentReplier({ agentName: 'Chen' }, log, 'me')).toBe('Chen');
    expect(recentReplier({ by: 'Ari', at: '2026-12-01T10:00:00.000Z' }, log, 'me')).toBe('Ari');
  });
});
