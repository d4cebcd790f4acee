import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { ContractKit } from './contract-kit.ts';

/** Appends (seq, idempotency, concurrency), reads, and the conversation's `lastMessage`. */
export function describeMessageContract(kit: ContractKit): void {
  it('assigns seq 1, 2, 3 and lists after a seq, oldest first, bounded by limit', async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store);
    expect(await store.lastSeq(conversationId)).toBe(0);
    for (const text of ['eins', 'zwei', 'drei']) {
      await store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text, locale: 'de-DE' });
    }
    const all = await store.listMessages(conversationId, { afterSeq: 0, limit: 100 });
    expect(all.map((m) => [m.seq, m.text])).toEqual([[1, 'eins'], [2, 'zwei'], [3, 'drei']]);
    expect(all[0]).toMatchObject({ author: { kind: 'visitor' }, locale: 'de-DE', conversationId });
    expect(Number.isNaN(Date.parse(all[0]!.createdAt))).toBe(false);
    expect((await store.listMessages(conversationId, { afterSeq: 1, limit: 1 })).map((m) => m.seq)).toEqual([2]);
    expect(await store.lastSeq(conversationId)).toBe(3);
  });

  it('is idempotent on clientMsgId: a repeat returns the original and stores nothing', async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store);
    const clientMsgId = randomUUID();
    const first = await store.appendMessage({ conversationId, clientMsgId, author: { kind: 'visitor' }, text: 'hello' });
    const again = await store.appendMessage({ conversationId, clientMsgId, author: { kind: 'visitor' }, text: 'hello' });
    expect(first.isDuplicate).toBe(false);
    expect(again).toEqual({ message: first.message, isDuplicate: true });
    expect(await store.lastSeq(conversationId)).toBe(1);
  });

  it('finds a message by its idempotency key, and nothing under an unknown one', async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store);
    const clientMsgId = `bot:${randomUUID()}:0`;
    const { message } = await store.appendMessage({ conversationId, clientMsgId, author: { kind: 'bot' }, text: 'hello' });
    expect(await store.getMessageByClientId(conversationId, clientMsgId)).toEqual(message);
    expect(await store.getMessageByClientId(conversationId, 'bot:nothing:0')).toBeNull();
    expect(await store.getMessageByClientId(await kit.newConversation(store), clientMsgId)).toBeNull();
  });

  it('keeps seq gapless and unique under concurrent appends, duplicates included, and records the newest', async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store);
    const repeated = randomUUID();
    const results = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) =>
        store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text: `m${i}` }),
      ),
      ...Array.from({ length: 5 }, () =>
        store.appendMessage({ conversationId, clientMsgId: repeated, author: { kind: 'visitor' }, text: 'same' }),
      ),
    ]);
    const stored = await store.listMessages(conversationId, { afterSeq: 0, limit: 200 });
    expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
    expect(results.filter((r) => !r.isDuplicate)).toHaveLength(31);
    expect(new Set(results.filter((r) => r.message.clientMsgId === repeated).map((r) => r.message.id)).size).toBe(1);
    const newest = stored.at(-1)!;
    expect((await store.getConversation(conversationId))!.lastMessage).toMatchObject({ seq: 31, text: newest.text });
  });

  it('keeps author names and refuses NUL before it reaches the store', async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store);
    const { message } = await store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'bot', name: 'Parley' }, text: 'Hi' });
    expect(message.author).toEqual({ kind: 'bot', name: 'Parley' });
    await expect(
      store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text: 'a\0b' }),
    ).rejects.toMatchObject({ code: 'PARLEY_ERR_PAYLOAD_INVALID' });
  });

  it("keeps an agent's id and name on messages and notes, read back from history", async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store);
    const author = { kind: 'agent' as const, id: 'a_ken', name: 'Ken' };
    await store.appendMessage({ conversationId, clientMsgId: randomUUID(), author, text: 'こんにちは' });
    await store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'bot', name: 'Parley' }, text: 'hi' });
    const [agentMessage, botMessage] = await store.listMessages(conversationId, { afterSeq: 0, limit: 10 });
    expect(agentMessage!.author).toEqual(author);
    expect(botMessage!.author).toEqual({ kind: 'bot', name: 'Parley' });
    await store.addNote({ id: `n_${randomUUID()}`, conversationId, clientNoteId: randomUUID(), author, text: 'VIP', createdAt: new Date().toISOString() });
    expect((await store.listNotes(conversationId))[0]!.author).toEqual(author);
  });

  it('loses no field when appends and patches of one conversation run at once', async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store);
    await Promise.all([
      store.updateConversation(conversationId, { country: 'DE' }),
      store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text: 'eins' }),
      store.updateConversation(conversationId, { timeZone: 'Europe/Berlin' }),
      store.setBotState(conversationId, { unknownStreak: 1 }),
      store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text: 'zwei' }),
      store.updateConversation(conversationId, { handoffReason: 'complaint' }),
      store.setConversationLocale(conversationId, 'de-DE', 'message'),
      store.updateConversation(conversationId, { pageUrl: 'https://shop.example/p' }),
      store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text: 'drei' }),
    ]);
    const after = await store.getConversation(conversationId);
    expect(after).toMatchObject({
      country: 'DE',
      timeZone: 'Europe/Berlin',
      handoffReason: 'complaint',
      locale: 'de-DE',
      localeSource: 'message',
      pageUrl: 'https://shop.example/p',
      botState: { unknownStreak: 1 },
      lastMessage: { seq: 3 },
    });
  });

  it('keeps bot meta and quick replies on a message', async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store);
    const quickReplies = [{ id: 'helped' as const, label: 'Ja' }, { id: 'human' as const, label: 'Mit einer Person sprechen' }];
    const { message } = await store.appendMessage({
      conversationId,
      clientMsgId: randomUUID(),
      author: { kind: 'bot', name: 'Parley' },
      text: 'Hat das geholfen?',
      bot: { intent: 'order_status', templateKey: 'feedback.ask' },
      quickReplies,
    });
    expect(message).toMatchObject({ bot: { intent: 'order_status', templateKey: 'feedback.ask' }, quickReplies });
    const [listed] = await store.listMessages(conversationId, { afterSeq: 0, limit: 1 });
    expect(listed).toEqual(message);
    const plain = await store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text: 'ja' });
    expect(plain.message).not.toHaveProperty('bot');
    expect(plain.message).not.toHaveProperty('quickReplies');
  });

  it('gets one message by id, only within its own conversation', async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store);
    const other = await kit.newConversation(store);
    const { message } = await store.appendMessage({
      conversationId,
      clientMsgId: randomUUID(),
      author: { kind: 'bot', name: 'Parley' },
      text: 'Hi',
      bot: { intent: 'greeting', templateKey: 'greeting.hello' },
    });
    expect(await store.getMessage(conversationId, message.id)).toEqual(message);
    expect(await store.getMessage(other, message.id)).toBeNull();
    expect(await store.getMessage(conversationId, 'msg_missing')).toBeNull();
  });

  it("records each new message as the conversation's lastMessage and updatedAt; a duplicate changes nothing", async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store, { createdAt: '2026-01-01T00:00:00.000Z' });
    expect((await store.getConversation(conversationId))!.lastMessage).toBeUndefined();
    const clientMsgId = randomUUID();
    const { message: first } = await store.appendMessage({ conversationId, clientMsgId, author: { kind: 'visitor' }, text: 'Hallo' });
    expect(await store.getConversation(conversationId)).toMatchObject({
      lastMessage: { authorKind: 'visitor', text: 'Hallo', seq: 1, createdAt: first.createdAt },
      updatedAt: first.createdAt,
    });
    const { message: second } = await store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'agent', name: 'Kim' }, text: 'Guten Tag' });
    const expected = { authorKind: 'agent', authorName: 'Kim', text: 'Guten Tag', seq: 2, createdAt: second.createdAt };
    expect((await store.getConversation(conversationId))!.lastMessage).toEqual(expected);
    await store.appendMessage({ conversationId, clientMsgId, author: { kind: 'visitor' }, text: 'Hallo' });
    expect((await store.getConversation(conversationId))!.lastMessage).toEqual(expected);
  });
}
