import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { ConversationRecord } from '../region-store.ts';
import { freshSite } from './contract-kit.ts';
import type { ContractKit } from './contract-kit.ts';

const T0 = '2026-03-01T08:00:00.000Z';
const T1 = '2026-03-01T09:00:00.000Z';
const T2 = '2026-03-01T10:00:00.000Z';

/** Visitors, conversations (creation, patches, legacy rows), tickets and durability. */
export function describeRecordContract(kit: ContractKit): void {
  it('stores and reads visitors and conversations', async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store);
    const conversation = await store.getConversation(conversationId);
    expect(conversation).toMatchObject({ id: conversationId, siteKey: 'demo', locale: 'de-DE' });
    expect(await store.getVisitor(conversation!.visitorId)).toMatchObject({ siteKey: 'demo' });
    expect(await store.getVisitor('v_missing')).toBeNull();
    expect(await store.getConversation('c_missing')).toBeNull();
  });

  it('reads a new conversation as with the bot, unassigned, updated when created', async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store, { createdAt: T0 });
    expect(await store.getConversation(conversationId)).toMatchObject({ status: 'bot', assigneeId: null, updatedAt: T0 });
  });

  it('records the conversation locale and why it was chosen, and filters by its language', async () => {
    const store = await kit.open();
    const siteKey = freshSite();
    const conversationId = await kit.newConversation(store, { siteKey });
    expect((await store.getConversation(conversationId))!.localeSource).toBeUndefined();
    await store.setConversationLocale(conversationId, 'ja-JP', 'message');
    expect(await store.getConversation(conversationId)).toMatchObject({ locale: 'ja-JP', localeSource: 'message' });
    expect(await store.countConversations({ siteKeys: [siteKey], language: 'ja' })).toBe(1);
    expect(await store.countConversations({ siteKeys: [siteKey], language: 'de' })).toBe(0);
  });

  it('attaches a verified identity to a visitor', async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store);
    const { visitorId } = (await store.getConversation(conversationId))!;
    expect((await store.getVisitor(visitorId))!.identity).toBeUndefined();
    await store.setVisitorIdentity(visitorId, { userId: 'u_42', name: 'Ana Souza' });
    expect((await store.getVisitor(visitorId))!.identity).toEqual({ userId: 'u_42', name: 'Ana Souza' });
    await store.setVisitorIdentity(visitorId, { userId: 'u_42', name: 'Ana', email: 'ana@example.com' });
    expect((await store.getVisitor(visitorId))!.identity).toEqual({ userId: 'u_42', name: 'Ana', email: 'ana@example.com' });
  });

  it('remembers the bot state of a conversation', async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store);
    expect((await store.getConversation(conversationId))!.botState).toBeUndefined();
    await store.setBotState(conversationId, { unknownStreak: 1, awaiting: { kind: 'order_number', intent: 'order_status' } });
    expect((await store.getConversation(conversationId))!.botState).toEqual({ unknownStreak: 1, awaiting: { kind: 'order_number', intent: 'order_status' } });
    await store.setBotState(conversationId, { unknownStreak: 0, handedOffAt: '2026-11-26T03:00:00.000Z' });
    expect((await store.getConversation(conversationId))!.botState).toEqual({ unknownStreak: 0, handedOffAt: '2026-11-26T03:00:00.000Z' });
  });

  it('creates a conversation with every workspace field and reads each back', async () => {
    const store = await kit.open();
    const conversation = fullConversation(`c_${randomUUID()}`, `v_${randomUUID()}`);
    await kit.newConversation(store, conversation);
    expect(await store.getConversation(conversation.id)).toEqual(conversation);
  });

  it('patches: sets the given fields, clears null ones, leaves the rest, returns the record after', async () => {
    const store = await kit.open();
    const conversation = fullConversation(`c_${randomUUID()}`, `v_${randomUUID()}`);
    await kit.newConversation(store, conversation);
    const after = await store.updateConversation(conversation.id, {
      status: 'pending',
      assigneeId: null,
      waitingSince: null,
      slaDueAt: null,
      botSummary: null,
      agentReadSeq: 7,
      lastAgentReply: { agentId: 'a_2', at: T2 },
      updatedAt: T2,
    });
    const { assigneeId: _a, waitingSince: _w, slaDueAt: _s, botSummary: _b, ...kept } = conversation;
    const expected: ConversationRecord = { ...kept, status: 'pending', assigneeId: null, agentReadSeq: 7, lastAgentReply: { agentId: 'a_2', at: T2 }, updatedAt: T2 };
    expect(after).toEqual(expected);
    expect(await store.getConversation(conversation.id)).toEqual(expected);
    const cleared = await store.updateConversation(conversation.id, { status: null, locale: 'pt-BR', country: null });
    expect(cleared).toMatchObject({ status: 'bot', locale: 'pt-BR', timeZone: 'Asia/Tokyo' });
    expect(cleared).not.toHaveProperty('country');
    expect(Date.parse(cleared!.updatedAt!)).toBeGreaterThan(Date.parse(T2));
    expect(await store.countConversations({ siteKeys: [conversation.siteKey], language: 'pt' })).toBe(1);
    expect(await store.updateConversation('c_missing', { status: 'open' })).toBeNull();
  });

  it('refuses bad patches before they reach the store: NUL, a cleared locale, a time that is not one', async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store);
    for (const patch of [{ pageUrl: 'a\0b' }, { locale: null }, { slaDueAt: 'tomorrow' }, { botSummary: { intent: 'x\0' } }]) {
      await expect(store.updateConversation(conversationId, patch)).rejects.toMatchObject({ code: 'PARLEY_ERR_PAYLOAD_INVALID' });
    }
    expect(await store.getConversation(conversationId)).toMatchObject({ locale: 'de-DE' });
    expect(await store.getConversation(conversationId)).not.toHaveProperty('pageUrl');
  });

  it('reads a conversation stored before the workspace as bot and unassigned, and finds it as such', async () => {
    const store = await kit.open();
    const siteKey = freshSite();
    const visitorId = `v_${randomUUID()}`;
    const id = `c_${randomUUID()}`;
    await store.createVisitor({ id: visitorId, siteKey, createdAt: T0 });
    await kit.hooks.writeLegacyConversation(kit.location, { id, visitorId, siteKey, locale: 'de-DE', createdAt: T0 });
    expect(await store.getConversation(id)).toEqual({ id, visitorId, siteKey, locale: 'de-DE', createdAt: T0, status: 'bot', assigneeId: null, updatedAt: T0 });
    expect((await store.listConversations({ siteKeys: [siteKey], statuses: ['bot'], assigneeId: null, limit: 10 })).map((c) => c.id)).toEqual([id]);
    expect(await store.countConversations({ siteKeys: [siteKey], statuses: ['open'] })).toBe(0);
  });

  it("opens a ticket once per id and lists a conversation's tickets", async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store);
    const ticket = { id: `t_${randomUUID()}`, conversationId, siteKey: 'demo', email: 'ana@example.com', locale: 'pt-BR', createdAt: new Date().toISOString() };
    await store.createTicket(ticket);
    await store.createTicket(ticket);
    expect(await store.listTickets(conversationId)).toEqual([ticket]);
    expect(await store.listTickets('c_missing')).toEqual([]);
  });

  it('keeps everything across a close and reopen', async () => {
    const first = await kit.openStore(kit.location);
    await first.init();
    const conversationId = await kit.newConversation(first);
    await first.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text: 'persist me' });
    await first.updateConversation(conversationId, { status: 'open', assigneeId: 'a_1' });
    const note = { id: `n_${randomUUID()}`, conversationId, clientNoteId: 'k', author: { kind: 'agent' as const, name: 'Kim' }, text: 'VIP', createdAt: T1 };
    await first.addNote(note);
    await first.appendAudit({ id: `a_${randomUUID()}`, conversationId, actorId: 'a_1', action: 'conversation.open', at: T1 });
    await first.close();
    const reopened = await kit.open();
    expect((await reopened.listMessages(conversationId, { afterSeq: 0, limit: 10 })).map((m) => m.text)).toEqual(['persist me']);
    expect(await reopened.getConversation(conversationId)).toMatchObject({ status: 'open', assigneeId: 'a_1', lastMessage: { text: 'persist me' } });
    expect(await reopened.listNotes(conversationId)).toEqual([note]);
    expect((await reopened.listAudit(conversationId)).map((entry) => entry.action)).toEqual(['conversation.open']);
    await reopened.ping();
  });
}

/** A conversation with every field set, on a site of its own. */
function fullConversation(id: string, visitorId: string): ConversationRecord {
  return {
    id,
    visitorId,
    siteKey: freshSite(),
    locale: 'ja-JP',
    localeSource: 'message',
    localeCandidates: [{ source: 'navigator', tags: ['ja-JP', 'en-US'] }],
    createdAt: T0,
    botState: { unknownStreak: 1, awaiting: { kind: 'email' } },
    status: 'open',
    assigneeId: 'a_1',
    channel: 'widget',
    country: 'JP',
    timeZone: 'Asia/Tokyo',
    pageUrl: 'https://shop.example/p/1',
    userId: 'u_1',
    handoffReason: 'asked_for_person',
    botSummary: { intent: 'order_status', orderNumber: 'A-1001' },
    waitingSince: T1,
    snoozedUntil: T2,
    lastMessage: { authorKind: 'visitor', authorName: 'Ana', text: 'Hallo?', seq: 3, createdAt: T1 },
    lastAgentReply: { agentId: 'a_1', at: T0 },
    slaDueAt: T2,
    visitorReadSeq: 3,
    agentReadSeq: 2,
    translation: { isOff: true, by: 'a_1', at: T0 },
    updatedAt: T1,
  };
}
