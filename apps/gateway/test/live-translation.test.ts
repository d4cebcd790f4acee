import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Message, MessageTranslated, TranslationState } from '@parley/protocol';
import { apertiumTarget } from '@parley/translation/testing';
import { addAgent, call, codeOf, connectAgent, createToken, nextEvent } from './agent-harness.ts';
import type { AgentTestSocket } from './agent-harness.ts';
import { removeDataDir, startGateway, testConfig } from './gateway-harness.ts';
import type { RunningGateway, TestSocket } from './gateway-harness.ts';
import { shopperIn, shopperSays, startDeeplLookalike, writeDemoSites } from './translation-harness.ts';

const apertiumUrl = apertiumTarget(inject('apertiumUrl'), inject('apertiumSkipReason'));

/** Opens the conversation as the agent, having claimed it, and answers its translation state. */
async function claimAndOpen(agent: AgentTestSocket, conversationId: string): Promise<TranslationState> {
  await call(agent, 'conversation:assign', { conversationId });
  return (await call(agent, 'conversation:open', { conversationId })).translation;
}

describe.runIf(apertiumUrl)('live translation with the real Apertium: a Spanish shopper and an English agent', () => {
  let gateway: RunningGateway;
  const sockets: Array<{ disconnect(): unknown }> = [];
  beforeAll(async () => {
    gateway = await startGateway(testConfig({ PARLEY_COUNTRY_HEADER: 'x-country', PARLEY_TRANSLATE_PROVIDER: 'apertium', PARLEY_APERTIUM_URL: apertiumUrl! }), 0, { agentOfflineAfterMs: 200 });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await gateway?.stop();
    if (gateway) removeDataDir(gateway.config);
  });

  it('each side writes its own language and reads the other in theirs, with the original kept', async () => {
    const emma = await addAgent(gateway.app, { name: 'Emma', languages: ['en'] });
    const { socket: agent } = await connectAgent(gateway.url, emma);
    sockets.push(agent);
    const { socket: shopper, session } = await shopperIn(gateway, 'es-ES', 'ES');
    sockets.push(shopper);
    const state = await claimAndOpen(agent, session.conversationId);
    expect(state).toMatchObject({ isActive: true, agentLang: 'en', shopperLang: 'es-ES', provider: 'apertium' });

    const translated = nextEvent<MessageTranslated>(agent, 'message:translated', (event) => event.conversationId === session.conversationId);
    const asked = await shopperSays(shopper, '¿Dónde está mi pedido?');
    const event = await translated;
    expect(event).toMatchObject({ messageId: asked.id, lang: 'en', translation: { provider: 'apertium' } });
    expect(event.translation?.text).toMatch(/where/i);

    const preview = await call(agent, 'translation:preview', { conversationId: session.conversationId, text: 'Your parcel is on its way.' });
    expect(preview.text).toMatch(/paquete/i);

    const received = nextEvent<Message>(shopper, 'message:created', (message) => message.author.kind === 'agent');
    const sent = await call(agent, 'agent:message:send', { conversationId: session.conversationId, clientMsgId: randomUUID(), text: 'Your parcel is on its way.' });
    expect(sent.original).toEqual({ text: 'Your parcel is on its way.', lang: 'en' });
    expect(sent.text).toBe(preview.text);
    const shopperView = await received;
    expect(shopperView.text).toMatch(/paquete/i);
    expect(shopperView.original).toEqual({ text: 'Your parcel is on its way.', lang: 'en' });
    expect(shopperView.translations).toBeUndefined();

    // Stored: the shopper's message keeps its original and the English; the preview was cached.
    const history = await call(agent, 'agent:history:fetch', { conversationId: session.conversationId, afterSeq: 0 });
    const stored = history.messages.find((message) => message.id === asked.id);
    expect(stored).toMatchObject({ text: '¿Dónde está mi pedido?', original: { text: '¿Dónde está mi pedido?', lang: 'es-ES' }, translations: { en: { provider: 'apertium' } } });
    const shopperHistory = await shopper.timeout(5000).emitWithAck('history:fetch', { afterSeq: 0 });
    if (!shopperHistory.ok) throw new Error(shopperHistory.error.code);
    expect(shopperHistory.data.messages.every((message: Message) => message.translations === undefined)).toBe(true);
  });
});

