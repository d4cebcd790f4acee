import { beforeAll, expect, it } from 'vitest';
import type { ConversationQuery, ConversationRecord, RegionStore } from '../region-store.ts';
import { freshSite } from './contract-kit.ts';
import type { ContractKit } from './contract-kit.ts';

const at = (hhmm: string): string => `2026-03-01T${hhmm}:00.000Z`;

/**
 * Six conversations in a location of their own, so each filter can be checked alone. In inbox
 * order: c2, c6, c1 wait (since 08:00, 08:30, 09:00); c3, c5, c4 never waited (updated 09:50,
 * 09:45, 09:40).
 */
const FIXTURE: ReadonlyArray<Partial<ConversationRecord> & { id: string }> = [
  { id: 'c1', siteKey: 'site_a', visitorId: 'v_a', status: 'open', locale: 'ja-JP', country: 'JP', channel: 'widget', waitingSince: at('09:00'), slaDueAt: at('10:30'), createdAt: at('07:00'), updatedAt: at('09:00') },
  { id: 'c2', siteKey: 'site_a', visitorId: 'v_a', status: 'open', assigneeId: 'a_1', locale: 'de-DE', country: 'DE', channel: 'email', waitingSince: at('08:00'), slaDueAt: at('09:30'), createdAt: at('07:30'), updatedAt: at('09:10') },
  { id: 'c3', siteKey: 'site_b', visitorId: 'v_b', userId: 'u_1', status: 'pending', assigneeId: 'a_1', locale: 'ja', country: 'JP', channel: 'widget', createdAt: at('06:00'), updatedAt: at('09:50') },
  { id: 'c4', siteKey: 'site_b', visitorId: 'v_c', userId: 'u_1', status: 'resolved', assigneeId: 'a_2', locale: 'en-US', country: 'US', channel: 'widget', createdAt: at('06:30'), updatedAt: at('09:40') },
  { id: 'c5', siteKey: 'site_a', visitorId: 'v_d', status: 'bot', locale: 'JA-jp', channel: 'widget', createdAt: at('08:00'), updatedAt: at('09:45') },
  { id: 'c6', siteKey: 'site_c', visitorId: 'v_e', status: 'snoozed', assigneeId: 'a_2', locale: 'pt-BR', country: 'BR', channel: 'whatsapp', waitingSince: at('08:30'), snoozedUntil: at('12:00'), createdAt: at('08:10'), updatedAt: at('09:20') },
];

