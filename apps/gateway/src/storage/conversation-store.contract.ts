import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConversationStore } from './conversation-store.ts';

/**
 * Opens a store over the data named `location`; opening the same location again must see the
 * same data (that is how the suite checks durability across a restart).
 */
export type OpenStore = (location: string) => Promise<ConversationStore>;

/**
 * The contract every ConversationStore adapter passes. Run it from each adapter's test file so
 * SQLite and MongoDB stay interchangeable behind the port.
 */
export function describeConversationStoreContract(adapterName: string, openStore: OpenStore): void {
  describe(`ConversationStore contract: ${adapterName}`, () => {
    const location = `contract_${randomUUID().slice(0, 8)}`;
    const opened: ConversationStore[] = [];
    const open = async (): Promise<ConversationStore> => {
      const store = await openStore(location);
      await store.init();
      opened.push(store);
      return store;
    };
    afterAll(async () => {
      for (const store of opened) await store.close();
    });

    async function newConversation(store: ConversationStore): Promise<string> {
      const visitorId = `v_${randomUUID()}`;
      const conversationId = `c_${randomUUID()}`;
      const now = new Date().toISOString();
      await store.createVisitor({ id: visitorId, siteKey: 'demo', createdAt: now });
      await store.createConversation({ id: conversationId, visitorId, siteKey: 'demo', locale: 'de-DE', createdAt: now });
      return conversationId;
    }

    it('stores and reads visitors and conversations', async () => {
      const store = await open();
      const conversationId = await newConversation(store);
      const conversation = await store.getConversation(conversationId);
      expect(conversation).toMatchObject({ id: conversationId, siteKey: 'demo', locale: 'de-DE' });
      expect(await store.getVisitor(conversation!.visitorId)).toMatchObject({ siteKey: 'demo' });
      expect(await store.getVisitor('v_missing')).toBeNull();
      expect(await store.getConversation('c_missing')).toBeNull();
    });

    it('records the conversation locale and why it was chosen', async () => {
      const store = await open();
      const conversationId = await newConversation(store);
      expect((await store.getConversation(conversationId))!.localeSource).toBeUndefined();
      await store.setConversationLocale(conversationId, 'ja-JP', 'message');
      expect(await store.getConversation(conversationId)).toMatchObject({ locale: 'ja-JP', localeSource: 'message' });
    });

    it('attaches a verified identity to a visitor', async () => {
      const store = await open();
      const conversationId = await newConversation(store);
      const { visitorId } = (await store.getConversation(conversationId))!;
      expect((await store.getVisitor(visitorId))!.identity).toBeUndefined();
      await store.setVisitorIdentity(visitorId, { userId: 'u_42', name: 'Ana Souza' });
      expect((await store.getVisitor(visitorId))!.identity).toEqual({ userId: 'u_42', name: 'Ana Souza' });
      await store.setVisitorIdentity(visitorId, { userId: 'u_42', name: 'Ana', email: 'ana@example.com' });
      expect((await store.getVisitor(visitorId))!.identity).toEqual({ userId: 'u_42', name: 'Ana', email: 'ana@example.com' });
    });

    it('assigns seq 1, 2, 3 and lists after a seq, oldest first, bounded by limit', async () => {
      const store = await open();
      const conversationId = await newConversation(store);
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
      const store = await open();
      const conversationId = await newConversation(store);
      const clientMsgId = randomUUID();
      const first = await store.appendMessage({ conversationId, clientMsgId, author: { kind: 'visitor' }, text: 'hello' });
      const again = await store.appendMessage({ conversationId, clientMsgId, author: { kind: 'visitor' }, text: 'hello' });
      expect(first.isDuplicate).toBe(false);
      expect(again).toEqual({ message: first.message, isDuplicate: true });
      expect(await store.lastSeq(conversationId)).toBe(1);
    });

    it('keeps seq gapless and unique under concurrent appends, duplicates included', async () => {
      const store = await open();
      const conversationId = await newConversation(store);
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
    });

    it('keeps author names and refuses NUL before it reaches the store', async () => {
      const store = await open();
      const conversationId = await newConversation(store);
      const { message } = await store.appendMessage({
        conversationId,
        clientMsgId: randomUUID(),
        author: { kind: 'bot', name: 'Parley' },
        text: 'Hi',
      });
      expect(message.author).toEqual({ kind: 'bot', name: 'Parley' });
      await expect(
        store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text: 'a\0b' }),
      ).rejects.toMatchObject({ code: 'PARLEY_ERR_PAYLOAD_INVALID' });
    });

    it('keeps bot meta and quick replies on a message', async () => {
      const store = await open();
      const conversationId = await newConversation(store);
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

    it('remembers the bot state of a conversation', async () => {
      const store = await open();
      const conversationId = await newConversation(store);
      expect((await store.getConversation(conversationId))!.botState).toBeUndefined();
      await store.setBotState(conversationId, { unknownStreak: 1, awaiting: { kind: 'order_number', intent: 'order_status' } });
      expect((await store.getConversation(conversationId))!.botState).toEqual({ unknownStreak: 1, awaiting: { kind: 'order_number', intent: 'order_status' } });
      await store.setBotState(conversationId, { unknownStreak: 0, handedOffAt: '2026-11-26T03:00:00.000Z' });
      expect((await store.getConversation(conversationId))!.botState).toEqual({ unknownStreak: 0, handedOffAt: '2026-11-26T03:00:00.000Z' });
    });

    it("opens a ticket once per id and lists a conversation's tickets", async () => {
      const store = await open();
      const conversationId = await newConversation(store);
      const ticket = { id: `t_${randomUUID()}`, conversationId, siteKey: 'demo', email: 'ana@example.com', locale: 'pt-BR', createdAt: new Date().toISOString() };
      await store.createTicket(ticket);
      await store.createTicket(ticket);
      expect(await store.listTickets(conversationId)).toEqual([ticket]);
      expect(await store.listTickets('c_missing')).toEqual([]);
    });

    it('keeps everything across a close and reopen', async () => {
      const first = await openStore(location);
      await first.init();
      const conversationId = await newConversation(first);
      await first.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text: 'persist me' });
      await first.close();
      const reopened = await open();
      expect((await reopened.listMessages(conversationId, { afterSeq: 0, limit: 10 })).map((m) => m.text)).toEqual([
        'persist me',
      ]);
      await reopened.ping();
    });
  });
}