describe('live translation with a provider look-alike: a Japanese shopper and a German agent', () => {
  let gateway: RunningGateway;
  let deepl: Awaited<ReturnType<typeof startDeeplLookalike>>;
  let agent: AgentTestSocket;
  let shopper: TestSocket;
  let conversationId: string;
  let doraEmail: string;
  beforeAll(async () => {
    deepl = await startDeeplLookalike('test-key');
    const config = testConfig({ PARLEY_COUNTRY_HEADER: 'x-country', PARLEY_TRANSLATE_PROVIDER: 'deepl', PARLEY_DEEPL_KEY: 'test-key', PARLEY_DEEPL_URL: deepl.url, PARLEY_TRANSLATE_TIMEOUT_MS: '500' });
    const sitesFile = writeDemoSites(config.dataDir, { glossary: ['Nordlicht Parka'], monthlyCharacterBudget: 2_000 });
    gateway = await startGateway({ ...config, sitesFile }, 0, { agentOfflineAfterMs: 200 });
    const dora = await addAgent(gateway.app, { name: 'Dora', languages: ['de'] });
    doraEmail = dora.email;
    agent = (await connectAgent(gateway.url, dora)).socket;
    const started = await shopperIn(gateway, 'ja-JP', 'DE');
    shopper = started.socket;
    conversationId = started.session.conversationId;
    expect(await claimAndOpen(agent, conversationId)).toMatchObject({ isActive: true, agentLang: 'de', shopperLang: 'ja-JP', provider: 'deepl', usage: { budget: 2_000 } });
  });
  afterAll(async () => {
    agent?.disconnect();
    shopper?.disconnect();
    await gateway?.stop();
    if (gateway) removeDataDir(gateway.config);
    await deepl?.close();
  });

  it('sends the agent’s German with formality for Japanese, and keeps order numbers, URLs, glossary and personal data out of the provider', async () => {
    const text = 'Ihre Bestellung NL-10496 (Nordlicht Parka, 129,00 €) ist unterwegs: https://shop.example/track/NL-10496. Fragen an help@shop.example';
    const received = nextEvent<Message>(shopper, 'message:created', (message) => message.author.kind === 'agent');
    const sent = await call(agent, 'agent:message:send', { conversationId, clientMsgId: randomUUID(), text });
    const request = deepl.sent().at(-1)!;
    expect(request).toMatchObject({ target_lang: 'JA', source_lang: 'DE', formality: 'more', tag_handling: 'xml' });
    const outgoing = JSON.stringify(request);
    for (const kept of ['NL-10496', 'Nordlicht Parka', '129,00 €', 'shop.example', 'help@shop.example']) expect(outgoing).not.toContain(kept);
    // The shopper reads every protected span as written; the agent's own view is masked as always.
    const shopperView = await received;
    for (const kept of ['NL-10496', 'Nordlicht Parka', '129,00 €', 'https://shop.example/track/NL-10496', 'help@shop.example']) expect(shopperView.text).toContain(kept);
    expect(shopperView.text).toContain('BESTELLUNG');
    expect(shopperView.original?.text).toBe(text);
    expect(sent.text).toContain('h•••@shop.example');
  });

  it('translates a shopper’s message for the agent with the phone number never sent', async () => {
    const translated = nextEvent<MessageTranslated>(agent, 'message:translated');
    await shopperSays(shopper, '注文について電話してください +81 90-1234-5678');
    const event = await translated;
    expect(event.translation?.provider).toBe('deepl');
    expect(event.translation?.text).toContain('+81 ••• 5678');
    const request = deepl.sent().at(-1)!;
    expect(request).toMatchObject({ target_lang: 'DE', source_lang: 'JA' });
    expect(JSON.stringify(request)).not.toContain('1234');
  });

  it('serves the same text from the region’s cache, and stops at the monthly budget', async () => {
    const calls = deepl.sent().length;
    const usageShown = nextEvent<{ conversationId: string; state: TranslationState }>(agent, 'translation:changed');
    const first = await call(agent, 'translation:preview', { conversationId, text: 'Vielen Dank für Ihre Geduld.' });
    // The console's usage line follows what was spent.
    expect((await usageShown).state.usage.characters).toBeGreaterThan(0);
    const again = await call(agent, 'translation:preview', { conversationId, text: 'Vielen Dank für Ihre Geduld.' });
    expect([first.isCached, again.isCached]).toEqual([false, true]);
    expect(again.text).toBe(first.text);
    expect(deepl.sent().length).toBe(calls + 1);
    const refused = await codeOf(call(agent, 'translation:preview', { conversationId, text: 'x'.repeat(2_000) }));
    expect(refused).toBe('PARLEY_ERR_TRANSLATION_UNAVAILABLE');
    expect(deepl.sent().length).toBe(calls + 1);
    const state = (await call(agent, 'conversation:open', { conversationId })).translation;
    expect(state.usage.characters).toBeGreaterThan(0);
  });

  it('never blocks a message when the provider is down: the shopper’s arrives with “unavailable”, the agent’s waits for a confirmation', async () => {
    deepl.setDown(true);
    try {
      const failed = nextEvent<MessageTranslated>(agent, 'message:translated');
      const asked = await shopperSays(shopper, 'まだ届いていません');
      expect(await failed).toMatchObject({ messageId: asked.id, error: { code: 'PARLEY_ERR_TRANSLATION_UNAVAILABLE' } });
      const before = (await call(agent, 'agent:history:fetch', { conversationId, afterSeq: 0 })).messages.length;
      const clientMsgId = randomUUID();
      const refused = await codeOf(call(agent, 'agent:message:send', { conversationId, clientMsgId, text: 'Ich prüfe das sofort.' }));
      expect(refused).toBe('PARLEY_ERR_TRANSLATION_UNAVAILABLE');
      expect((await call(agent, 'agent:history:fetch', { conversationId, afterSeq: 0 })).messages).toHaveLength(before);
      const sent = await call(agent, 'agent:message:send', { conversationId, clientMsgId, text: 'Ich prüfe das sofort.', untranslated: true });
      expect(sent).toMatchObject({ text: 'Ich prüfe das sofort.' });
      expect(sent.original).toBeUndefined();
      // The same over REST, for integrations.
      const token = await createToken(gateway.url, doraEmail, ['conversations:write']);
      const post = (body: object) => fetch(`${gateway.url}/v1/conversations/${conversationId}/messages`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const restClientMsgId = randomUUID();
      const refusedRest = await post({ clientMsgId: restClientMsgId, text: 'Einen Moment bitte.' });
      expect(refusedRest.status).toBe(503);
      expect(((await refusedRest.json()) as { error: { code: string; details: { reason: string } } }).error).toMatchObject({ code: 'PARLEY_ERR_TRANSLATION_UNAVAILABLE', details: { reason: expect.any(String) } });
      const sentRest = await post({ clientMsgId: restClientMsgId, text: 'Einen Moment bitte.', untranslated: true });
      expect(sentRest.status).toBe(201);
    } finally {
      deepl.setDown(false);
    }
  });

  it('lets an admin add a site reply over REST; without a Japanese version it is machine-translated on send, and says so', async () => {
    const admin = await addAgent(gateway.app, { name: 'Ada', role: 'admin', languages: ['de'] });
    const token = await createToken(gateway.url, admin.email, ['agents:admin']);
    const put = (key: string, body: unknown) => fetch(`${gateway.url}/v1/admin/sites/demo/canned-replies/${key}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const typo = await put('gift-wrap', { title: 'Geschenkverpackung', bodies: { 'de-DE': 'Gern verpacken wir {{order.nummer}} als Geschenk.' } });
    expect(typo.status).toBe(400);
    expect(((await typo.json()) as { error: { code: string } }).error.code).toBe('PARLEY_ERR_PAYLOAD_INVALID');
    const saved = await put('gift-wrap', { title: 'Geschenkverpackung', bodies: { 'de-DE': 'Gern verpacken wir Ihre Bestellung als Geschenk, {{agent.name}}.' } });
    expect(saved.status).toBe(200);
    const managed = await fetch(`${gateway.url}/v1/admin/sites`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await managed.json()) as { sites: Array<{ key: string }> }).sites.map((site) => site.key)).toEqual(['demo']);
    const elsewhere = await addAgent(gateway.app, { name: 'Otto', role: 'admin', languages: ['de'], sites: ['another-shop'] });
    const otherToken = await createToken(gateway.url, elsewhere.email, ['agents:admin']);
    const barred = await fetch(`${gateway.url}/v1/admin/sites/demo/canned-replies/phish`, { method: 'PUT', headers: { authorization: `Bearer ${otherToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'x', bodies: { ja: 'https://evil.example' } }) });
    expect(barred.status).toBe(403);
    expect(((await barred.json()) as { error: { code: string } }).error.code).toBe('PARLEY_ERR_FORBIDDEN_SITE');
    const listed = await fetch(`${gateway.url}/v1/admin/sites/demo/canned-replies`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await listed.json()) as { replies: Array<{ key: string }> }).replies.map((reply) => reply.key)).toEqual(['gift-wrap']);

    const { replies } = await call(agent, 'canned:list', { conversationId });
    expect(replies.find((reply) => reply.key === 'gift-wrap')).toMatchObject({ origin: 'site', source: 'machine', title: 'Geschenkverpackung' });
    const sent = await call(agent, 'agent:message:send', { conversationId, clientMsgId: randomUUID(), text: 'Geschenk', cannedKey: 'gift-wrap' });
    expect(sent.canned).toEqual({ key: 'gift-wrap', isMachineTranslated: true });
    expect(sent.original).toEqual({ text: 'Gern verpacken wir Ihre Bestellung als Geschenk, Dora.', lang: 'de-DE' });
    expect(sent.text).toContain('GESCHENK');
  });

  it('sends a canned reply natively in Japanese, refuses one whose variable is missing, and can be switched off', async () => {
    const { replies } = await call(agent, 'canned:list', { conversationId });
    const closing = replies.find((reply) => reply.key === 'closing')!;
    expect(closing).toMatchObject({ source: 'native', origin: 'parley' });
    expect(closing.title).not.toBe('');
    expect(replies.find((reply) => reply.key === 'orderStatus')?.missing).toEqual(['order.number']);
    const calls = deepl.sent().length;
    const received = nextEvent<Message>(shopper, 'message:created', (message) => message.author.kind === 'agent' && message.text === closing.shopperText);
    const sent = await call(agent, 'agent:message:send', { conversationId, clientMsgId: randomUUID(), text: closing.preview, cannedKey: 'closing' });
    expect(sent.text).toBe(closing.shopperText);
    expect(sent.text).toContain('Dora');
    expect(sent.translations?.['de']).toMatchObject({ provider: 'canned' });
    const shopperView = await received;
    expect(shopperView.original).toBeUndefined();
    expect(shopperView.canned).toBeUndefined();
    expect(deepl.sent().length).toBe(calls);
    expect(await codeOf(call(agent, 'agent:message:send', { conversationId, clientMsgId: randomUUID(), text: 'x', cannedKey: 'orderStatus' }))).toBe('PARLEY_ERR_CANNED_REPLY_INCOMPLETE');

    const off = await call(agent, 'conversation:translation', { conversationId, isOff: true });
    expect(off).toMatchObject({ isActive: false, reason: 'switched_off' });
    const plain = await call(agent, 'agent:message:send', { conversationId, clientMsgId: randomUUID(), text: 'Bis bald!' });
    expect(plain.text).toBe('Bis bald!');
    // Switched off, a site reply without a Japanese version goes as written, not machine-translated.
    const asWritten = await call(agent, 'agent:message:send', { conversationId, clientMsgId: randomUUID(), text: 'Geschenk', cannedKey: 'gift-wrap' });
    expect(asWritten).toMatchObject({ text: 'Gern verpacken wir Ihre Bestellung als Geschenk, Dora.', canned: { key: 'gift-wrap', isMachineTranslated: false } });
    expect(deepl.sent().length).toBe(calls);
    await call(agent, 'note:add', { conversationId, clientNoteId: randomUUID(), text: 'Kundin wartet auf Rückruf' });
    expect(deepl.sent().length).toBe(calls);
  });
});