/** Inbox filters alone and combined, the inbox order, counts, and a visitor's or user's conversations. */
export function describeInboxContract(kit: ContractKit): void {
  let store: RegionStore;
  beforeAll(async () => {
    store = await kit.open(`${kit.location}_inbox`);
    for (const conversation of FIXTURE) await kit.newConversation(store, conversation);
  });

  /** Lists with a generous limit and checks that the count agrees. */
  async function ids(query: Omit<ConversationQuery, 'limit'>): Promise<string[]> {
    const listed = (await store.listConversations({ ...query, limit: 50 })).map((c) => c.id);
    expect(await store.countConversations(query)).toBe(listed.length);
    return listed;
  }

  it('orders longest-waiting first, never-waited last, then most recently updated; limit cuts the page', async () => {
    expect(await ids({})).toEqual(['c2', 'c6', 'c1', 'c3', 'c5', 'c4']);
    expect((await store.listConversations({ limit: 4 })).map((c) => c.id)).toEqual(['c2', 'c6', 'c1', 'c3']);
    expect(await store.countConversations({})).toBe(6);
  });

  it('filters by status', async () => {
    expect(await ids({ statuses: ['open'] })).toEqual(['c2', 'c1']);
    expect(await ids({ statuses: ['open', 'pending'] })).toEqual(['c2', 'c1', 'c3']);
    expect(await ids({ statuses: ['bot'] })).toEqual(['c5']);
    expect(await ids({ statuses: [] })).toEqual([]);
  });

  it('filters by site', async () => {
    expect(await ids({ siteKeys: ['site_b'] })).toEqual(['c3', 'c4']);
    expect(await ids({ siteKeys: ['site_b', 'site_c'] })).toEqual(['c6', 'c3', 'c4']);
    expect(await ids({ siteKeys: [] })).toEqual([]);
  });

  it('filters by assignee: one agent, or unassigned only', async () => {
    expect(await ids({ assigneeId: 'a_1' })).toEqual(['c2', 'c3']);
    expect(await ids({ assigneeId: null })).toEqual(['c1', 'c5']);
    expect(await ids({ assigneeId: 'a_missing' })).toEqual([]);
  });

  it('filters by the primary language of the locale, in any case', async () => {
    expect(await ids({ language: 'ja' })).toEqual(['c1', 'c3', 'c5']);
    expect(await ids({ language: 'JA' })).toEqual(['c1', 'c3', 'c5']);
    expect(await ids({ language: 'j' })).toEqual([]);
  });

  it('filters by country, by channel, and by SLA due before a time', async () => {
    expect(await ids({ country: 'JP' })).toEqual(['c1', 'c3']);
    expect(await ids({ channel: 'email' })).toEqual(['c2']);
    expect(await ids({ channel: 'widget' })).toEqual(['c1', 'c3', 'c5', 'c4']);
    expect(await ids({ slaDueBefore: at('10:00') })).toEqual(['c2']);
    expect(await ids({ slaDueBefore: at('11:00') })).toEqual(['c2', 'c1']);
    expect(await ids({ slaDueBefore: at('09:30') })).toEqual([]);
  });

  it('filters by snoozed until at or before a time', async () => {
    expect(await ids({ snoozedUntilBefore: at('12:00') })).toEqual(['c6']);
    expect(await ids({ snoozedUntilBefore: at('11:59') })).toEqual([]);
    expect(await ids({ snoozedUntilBefore: at('12:00'), statuses: ['snoozed'], assigneeId: 'a_2' })).toEqual(['c6']);
    expect(await ids({ snoozedUntilBefore: at('12:00'), statuses: ['open'] })).toEqual([]);
  });

  it('finds due snoozes alone and with other filters, inclusive, in any ISO spelling; counts agree', async () => {
    const shared = await kit.open();
    const siteKey = freshSite();
    const rows: Array<Partial<ConversationRecord>> = [
      { status: 'snoozed', assigneeId: 'a_1', snoozedUntil: at('09:00'), locale: 'ja-JP', updatedAt: at('09:04') },
      { status: 'snoozed', snoozedUntil: at('10:00'), locale: 'ja-JP', updatedAt: at('09:03') },
      { status: 'open', snoozedUntil: at('11:00'), locale: 'de-DE', updatedAt: at('09:02') },
      { status: 'snoozed', locale: 'ja-JP', updatedAt: at('09:01') },
    ];
    for (const [index, row] of rows.entries()) await kit.newConversation(shared, { ...row, id: `${siteKey}_s${index + 1}`, siteKey });
    const due = async (query: Omit<ConversationQuery, 'limit' | 'siteKeys'>): Promise<string[]> => {
      const listed = (await shared.listConversations({ ...query, siteKeys: [siteKey], limit: 10 })).map((c) => c.id.slice(siteKey.length + 1));
      expect(await shared.countConversations({ ...query, siteKeys: [siteKey] })).toBe(listed.length);
      return listed;
    };
    expect(await due({ snoozedUntilBefore: at('10:00') })).toEqual(['s1', 's2']);
    expect(await due({ snoozedUntilBefore: '2026-03-01T11:00:00+01:00' })).toEqual(['s1', 's2']);
    expect(await due({ snoozedUntilBefore: at('09:59') })).toEqual(['s1']);
    expect(await due({ snoozedUntilBefore: at('08:59') })).toEqual([]);
    expect(await due({ snoozedUntilBefore: at('23:00') })).toEqual(['s1', 's2', 's3']);
    expect(await due({ snoozedUntilBefore: at('23:00'), statuses: ['snoozed'] })).toEqual(['s1', 's2']);
    expect(await due({ snoozedUntilBefore: at('23:00'), statuses: ['snoozed'], assigneeId: null })).toEqual(['s2']);
    expect(await due({ snoozedUntilBefore: at('23:00'), language: 'de' })).toEqual(['s3']);
    expect(await due({ snoozedUntilBefore: at('10:30'), language: 'de' })).toEqual([]);
    await expect(shared.listConversations({ snoozedUntilBefore: 'soon', limit: 10 })).rejects.toMatchObject({ code: 'PARLEY_ERR_PAYLOAD_INVALID' });
    await expect(shared.countConversations({ snoozedUntilBefore: 'soon' })).rejects.toMatchObject({ code: 'PARLEY_ERR_PAYLOAD_INVALID' });
  });

  it('combines filters: every given one narrows', async () => {
    expect(await ids({ statuses: ['open', 'pending'], assigneeId: 'a_1', language: 'ja' })).toEqual(['c3']);
    expect(await ids({ siteKeys: ['site_a'], statuses: ['open'], slaDueBefore: at('11:00') })).toEqual(['c2', 'c1']);
    expect(await ids({ siteKeys: ['site_a'], assigneeId: null, country: 'JP', channel: 'widget' })).toEqual(['c1']);
    expect(await ids({ siteKeys: ['site_b'], statuses: ['open'] })).toEqual([]);
  });

  it("lists a visitor's conversations and a verified user's, newest first, at most limit", async () => {
    const of = async (subject: { visitorId?: string; userId?: string }, limit = 10): Promise<string[]> =>
      (await store.listConversationsOf(subject, limit)).map((c) => c.id);
    expect(await of({ visitorId: 'v_a' })).toEqual(['c2', 'c1']);
    expect(await of({ userId: 'u_1' })).toEqual(['c4', 'c3']);
    expect(await of({ userId: 'u_1' }, 1)).toEqual(['c4']);
    expect(await of({ visitorId: 'v_missing' })).toEqual([]);
    expect(await of({})).toEqual([]);
  });

  it('keeps the order in step when waitingSince is set or cleared', async () => {
    const shared = await kit.open();
    const siteKey = freshSite();
    for (const id of ['w1', 'w2', 'w3']) await kit.newConversation(shared, { id: `${siteKey}_${id}`, siteKey, updatedAt: at('09:00') });
    const order = async (): Promise<string[]> =>
      (await shared.listConversations({ siteKeys: [siteKey], limit: 10 })).map((c) => c.id.slice(siteKey.length + 1));
    await shared.updateConversation(`${siteKey}_w3`, { waitingSince: at('08:00'), updatedAt: at('09:00') });
    await shared.updateConversation(`${siteKey}_w2`, { waitingSince: at('08:05'), updatedAt: at('09:01') });
    expect(await order()).toEqual(['w3', 'w2', 'w1']);
    await shared.updateConversation(`${siteKey}_w3`, { waitingSince: null, updatedAt: at('09:02') });
    expect(await order()).toEqual(['w2', 'w3', 'w1']);
  });
}
