import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { ConversationPatch, RegionStore } from '../region-store.ts';
import { freshSite } from './contract-kit.ts';
import type { ContractKit } from './contract-kit.ts';

const T0 = '2026-03-01T08:00:00.000Z';
const T1 = '2026-03-01T08:30:00.000Z';
const T2 = '2026-03-01T10:00:00.000Z';
const RACERS = 35;

/** Compare-and-set on the assignee (`updateConversationIf`): matches, mismatches, bad input, races, legacy rows. */
export function describeClaimContract(kit: ContractKit): void {
  it('claims an unassigned conversation, applying the patch as updateConversation does', async () => {
    const store = await kit.open();
    const siteKey = freshSite();
    const first = await kit.newConversation(store, { siteKey, status: 'open', waitingSince: T0, updatedAt: T0 });
    const second = await kit.newConversation(store, { siteKey, status: 'open', waitingSince: T1, updatedAt: T0 });
    expect(await order(store, siteKey)).toEqual([first, second]);
    const patch: ConversationPatch = { assigneeId: 'a_1', status: 'pending', waitingSince: null, locale: 'pt-BR', updatedAt: T2 };
    const result = await store.updateConversationIf(first, { assigneeId: null }, patch);
    expect(result).toEqual({ ok: true, conversation: await store.getConversation(first) });
    expect(result.conversation).toMatchObject({ assigneeId: 'a_1', status: 'pending', locale: 'pt-BR', updatedAt: T2 });
    expect(result.conversation).not.toHaveProperty('waitingSince');
    // Derived fields follow: the language filter and the inbox order (no longer waiting: last).
    expect(await store.countConversations({ siteKeys: [siteKey], language: 'pt', assigneeId: 'a_1' })).toBe(1);
    expect(await order(store, siteKey)).toEqual([second, first]);
    const stamped = await store.updateConversationIf(second, { assigneeId: null }, { assigneeId: 'a_2' });
    expect(stamped.ok).toBe(true);
    expect(Date.parse(stamped.conversation!.updatedAt!)).toBeGreaterThan(Date.parse(T2));
  });

  it('transfers from the expected agent to another, and releases to unassigned with null', async () => {
    const store = await kit.open();
    const siteKey = freshSite();
    const id = await kit.newConversation(store, { siteKey, status: 'open', assigneeId: 'a_1' });
    expect(await store.updateConversationIf(id, { assigneeId: 'a_1' }, { assigneeId: 'a_2' })).toMatchObject({ ok: true, conversation: { assigneeId: 'a_2' } });
    expect(await store.updateConversationIf(id, { assigneeId: 'a_2' }, { assigneeId: null, status: 'open' })).toMatchObject({ ok: true, conversation: { assigneeId: null } });
    expect(await store.countConversations({ siteKeys: [siteKey], assigneeId: null })).toBe(1);
    expect(await store.updateConversationIf(id, { assigneeId: null }, { assigneeId: 'a_3' })).toMatchObject({ ok: true, conversation: { assigneeId: 'a_3' } });
  });

  it('changes nothing when the assignee is not the expected one, and answers the record as it is', async () => {
    const store = await kit.open();
    const assigned = await kit.newConversation(store, { status: 'open', assigneeId: 'a_1', updatedAt: T0 });
    const unassigned = await kit.newConversation(store, { status: 'open', updatedAt: T0 });
    for (const [id, expected] of [[assigned, null], [assigned, 'a_2'], [unassigned, 'a_1']] as const) {
      const before = await store.getConversation(id);
      const result = await store.updateConversationIf(id, { assigneeId: expected }, { assigneeId: 'a_9', status: 'pending' });
      expect(result).toEqual({ ok: false, conversation: before });
      expect(await store.getConversation(id)).toEqual(before);
    }
  });

  it('answers ok false with null for a conversation that does not exist', async () => {
    const store = await kit.open();
    expect(await store.updateConversationIf(`c_missing_${randomUUID()}`, { assigneeId: null }, { assigneeId: 'a_1' })).toEqual({ ok: false, conversation: null });
    expect(await store.updateConversationIf(`c_missing_${randomUUID()}`, { assigneeId: 'a_1' }, { assigneeId: null })).toEqual({ ok: false, conversation: null });
  });

  it('refuses bad patches and bad expectations as updateConversation does, writing nothing', async () => {
    const store = await kit.open();
    const id = await kit.newConversation(store);
    const before = await store.getConversation(id);
    for (const patch of [{ pageUrl: 'a\0b' }, { locale: null }, { slaDueAt: 'tomorrow' }, { botSummary: { intent: 'x\0' } }]) {
      await expect(store.updateConversationIf(id, { assigneeId: null }, patch)).rejects.toMatchObject({ code: 'PARLEY_ERR_PAYLOAD_INVALID' });
    }
    for (const expected of [{ assigneeId: 'a\0' }, { assigneeId: 7 as unknown as string }, {} as { assigneeId: null }]) {
      await expect(store.updateConversationIf(id, expected, { assigneeId: 'a_1' })).rejects.toMatchObject({ code: 'PARLEY_ERR_PAYLOAD_INVALID' });
    }
    expect(await store.getConversation(id)).toEqual(before);
  });

  it(`lets exactly one of ${RACERS} concurrent claims win, stores the winner, and shows it to every loser`, async () => {
    const store = await kit.open();
    const id = await kit.newConversation(store, { status: 'open' });
    await expectOneWinner(store, id);
  });

  it('treats a conversation stored before the workspace (no assignee field) as unassigned, races included', async () => {
    const store = await kit.open();
    const siteKey = freshSite();
    const visitorId = `v_${randomUUID()}`;
    await store.createVisitor({ id: visitorId, siteKey, createdAt: T0 });
    const [quiet, raced] = [`c_${randomUUID()}`, `c_${randomUUID()}`];
    for (const id of [quiet, raced]) await kit.hooks.writeLegacyConversation(kit.location, { id, visitorId, siteKey, locale: 'de-DE', createdAt: T0 });
    expect(await store.updateConversationIf(quiet, { assigneeId: 'a_1' }, { assigneeId: 'a_2' })).toMatchObject({ ok: false, conversation: { id: quiet, assigneeId: null } });
    expect(await store.updateConversationIf(quiet, { assigneeId: null }, { assigneeId: 'a_1', status: 'open' })).toMatchObject({ ok: true, conversation: { assigneeId: 'a_1', status: 'open' } });
    await expectOneWinner(store, raced);
  });
}

/** Races `RACERS` claims of an unassigned conversation; exactly one wins and everyone sees it. */
async function expectOneWinner(store: RegionStore, id: string): Promise<void> {
  const results = await Promise.all(
    Array.from({ length: RACERS }, (_, i) => store.updateConversationIf(id, { assigneeId: null }, { assigneeId: `a_${i}` })),
  );
  const winners = results.filter((result) => result.ok);
  expect(winners).toHaveLength(1);
  const winner = winners[0]!.conversation!.assigneeId;
  expect(winner).toMatch(/^a_\d+$/);
  expect((await store.getConversation(id))!.assigneeId).toBe(winner);
  expect(results.filter((result) => !result.ok).map((result) => result.conversation?.assigneeId)).toEqual(Array(RACERS - 1).fill(winner));
}

/** The inbox order of one site's conversations. */
async function order(store: RegionStore, siteKey: string): Promise<string[]> {
  return (await store.listConversations({ siteKeys: [siteKey], limit: 10 })).map((c) => c.id);
}
