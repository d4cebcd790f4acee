import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { NewMessage, RegionStore } from '../region-store.ts';
import type { ContractKit } from './contract-kit.ts';

/**
 * The bot's owed answers: a mark written with the message, listed region-wide oldest first,
 * cleared by settling. Each case opens a location of its own, since the list spans the region.
 */
export function describeBotTurnContract(kit: ContractKit): void {
  const ownRegion = (): Promise<RegionStore> => kit.open(`${kit.location}_bt_${randomUUID().slice(0, 6)}`);
  const visitorSays = (conversationId: string, text: string, awaitsBot?: boolean): NewMessage => ({
    conversationId,
    clientMsgId: randomUUID(),
    author: { kind: 'visitor' },
    text,
    locale: 'de-DE',
    ...(awaitsBot === undefined ? {} : { awaitsBot }),
  });
  /** Appends one after another, a few ms apart, so "oldest first" has one right answer. */
  const appendApart = async (store: RegionStore, messages: NewMessage[]): Promise<void> => {
    for (const message of messages) {
      await store.appendMessage(message);
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
  };

  it('stores the mark with the message and lists it in the shape listMessages returns, until settled', async () => {
    const store = await ownRegion();
    const conversationId = await kit.newConversation(store);
    const { message } = await store.appendMessage(visitorSays(conversationId, 'Wo ist meine Bestellung?', true));
    const [listed] = await store.listMessages(conversationId, { afterSeq: 0, limit: 1 });
    expect(listed).toEqual(message);
    const owed = await store.listAwaitingBot({ limit: 10 });
    expect(owed).toEqual([{ message: listed, storedAt: message.createdAt }]);
    expect(owed[0]!.message).not.toHaveProperty('awaitsBot');
    await store.settleBotTurn(conversationId, message.id);
    expect(await store.listAwaitingBot({ limit: 10 })).toEqual([]);
    // Idempotent, and an unknown id (or one named under another conversation) is no error.
    await store.settleBotTurn(conversationId, message.id);
    await store.settleBotTurn(conversationId, 'msg_missing');
    await store.settleBotTurn('c_missing', message.id);
  });

  it('never lists messages appended without awaitsBot, or with it false', async () => {
    const store = await ownRegion();
    const conversationId = await kit.newConversation(store);
    await appendApart(store, [visitorSays(conversationId, 'eins'), visitorSays(conversationId, 'zwei', false)]);
    await store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'bot', name: 'Parley' }, text: 'Hallo' });
    expect(await store.listAwaitingBot({ limit: 10 })).toEqual([]);
  });

  it('does not mark again on a duplicate append, before or after settling', async () => {
    const store = await ownRegion();
    const conversationId = await kit.newConversation(store);
    const first = visitorSays(conversationId, 'Hilfe', true);
    const { message } = await store.appendMessage(first);
    expect(await store.appendMessage(first)).toEqual({ message, isDuplicate: true });
    expect((await store.listAwaitingBot({ limit: 10 })).map((turn) => turn.message.id)).toEqual([message.id]);
    await store.settleBotTurn(conversationId, message.id);
    expect(await store.appendMessage(first)).toMatchObject({ isDuplicate: true, message: { id: message.id } });
    expect(await store.listAwaitingBot({ limit: 10 })).toEqual([]);
  });

  it('only settles the named message, and a wrong conversation settles nothing', async () => {
    const store = await ownRegion();
    const [a, b] = [await kit.newConversation(store), await kit.newConversation(store)];
    const { message: inA } = await store.appendMessage(visitorSays(a, 'A', true));
    const { message: inB } = await store.appendMessage(visitorSays(b, 'B', true));
    await store.settleBotTurn(b, inA.id);
    expect((await store.listAwaitingBot({ limit: 10 })).map((turn) => turn.message.id).sort()).toEqual([inA.id, inB.id].sort());
    await store.settleBotTurn(a, inA.id);
    expect((await store.listAwaitingBot({ limit: 10 })).map((turn) => turn.message.id)).toEqual([inB.id]);
  });

  it('lists region-wide, oldest first, bounded by limit, and only those stored before storedBefore', async () => {
    const store = await ownRegion();
    const [a, b] = [await kit.newConversation(store), await kit.newConversation(store)];
    await appendApart(store, [
      visitorSays(a, 'a1', true),
      visitorSays(b, 'b1', true),
      visitorSays(a, 'a2'),
      visitorSays(a, 'a3', true),
      visitorSays(b, 'b2', true),
    ]);
    const all = await store.listAwaitingBot({ limit: 10 });
    expect(all.map((turn) => turn.message.text)).toEqual(['a1', 'b1', 'a3', 'b2']);
    expect(all.map((turn) => turn.storedAt)).toEqual(all.map((turn) => turn.message.createdAt));
    expect((await store.listAwaitingBot({ limit: 2 })).map((turn) => turn.message.text)).toEqual(['a1', 'b1']);
    const a3 = all[2]!;
    const before = await store.listAwaitingBot({ limit: 10, storedBefore: new Date(a3.storedAt) });
    expect(before.map((turn) => turn.message.text)).toEqual(['a1', 'b1']);
    expect(await store.listAwaitingBot({ limit: 10, storedBefore: new Date(Date.parse(all[0]!.storedAt)) })).toEqual([]);
    await store.settleBotTurn(b, all[1]!.message.id);
    expect((await store.listAwaitingBot({ limit: 2 })).map((turn) => turn.message.text)).toEqual(['a1', 'a3']);
  });

  it('keeps the marks across a restart', async () => {
    const location = `${kit.location}_bt_${randomUUID().slice(0, 6)}`;
    const store = await kit.open(location);
    const conversationId = await kit.newConversation(store);
    const { message } = await store.appendMessage(visitorSays(conversationId, 'noch da?', true));
    await store.close();
    const reopened = await kit.open(location);
    expect((await reopened.listAwaitingBot({ limit: 10 })).map((turn) => turn.message)).toEqual([message]);
  });
}
