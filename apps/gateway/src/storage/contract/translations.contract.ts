import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { MessageTranslation } from '@parley/protocol';
import type { NewMessage, RegionStore } from '../region-store.ts';
import { freshSite } from './contract-kit.ts';
import type { ContractKit } from './contract-kit.ts';

const deepl = (text: string): MessageTranslation => ({ text, provider: 'deepl' });

/**
 * Live translation: the translation fields stored with a message and returned by every read,
 * merged in later by `addMessageTranslations`; the translation cache; the conversation's switch.
 */
export function describeTranslationContract(kit: ContractKit): void {
  const agentReply = (conversationId: string, extra: Partial<NewMessage> = {}): NewMessage => ({
    conversationId,
    clientMsgId: randomUUID(),
    author: { kind: 'agent', id: 'a_1', name: 'Ana' },
    text: 'Ihr Paket kommt morgen.',
    locale: 'de-DE',
    original: { text: 'Your parcel arrives tomorrow.', lang: 'en' },
    translations: { en: { text: 'Your parcel arrives tomorrow.', provider: 'canned' } },
    canned: { key: 'parcel-tomorrow', isMachineTranslated: true },
    ...extra,
  });

  it('stores original, translations and canned with the message and returns them from every read', async () => {
    // A region of its own: the owed-answers list spans the region.
    const store = await kit.open(`${kit.location}_tr_${randomUUID().slice(0, 6)}`);
    const conversationId = await kit.newConversation(store);
    const input = agentReply(conversationId, { awaitsBot: true });
    const { message } = await store.appendMessage(input);
    expect(message).toMatchObject({ original: input.original, translations: input.translations, canned: input.canned, text: input.text });
    expect(await store.getMessage(conversationId, message.id)).toEqual(message);
    expect(await store.getMessageByClientId(conversationId, input.clientMsgId)).toEqual(message);
    expect(await store.listMessages(conversationId, { afterSeq: 0, limit: 10 })).toEqual([message]);
    expect(await store.appendMessage(input)).toEqual({ message, isDuplicate: true });
    expect((await store.listAwaitingBot({ limit: 10 })).map((turn) => turn.message)).toEqual([message]);
  });

  it('leaves the fields absent on a message appended without them', async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store);
    const { message } = await store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text: 'Hallo' });
    for (const read of [message, await store.getMessage(conversationId, message.id), (await store.listMessages(conversationId, { afterSeq: 0, limit: 1 }))[0]]) {
      expect(read).not.toHaveProperty('original');
      expect(read).not.toHaveProperty('translations');
      expect(read).not.toHaveProperty('canned');
    }
  });

  it('merges translations by language, sets the original when given and keeps it otherwise, never touching seq or text', async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store);
    await store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text: 'eins' });
    const { message } = await store.appendMessage({
      conversationId, clientMsgId: randomUUID(), author: { kind: 'bot', name: 'Parley' }, text: '¿Dónde está mi pedido?', locale: 'es-ES',
      bot: { intent: 'order_status', templateKey: 'order.ask' }, quickReplies: [{ id: 'helped', label: 'Sí' }],
    });
    const first = await store.addMessageTranslations(conversationId, message.id, { original: { text: '¿Dónde está mi pedido?', lang: 'es' }, translations: { en: deepl('Where is my order?') } });
    expect(first).toEqual({ ...message, original: { text: '¿Dónde está mi pedido?', lang: 'es' }, translations: { en: deepl('Where is my order?') } });
    const second = await store.addMessageTranslations(conversationId, message.id, { translations: { de: deepl('Wo ist meine Bestellung?') } });
    expect(second?.translations).toEqual({ en: deepl('Where is my order?'), de: deepl('Wo ist meine Bestellung?') });
    expect(second?.original).toEqual({ text: '¿Dónde está mi pedido?', lang: 'es' });
    const replaced = await store.addMessageTranslations(conversationId, message.id, { translations: { en: { text: 'Where is my parcel?', provider: 'google' } } });
    const expected = { ...message, original: { text: '¿Dónde está mi pedido?', lang: 'es' }, translations: { en: { text: 'Where is my parcel?', provider: 'google' }, de: deepl('Wo ist meine Bestellung?') } };
    expect(replaced).toEqual(expected);
    expect(await store.getMessage(conversationId, message.id)).toEqual(expected);
    expect(await store.listMessages(conversationId, { afterSeq: 0, limit: 10 })).toEqual([expect.objectContaining({ seq: 1, text: 'eins' }), expected]);
    expect(await store.addMessageTranslations(conversationId, message.id, {})).toEqual(expected);
    expect(await store.lastSeq(conversationId)).toBe(2);
  });

  it('keeps every language when translations of one message land at once', async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store);
    const { message } = await store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text: 'Olá' });
    const languages = ['en', 'de', 'fr', 'ja', 'zh', 'es'];
    await Promise.all(languages.map((language) => store.addMessageTranslations(conversationId, message.id, { translations: { [language]: deepl(`hi ${language}`) } })));
    const stored = await store.getMessage(conversationId, message.id);
    expect(Object.keys(stored?.translations ?? {}).sort()).toEqual([...languages].sort());
    expect(stored).toMatchObject({ seq: 1, text: 'Olá' });
  });

  it('answers null for an unknown message, or one of another conversation, and changes nothing', async () => {
    const store = await kit.open();
    const [a, b] = [await kit.newConversation(store), await kit.newConversation(store)];
    const { message } = await store.appendMessage({ conversationId: a, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text: 'Hi' });
    expect(await store.addMessageTranslations(a, 'msg_missing', { translations: { de: deepl('Hallo') } })).toBeNull();
    expect(await store.addMessageTranslations(b, message.id, { translations: { de: deepl('Hallo') } })).toBeNull();
    expect(await store.getMessage(a, message.id)).toEqual(message);
  });

  it('refuses language keys a store cannot hold and NUL, before they reach the store', async () => {
    const store = await kit.open();
    const conversationId = await kit.newConversation(store);
    const { message } = await store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text: 'Hi' });
    for (const patch of [{ translations: { 'e.n': deepl('x') } }, { translations: { $set: deepl('x') } }, { translations: { '': deepl('x') } }, { original: { text: 'a\0b', lang: 'en' } }]) {
      await expect(store.addMessageTranslations(conversationId, message.id, patch)).rejects.toMatchObject({ code: 'PARLEY_ERR_PAYLOAD_INVALID' });
    }
    await expect(store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text: 'Hi', translations: { 'e.n': deepl('x') } })).rejects.toMatchObject({
      code: 'PARLEY_ERR_PAYLOAD_INVALID',
    });
    expect(await store.listMessages(conversationId, { afterSeq: 0, limit: 10 })).toEqual([message]);
  });

  it('caches translations by key: a miss is null, a put is read back, a second put replaces, all across a restart', async () => {
    const location = `${kit.location}_tc_${randomUUID().slice(0, 6)}`;
    const store = await kit.open(location);
    const key = randomUUID().replaceAll('-', '');
    expect(await store.getCachedTranslation(key)).toBeNull();
    const entry = { key, text: 'Hello ⟦1⟧', provider: 'deepl', storedAt: '2026-03-01T09:00:00.000Z' };
    await store.putCachedTranslation(entry);
    expect(await store.getCachedTranslation(key)).toEqual(entry);
    const replaced = { key, text: 'Hi ⟦1⟧', provider: 'google', storedAt: '2026-03-02T09:00:00.000Z' };
    await store.putCachedTranslation(replaced);
    await store.putCachedTranslation(replaced);
    expect(await store.getCachedTranslation(key)).toEqual(replaced);
    expect(await store.getCachedTranslation(`${key}x`)).toBeNull();
    await expect(store.putCachedTranslation({ ...entry, text: 'a\0' })).rejects.toMatchObject({ code: 'PARLEY_ERR_PAYLOAD_INVALID' });
    await expect(store.putCachedTranslation({ ...entry, storedAt: 'now' })).rejects.toMatchObject({ code: 'PARLEY_ERR_PAYLOAD_INVALID' });
    await store.close();
    expect(await (await kit.open(location)).getCachedTranslation(key)).toEqual(replaced);
  });

  it("keeps a conversation's translation switch: created, patched, cleared, read by get and by the inbox", async () => {
    const store = await kit.open();
    const switchedOff = { isOff: true, by: 'a_1', at: '2026-03-01T09:00:00.000Z' };
    const siteKey = freshSite();
    const conversationId = await kit.newConversation(store, { siteKey, translation: switchedOff });
    expect((await store.getConversation(conversationId))?.translation).toEqual(switchedOff);
    const on = { isOff: false, by: 'a_2', at: '2026-03-01T10:00:00.000Z' };
    expect((await store.updateConversation(conversationId, { translation: on }))?.translation).toEqual(on);
    expect((await store.getConversation(conversationId))?.translation).toEqual(on);
    const untouched = await store.updateConversation(conversationId, { status: 'open' });
    expect(untouched?.translation).toEqual(on);
    expect(await store.listConversations({ siteKeys: [siteKey], limit: 10 })).toEqual([untouched]);
    const cleared = await store.updateConversation(conversationId, { translation: null });
    expect(cleared).not.toHaveProperty('translation');
    expect(await store.getConversation(conversationId)).not.toHaveProperty('translation');
    await expect(store.updateConversation(conversationId, { translation: { isOff: true, by: 'a\0', at: on.at } })).rejects.toMatchObject({ code: 'PARLEY_ERR_PAYLOAD_INVALID' });
  });

  it('keeps translations merged into a message across a restart', async () => {
    const location = `${kit.location}_tm_${randomUUID().slice(0, 6)}`;
    const store: RegionStore = await kit.open(location);
    const conversationId = await kit.newConversation(store);
    const { message } = await store.appendMessage(agentReply(conversationId));
    const after = await store.addMessageTranslations(conversationId, message.id, { translations: { ja: deepl('明日届きます。') } });
    await store.close();
    const reopened = await kit.open(location);
    expect(await reopened.getMessage(conversationId, message.id)).toEqual(after);
    expect(after?.translations).toEqual({ en: { text: 'Your parcel arrives tomorrow.', provider: 'canned' }, ja: deepl('明日届きます。') });
  });
}
