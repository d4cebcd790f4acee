import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { AuditRecord, NoteRecord } from '../region-store.ts';
import type { ContractKit } from './contract-kit.ts';

/** Internal notes (idempotent) and the append-only audit trail. */
export function describeNoteAndAuditContract(kit: ContractKit): void {
  const note = (conversationId: string, clientNoteId: string, text: string, createdAt: string): NoteRecord => ({
    id: `n_${randomUUID()}`,
    conversationId,
    clientNoteId,
    author: { kind: 'agent', name: 'Kim' },
    text,
    createdAt,
  });

  it('adds a note once per clientNoteId and lists notes oldest first', async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store);
    const second = note(conversationId, 'k2', 'Refund approved', '2026-03-01T10:00:00.000Z');
    const first = note(conversationId, 'k1', 'Customer is VIP', '2026-03-01T09:00:00.000Z');
    expect(await store.addNote(second)).toEqual({ note: second, isDuplicate: false });
    expect(await store.addNote(first)).toEqual({ note: first, isDuplicate: false });
    const retry = { ...note(conversationId, 'k1', 'Customer is VIP (edited)', '2026-03-01T11:00:00.000Z') };
    expect(await store.addNote(retry)).toEqual({ note: first, isDuplicate: true });
    expect(await store.listNotes(conversationId)).toEqual([first, second]);
    expect(await store.listNotes('c_missing')).toEqual([]);
  });

  it('stores one note when the same note is added concurrently, and refuses NUL', async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => store.addNote(note(conversationId, 'same', 'once', '2026-03-01T09:00:00.000Z'))),
    );
    expect(results.filter((r) => !r.isDuplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.note.id)).size).toBe(1);
    expect(await store.listNotes(conversationId)).toHaveLength(1);
    await expect(store.addNote(note(conversationId, 'nul', 'a\0b', '2026-03-01T09:00:00.000Z'))).rejects.toMatchObject({
      code: 'PARLEY_ERR_PAYLOAD_INVALID',
    });
  });

  it("appends audit entries and lists a conversation's oldest first, details kept", async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store);
    const other = await kit.newConversation(store);
    const entry = (action: AuditRecord['action'], at: string, details?: AuditRecord['details']): AuditRecord => ({
      id: `a_${randomUUID()}`,
      conversationId,
      actorId: 'a_1',
      action,
      at,
      ...(details ? { details } : {}),
    });
    const assign = entry('conversation.assign', '2026-03-01T09:05:00.000Z', { from: null, to: 'a_1' });
    const open = entry('conversation.open', '2026-03-01T09:00:00.000Z');
    const reveal = entry('pii.reveal', '2026-03-01T09:10:00.000Z', { reason: 'refund', messageId: 'msg_1', index: 0, masked: true });
    const translationOff = entry('conversation.translation', '2026-03-01T09:15:00.000Z', { isOff: true });
    for (const written of [assign, open, translationOff, reveal]) await store.appendAudit(written);
    await store.appendAudit({ ...open, conversationId: other, id: `a_${randomUUID()}` });
    await store.appendAudit(assign);
    const listed = await store.listAudit(conversationId);
    expect(listed).toEqual([open, assign, reveal, translationOff]);
    expect(listed[0]).not.toHaveProperty('details');
    expect(await store.listAudit(other)).toHaveLength(1);
    await expect(store.appendAudit(entry('note.add', '2026-03-01T09:20:00.000Z', { reason: 'x\0' }))).rejects.toMatchObject({
      code: 'PARLEY_ERR_PAYLOAD_INVALID',
    });
  });
}
