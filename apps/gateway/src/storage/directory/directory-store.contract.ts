import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { AgentRecord, ApiTokenRecord, DirectoryStore, SessionRecord } from './directory-store.ts';

/**
 * Opens a directory over the data named `location`; opening the same location again must see
 * the same data (that is how the suite checks durability across a restart).
 */
export type OpenDirectory = (location: string) => Promise<DirectoryStore>;

/** A complete agent with a unique id and email; `overrides` win. */
export function sampleAgent(overrides: Partial<AgentRecord> = {}): AgentRecord {
  const now = new Date().toISOString();
  const id = `a_${randomUUID()}`;
  return {
    id,
    email: `${id.slice(2, 10)}@shop.example`,
    name: 'Ana',
    role: 'agent',
    languages: ['de', 'en'],
    sites: null,
    regions: null,
    capacity: 5,
    passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g',
    isDisabled: false,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

const at = (offsetMs: number): string => new Date(Date.UTC(2026, 0, 1) + offsetMs).toISOString();

function sampleSession(agentId: string, overrides: Partial<SessionRecord> = {}): SessionRecord {
  return { id: randomUUID().replaceAll('-', ''), agentId, csrfToken: randomUUID(), createdAt: at(0), expiresAt: at(7 * 86_400_000), lastSeenAt: at(0), ...overrides };
}

function sampleToken(agentId: string, overrides: Partial<ApiTokenRecord> = {}): ApiTokenRecord {
  return { id: `tok_${randomUUID()}`, agentId, name: 'CRM sync', tokenHash: randomUUID().replaceAll('-', ''), scopes: ['conversations:read'], createdAt: at(0), ...overrides };
}

/**
 * The contract every DirectoryStore adapter passes. Run it from each adapter's test file so
 * SQLite and MongoDB stay interchangeable behind the port.
 */
export function describeDirectoryStoreContract(adapterName: string, openDirectory: OpenDirectory): void {
  describe(`DirectoryStore contract: ${adapterName}`, () => {
    const location = `directory_${randomUUID().slice(0, 8)}`;
    const opened: DirectoryStore[] = [];
    const open = async (): Promise<DirectoryStore> => {
      const store = await openDirectory(location);
      await store.init();
      opened.push(store);
      return store;
    };
    afterAll(async () => {
      for (const store of opened) await store.close();
    });

    it('stores an agent and finds it by id and by email in any case, every field intact', async () => {
      const store = await open();
      const agent = sampleAgent({
        email: 'Ana.Lopez@Shop.Example',
        role: 'supervisor',
        sites: ['demo', 'outlet'],
        regions: ['eu', 'us'],
        capacity: 8,
        uiLocale: 'de-DE',
        timeZone: 'Europe/Berlin',
        canRevealPersonalData: false,
        pendingTotpSecret: 'JBSWY3DPEHPK3PXP',
      });
      await store.createAgent(agent);
      const expected = { ...agent, email: 'ana.lopez@shop.example' };
      expect(await store.getAgent(agent.id)).toEqual(expected);
      expect(await store.getAgentByEmail('ANA.LOPEZ@shop.example')).toEqual(expected);
      expect(await store.getAgent('a_missing')).toBeNull();
      expect(await store.getAgentByEmail('nobody@shop.example')).toBeNull();
    });

    it('reads back "every site and region" as null and unset options as absent', async () => {
      const store = await open();
      const agent = sampleAgent({ canRevealPersonalData: null });
      await store.createAgent(agent);
      const stored = (await store.getAgent(agent.id))!;
      expect(stored).toMatchObject({ sites: null, regions: null, isDisabled: false, languages: ['de', 'en'] });
      for (const key of ['totpSecret', 'pendingTotpSecret', 'uiLocale', 'timeZone', 'canRevealPersonalData'] as const) {
        expect(stored[key], key).toBeUndefined();
      }
    });

    it('refuses a second agent with the same email, whatever its case, and keeps the first', async () => {
      const store = await open();
      const first = sampleAgent();
      await store.createAgent(first);
      await expect(store.createAgent(sampleAgent({ email: first.email.toUpperCase(), name: 'Other' }))).rejects.toMatchObject({
        code: 'PARLEY_ERR_AGENT_EMAIL_TAKEN',
      });
      expect((await store.getAgentByEmail(first.email))!.id).toBe(first.id);
    });

    it('lets exactly one of two simultaneous sign-ups with one email through', async () => {
      const store = await open();
      const email = `race-${randomUUID().slice(0, 8)}@shop.example`;
      const results = await Promise.allSettled([store.createAgent(sampleAgent({ email })), store.createAgent(sampleAgent({ email }))]);
      expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(results.find((result) => result.status === 'rejected')).toMatchObject({ reason: { code: 'PARLEY_ERR_AGENT_EMAIL_TAKEN' } });
    });

    it('lists agents oldest first', async () => {
      const store = await open();
      const later = sampleAgent({ createdAt: at(2000), updatedAt: at(2000) });
      const earlier = sampleAgent({ createdAt: at(1000), updatedAt: at(1000) });
      await store.createAgent(later);
      await store.createAgent(earlier);
      const ids = (await store.listAgents()).map((agent) => agent.id).filter((id) => id === later.id || id === earlier.id);
      expect(ids).toEqual([earlier.id, later.id]);
    });

    it('updates an agent, stamps updatedAt, and clears an option with null', async () => {
      const store = await open();
      const agent = sampleAgent({ pendingTotpSecret: 'PENDINGSECRET234', createdAt: at(0), updatedAt: at(0) });
      await store.createAgent(agent);
      const confirmed = await store.updateAgent(agent.id, { totpSecret: 'PENDINGSECRET234', pendingTotpSecret: null, languages: ['fr'], regions: ['eu'] });
      expect(confirmed).toMatchObject({ totpSecret: 'PENDINGSECRET234', languages: ['fr'], regions: ['eu'], name: 'Ana', createdAt: at(0) });
      expect(confirmed!.pendingTotpSecret).toBeUndefined();
      expect(confirmed!.updatedAt > at(0)).toBe(true);
      expect(await store.getAgent(agent.id)).toEqual(confirmed);

      const off = await store.updateAgent(agent.id, { totpSecret: null, regions: null, isDisabled: true, updatedAt: at(5000) });
      expect(off).toMatchObject({ regions: null, isDisabled: true, updatedAt: at(5000) });
      expect(off!.totpSecret).toBeUndefined();
      expect(await store.getAgent(agent.id)).toEqual(off);
      expect(await store.updateAgent('a_missing', { name: 'Nobody' })).toBeNull();
    });

    it('changes an email lower-cased, and refuses one another agent has', async () => {
      const store = await open();
      const ana = sampleAgent();
      const ben = sampleAgent();
      await store.createAgent(ana);
      await store.createAgent(ben);
      const moved = await store.updateAgent(ana.id, { email: `New-${ana.email.toUpperCase()}` });
      expect(moved!.email).toBe(`new-${ana.email}`);
      expect((await store.getAgentByEmail(`NEW-${ana.email}`))!.id).toBe(ana.id);
      await expect(store.updateAgent(ben.id, { email: moved!.email.toUpperCase() })).rejects.toMatchObject({ code: 'PARLEY_ERR_AGENT_EMAIL_TAKEN' });
      expect((await store.getAgent(ben.id))!.email).toBe(ben.email);
    });

    it('keeps sessions: touch, revoke once, and revoke every live one of an agent', async () => {
      const store = await open();
      const ana = sampleAgent();
      const ben = sampleAgent();
      await store.createAgent(ana);
      await store.createAgent(ben);
      const first = sampleSession(ana.id);
      const second = sampleSession(ana.id);
      const bens = sampleSession(ben.id);
      for (const session of [first, second, bens]) await store.createSession(session);
      expect(await store.getSession(first.id)).toEqual(first);
      expect(await store.getSession('missing')).toBeNull();

      await store.touchSession(first.id, at(60_000));
      expect((await store.getSession(first.id))!.lastSeenAt).toBe(at(60_000));
      await store.revokeSession(first.id, at(120_000));
      await store.revokeSession(first.id, at(180_000));
      expect((await store.getSession(first.id))!.revokedAt).toBe(at(120_000));

      await store.revokeSessionsOf(ana.id, at(240_000));
      expect((await store.getSession(first.id))!.revokedAt).toBe(at(120_000));
      expect((await store.getSession(second.id))!.revokedAt).toBe(at(240_000));
      expect((await store.getSession(bens.id))!.revokedAt).toBeUndefined();
    });

    it('keeps API tokens: find by hash, list per agent oldest first, touch, revoke', async () => {
      const store = await open();
      const ana = sampleAgent();
      const ben = sampleAgent();
      await store.createAgent(ana);
      await store.createAgent(ben);
      const newer = sampleToken(ana.id, { createdAt: at(2000), scopes: ['conversations:read', 'conversations:write'] });
      const older = sampleToken(ana.id, { createdAt: at(1000) });
      await store.createApiToken(newer);
      await store.createApiToken(older);
      await store.createApiToken(sampleToken(ben.id));
      expect(await store.getApiTokenByHash(newer.tokenHash)).toEqual(newer);
      expect(await store.getApiTokenByHash('unknown')).toBeNull();
      expect((await store.listApiTokens(ana.id)).map((token) => token.id)).toEqual([older.id, newer.id]);

      await store.touchApiToken(newer.id, at(3000));
      await store.revokeApiToken(newer.id, at(4000));
      await store.revokeApiToken(newer.id, at(5000));
      expect(await store.getApiTokenByHash(newer.tokenHash)).toEqual({ ...newer, lastUsedAt: at(3000), revokedAt: at(4000) });
      expect((await store.getApiTokenByHash(older.tokenHash))!.revokedAt).toBeUndefined();
    });

    it('answers default settings until an admin sets them', async () => {
      const store = await open();
      const before = await store.getSettings();
      expect(typeof before.isTotpRequired).toBe('boolean');
      await store.setSettings({ isTotpRequired: true });
      expect(await store.getSettings()).toEqual({ isTotpRequired: true });
      await store.setSettings({ isTotpRequired: false });
      expect(await store.getSettings()).toEqual({ isTotpRequired: false });
    });

    it('keeps everything across a close and reopen', async () => {
      const store = await open();
      const agent = sampleAgent({ role: 'admin' });
      const session = sampleSession(agent.id);
      await store.createAgent(agent);
      await store.createSession(session);
      await store.setSettings({ isTotpRequired: true });
      await store.close();
      const reopened = await open();
      expect(await reopened.getAgent(agent.id)).toEqual(agent);
      expect(await reopened.getSession(session.id)).toEqual(session);
      expect(await reopened.getSettings()).toEqual({ isTotpRequired: true });
      await reopened.ping();
    });

    it('adds translation usage atomically: concurrent additions from two connections lose nothing, per site and month', async () => {
      const [one, two] = [await open(), await open()];
      const site = `site_${randomUUID().slice(0, 8)}`;
      expect(await one.getTranslationUsage(site, '2026-12')).toBe(0);
      const totals = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? one : two).addTranslationUsage(site, '2026-12', 10)));
      expect(await one.getTranslationUsage(site, '2026-12')).toBe(200);
      // Each addition saw its own new total: every one of 10, 20, … 200 exactly once.
      expect([...totals].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 10));
      expect(await two.addTranslationUsage(site, '2027-01', 7)).toBe(7);
      expect(await two.addTranslationUsage(`${site}b`, '2026-12', 3)).toBe(3);
      expect(await two.addTranslationUsage(site, '2026-12', 0)).toBe(200);
      expect(await one.getTranslationUsage(site, '2027-01')).toBe(7);
      expect(await one.getTranslationUsage(site, '2026-11')).toBe(0);
      for (const [month, characters] of [['2026-13', 1], ['December', 1], ['2026-12', -1], ['2026-12', 1.5]] as const) {
        await expect(one.addTranslationUsage(site, month, characters)).rejects.toMatchObject({ code: 'PARLEY_ERR_PAYLOAD_INVALID' });
      }
      expect(await one.getTranslationUsage(site, '2026-12')).toBe(200);
    });

    it("keeps a site's own canned replies: put, replace, list by key for that site only, delete", async () => {
      const store = await open();
      const site = `site_${randomUUID().slice(0, 8)}`;
      expect(await store.listSiteCannedReplies(site)).toEqual([]);
      const wrap = { siteKey: site, key: 'gift-wrap', title: 'Gift wrap', bodies: { 'de-DE': 'Wir verpacken es gern.', 'ja-JP': 'ギフト包装いたします。' }, updatedAt: at(0), updatedBy: 'a_1' };
      const returns = { siteKey: site, key: 'returns', title: 'Returns', bodies: { 'en-US': 'You have 30 days.' }, updatedAt: at(1000), updatedBy: 'a_1' };
      await store.putSiteCannedReply(returns);
      await store.putSiteCannedReply(wrap);
      await store.putSiteCannedReply({ ...wrap, siteKey: `${site}b` });
      expect(await store.listSiteCannedReplies(site)).toEqual([wrap, returns]);
      const rewrapped = { ...wrap, title: 'Gift wrapping', bodies: { 'de-DE': 'Gern als Geschenk verpackt.' }, updatedAt: at(2000), updatedBy: 'a_2' };
      await store.putSiteCannedReply(rewrapped);
      expect(await store.listSiteCannedReplies(site)).toEqual([rewrapped, returns]);
      expect(await store.deleteSiteCannedReply(site, 'returns')).toBe(true);
      expect(await store.deleteSiteCannedReply(site, 'returns')).toBe(false);
      expect(await store.deleteSiteCannedReply(site, 'never')).toBe(false);
      await store.close();
      const reopened = await open();
      expect(await reopened.listSiteCannedReplies(site)).toEqual([rewrapped]);
      expect(await reopened.listSiteCannedReplies(`${site}b`)).toEqual([{ ...wrap, siteKey: `${site}b` }]);
      for (const bad of [{ ...wrap, key: 'a|b' }, { ...wrap, key: '' }, { ...wrap, bodies: { 'de.DE': 'x' } }, { ...wrap, title: 'x\0' }, { ...wrap, updatedAt: 'now' }]) {
        await expect(reopened.putSiteCannedReply(bad)).rejects.toMatchObject({ code: 'PARLEY_ERR_PAYLOAD_INVALID' });
      }
      expect(await reopened.listSiteCannedReplies(site)).toEqual([rewrapped]);
    });

    it('refuses NUL in strings and operator-looking values before they reach the store', async () => {
      const store = await open();
      await expect(store.createAgent(sampleAgent({ name: 'Ana\0' }))).rejects.toMatchObject({ code: 'PARLEY_ERR_PAYLOAD_INVALID' });
      const injected = { $ne: null } as unknown as string;
      await expect(store.getAgentByEmail(injected)).rejects.toMatchObject({ code: 'PARLEY_ERR_PAYLOAD_INVALID' });
      await expect(store.getSession(injected)).rejects.toMatchObject({ code: 'PARLEY_ERR_PAYLOAD_INVALID' });
      await expect(store.getApiTokenByHash(injected)).rejects.toMatchObject({ code: 'PARLEY_ERR_PAYLOAD_INVALID' });
    });
  });
}
