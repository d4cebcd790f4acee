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

  it('takes each masked value whole, as the gateway writes it, numbered in text order', () => {
    const text = 'Bestellung NL-10492: +49 ••• 5678, a•••@example.com, •••• 4242 und DE•• •••• •••• •••• 3000.';
    expect(splitMasked(text)).toEqual([
      { text: 'Bestellung NL-10492: ' },
      { text: '+49 ••• 5678', maskIndex: 0 },
      { text: ', ' },
      { text: 'a•••@example.com', maskIndex: 1 },
      { text: ', ' },
      { text: '•••• 4242', maskIndex: 2 },
      { text: ' und ' },
      { text: 'DE•• •••• •••• •••• 3000', maskIndex: 3 },
      { text: '.' },
    ]);
    // Inside Japanese the address ends where the Latin letters do, as on the gateway.
    expect(splitMasked('メールはa•••@example.comです').map((p) => p.text)).toEqual(['メールは', 'a•••@example.com', 'です']);
    // A bare run of bullets (a form this console does not know) is still one value.
    expect(splitMasked('code •••• •••• ok')).toEqual([{ text: 'code ' }, { text: '•••• ••••', maskIndex: 0 }, { text: ' ok' }]);
    expect(splitMasked('nothing hidden')).toEqual([{ text: 'nothing hidden' }]);
  });

  it('names authors, and who replied just now', () => {
    const me = { agentId: 'me', name: 'Ana' };
    expect(authorLabel({ kind: 'visitor' }, me)).toBe('Shopper');
    expect(authorLabel({ kind: 'bot', name: 'Parley' }, me)).toBe('Bot');
    expect(authorLabel({ kind: 'agent', id: 'me', name: 'Ana' }, me)).toBe('Ana (you)');
    expect(authorLabel({ kind: 'agent', id: 'b', name: 'Ben' }, me)).toBe('Ben');
    // History read back from the store has no author id: the name tells.
    expect(authorLabel({ kind: 'agent', name: 'Ana' }, me)).toBe('Ana (you)');
    expect(authorLabel({ kind: 'agent', id: 'other-ana', name: 'Ana' }, me)).toBe('Ana');
    const log = [message(1, 'agent', { author: { kind: 'agent', id: 'b', name: 'Ben' } }), message(2, 'agent', { author: { kind: 'agent', id: 'me', name: 'Ana' } })];
    expect(recentReplier(undefined, log, me)).toBe('Ben');
    expect(recentReplier(undefined, [...log, message(3, 'agent', { author: { kind: 'agent', name: 'Ana' } })], me)).toBe('Ben');
    expect(recentReplier({ agentName: 'Chen' }, log, me)).toBe('Chen');
    expect(recentReplier({ by: 'Ari', at: '2026-12-01T10:00:00.000Z' }, log, me)).toBe('Ari');
  });
});
