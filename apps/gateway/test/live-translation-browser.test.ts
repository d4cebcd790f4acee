import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apertiumTarget } from '@parley/translation/testing';
import { randomUUID } from 'node:crypto';
import type { ConversationSummary } from '@parley/protocol';
import { addAgent, AGENT_PASSWORD, call, connectAgent } from './agent-harness.ts';
import { hasChromium } from './browser.ts';
import { useBrowserSuite } from './browser-suite.ts';
import { startDeeplLookalike } from './translation-harness.ts';
import { DEMO_SITE } from '../src/sites/site.ts';
import type { SiteTranslation } from '../src/features/translation/site-translation.ts';
const SHOTS = '/tmp/e2e-shots/translation';
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 780 };
const apertiumUrl = hasChromium() ? apertiumTarget(inject('apertiumUrl'), inject('apertiumSkipReason')) : null;

/** Uncaught errors in a page: a live UI that throws has failed even if the steps pass. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Both UIs of one hand-off: agents signed in to the console, the shopper's widget open on the demo shop. */
function useTwoUis(options: { env: () => Record<string, string>; translation?: SiteTranslation; agent: { name: string; languages: string[] } }) {
  const suite = useBrowserSuite({ withConsole: true, env: () => ({ PARLEY_COUNTRY_HEADER: 'x-country', ...options.env() }), ...(options.translation ? { sites: [{ ...DEMO_SITE, translation: options.translation }] } : {}) });
  beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
  const newPage = async (contextOptions: Parameters<Browser['newContext']>[0]): Promise<Page> => (await suite.newContext(contextOptions)).newPage();
  return {
    gateway: () => suite.gateway,
    async agentConsole(locale: string): Promise<Page> {
      const agent = await addAgent(suite.gateway.app, options.agent);
      return this.signedIn(agent.email, locale);
    },
    async signedIn(email: string, locale: string): Promise<Page> {
      const page = await newPage({ locale, timezoneId: 'Europe/Amsterdam', viewport: DESKTOP });
      await page.goto(`${suite.gateway.url}/console/`);
      await page.locator('input[type=email]').fill(email);
      await page.locator('input[type=password]').fill(AGENT_PASSWORD);
      await page.locator('button[type=submit]').click();
      await page.getByRole('list').first().waitFor({ state: 'attached' });
      return page;
    },
    async shopperWidget(locale: string, country: string): Promise<Page> {
      const page = await newPage({ locale, viewport: DESKTOP, extraHTTPHeaders: { 'x-country': country } });
      await page.addInitScript((tag: string) => {
        const queue: unknown[][] = [];
        const stub = Object.assign((...args: unknown[]) => void queue.push(args), { q: queue });
        (window as unknown as { Parley: typeof stub }).Parley = stub;
        stub('init', { locale: tag });
      }, locale);
      await page.goto(`${suite.gateway.url}/demo/`);
      await page.locator('button[aria-haspopup], button[aria-expanded]').first().click();
      await page.getByRole('dialog').getByRole('log').getByRole('listitem').first().waitFor();
      return page;
    },
  };
}

/** The shopper writes one message in the open widget. */
async function shopperWrites(page: Page, text: string): Promise<void> {
  const composer = page.getByRole('dialog').getByRole('textbox');
  await composer.fill(text);
  await composer.press('Enter');
}

describe.runIf(apertiumUrl)('live translation through both real UIs, with the real Apertium: a Spanish shopper, an English agent', () => {
  const uis = useTwoUis({ env: () => ({ PARLEY_TRANSLATE_PROVIDER: 'apertium', PARLEY_APERTIUM_URL: apertiumUrl! }), agent: { name: 'Emma', languages: ['en'] } });

  it('the agent reads the shopper in English and replies in English; the shopper reads Spanish; both can see the original', async () => {
    const agentPage = await uis.agentConsole('en-GB');
    const shopperPage = await uis.shopperWidget('es-ES', 'ES');
    const errors = [...watchErrors(agentPage), ...watchErrors(shopperPage)];
    await shopperWrites(shopperPage, 'Quiero hablar con una persona');
    const row = agentPage.getByRole('list', { name: 'Conversations' }).getByRole('button').filter({ hasText: 'es-ES' });
    await row.first().click();
    await shopperWrites(shopperPage, '¿Dónde está mi pedido?');

    // The agent reads English first, the Spanish one click away.
    const log = agentPage.getByRole('log', { name: 'Messages' });
    const asked = log.getByRole('listitem').filter({ hasText: /where/i }).last();
    await asked.waitFor();
    const toggle = asked.getByTestId('translation-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await asked.getByTestId('translation-other').getByText('¿Dónde está mi pedido?').waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');

    // The agent writes English and sees the Spanish the shopper will get before sending.
    const reply = agentPage.getByRole('textbox', { name: 'Reply' });
    await reply.fill('Your parcel is on its way.');
    const preview = agentPage.getByTestId('translation-preview');
    await expect.poll(() => preview.textContent(), { timeout: 10_000 }).toMatch(/paquete/i);
    await agentPage.screenshot({ path: `${SHOTS}/1-agent-en-reads-es.png` });
    await reply.press('Enter');

    // The shopper reads Spanish, marked as translated, and can read what the agent wrote.
    const widget = shopperPage.getByRole('dialog');
    const answer = widget.getByRole('log').getByRole('listitem').filter({ has: shopperPage.getByText('Traducido automáticamente') });
    await answer.waitFor();
    expect(await answer.textContent()).toMatch(/paquete/i);
    await answer.getByText('Traducido automáticamente').waitFor();
    const original = answer.getByRole('button', { name: 'Ver original' });
    expect(await original.getAttribute('aria-pressed')).toBe('false');
    await widget.screenshot({ path: `${SHOTS}/2-shopper-es-translated.png` });
    await original.click();
    await answer.getByText('Your parcel is on its way.').waitFor();
    expect(await answer.getByRole('button', { name: 'Ver traducción' }).getAttribute('aria-pressed')).toBe('true');
    await shopperPage.setViewportSize(PHONE);
    await widget.screenshot({ path: `${SHOTS}/3-shopper-es-original-phone.png` });
    await agentPage.setViewportSize({ width: 768, height: 1000 });
    await agentPage.screenshot({ path: `${SHOTS}/4-agent-768.png` });
    expect(errors).toEqual([]);
  }, 90_000);
});

describe.skipIf(!hasChromium())('live translation through both real UIs, with a DeepL look-alike: a Japanese shopper, a German agent', () => {
  let deepl: Awaited<ReturnType<typeof startDeeplLookalike>>;
  beforeAll(async () => {
    deepl = await startDeeplLookalike('browser-key');
  });
  afterAll(async () => {
    await deepl?.close();
  });
  const uis = useTwoUis({
    env: () => ({ PARLEY_TRANSLATE_PROVIDER: 'deepl', PARLEY_DEEPL_KEY: 'browser-key', PARLEY_DEEPL_URL: deepl.url }),
    translation: { glossary: ['Nordlicht Parka'] },
    agent: { name: 'Dora', languages: ['de'] },
  });

  it('keigo is asked for, order numbers and links arrive intact, and a canned reply is native Japanese', async () => {
    const agentPage = await uis.agentConsole('de-DE');
    const shopperPage = await uis.shopperWidget('ja-JP', 'DE');
    const errors = [...watchErrors(agentPage), ...watchErrors(shopperPage)];
    await shopperWrites(shopperPage, '担当者と話したいです');
    await agentPage.getByRole('list').first().getByRole('button').filter({ hasText: 'ja-JP' }).first().click();
    await shopperWrites(shopperPage, '注文 NL-10496 はどこですか');
    const log = agentPage.getByRole('log').first();
    await log.getByRole('listitem').filter({ hasText: 'NL-10496' }).getByTestId('translation-toggle').waitFor();

    const reply = agentPage.getByRole('textbox').last();
    await reply.fill('Ihre Bestellung NL-10496 (Nordlicht Parka) ist unterwegs: https://shop.example/track/NL-10496');
    await expect.poll(() => agentPage.getByTestId('translation-preview').textContent(), { timeout: 10_000 }).toContain('https://shop.example/track/NL-10496');
    await reply.press('Enter');
    const widget = shopperPage.getByRole('dialog');
    const answer = widget.getByRole('log').getByRole('listitem').filter({ hasText: 'BESTELLUNG' });
    await answer.waitFor();
    for (const kept of ['NL-10496', 'Nordlicht Parka', 'https://shop.example/track/NL-10496']) expect(await answer.textContent()).toContain(kept);
    await answer.getByText('自動翻訳されています').waitFor();
    const request = deepl.sent().find((body) => body['target_lang'] === 'JA');
    expect(request).toMatchObject({ source_lang: 'DE', formality: 'more' });
    expect(JSON.stringify(request)).not.toContain('NL-10496');

    // A canned reply, picked with "/" in German, reaches the shopper in native Japanese.
    const calls = deepl.sent().length;
    await reply.fill('/abschl');
    const listbox = agentPage.getByTestId('canned-listbox');
    await listbox.waitFor();
    await agentPage.screenshot({ path: `${SHOTS}/5-agent-de-canned-picker.png` });
    await reply.press('Enter');
    await agentPage.getByTestId('canned-chip').waitFor();
    await reply.press('Enter');
    const closing = widget.getByRole('log').getByRole('listitem').filter({ hasText: 'Dora' }).last();
    await closing.waitFor();
    expect(await closing.textContent()).toMatch(/[ぁ-んァ-ン一-龯]/u);
    expect(await closing.getByText('自動翻訳されています').count()).toBe(0);
    expect(deepl.sent().length).toBe(calls);
    await widget.screenshot({ path: `${SHOTS}/6-shopper-ja.png` });
    await agentPage.screenshot({ path: `${SHOTS}/7-agent-de.png` });
    expect(errors).toEqual([]);
  }, 90_000);

  it('an admin writes a site reply in the console; agents then find it with /', async () => {
    const gateway = uis.gateway();
    const ada = await addAgent(gateway.app, { name: 'Ada', role: 'admin', languages: ['en'] });
    const page = await uis.signedIn(ada.email, 'en-GB');
    const errors = watchErrors(page);
    await page.getByTestId('canned-replies-button').click();
    const dialog = page.getByTestId('canned-replies-dialog');
    await dialog.getByTestId('canned-new').click();
    await dialog.locator('#canned-key').fill('size-guide');
    await dialog.locator('#canned-title').fill('Size guide');
    const body = dialog.locator('textarea').first();
    await body.fill('Our size guide is at shop.example/sizes, {{shopper.nam}}');
    await dialog.getByRole('button', { name: 'Save reply' }).click();
    // The typo is caught before anything is sent, at its field.
    await dialog.getByText(/shopper\.nam/).first().waitFor();
    expect(await dialog.locator('li[data-reply-key="size-guide"]').count()).toBe(0);
    await body.fill('Our size guide is at shop.example/sizes. {{agent.name}}');
    await dialog.getByRole('button', { name: 'Save reply' }).click();
    await dialog.locator('li[data-reply-key="size-guide"]').waitFor();
    await page.screenshot({ path: `${SHOTS}/10-admin-canned-replies.png` });
    // An agent's picker for a conversation of that site now offers it.
    const { socket } = await connectAgent(gateway.url, ada);
    try {
      const [conversation] = (await call(socket, 'inbox:list', { view: 'all' })).conversations;
      const { replies } = await call(socket, 'canned:list', { conversationId: conversation!.id });
      expect(replies.find((reply) => reply.key === 'size-guide')).toMatchObject({ origin: 'site', title: 'Size guide' });
    } finally {
      socket.disconnect();
    }
    expect(errors).toEqual([]);
  }, 60_000);

  it('on a phone, right to left: an Arabic shopper reads the translated reply and, by keyboard, the original', async () => {
    const gateway = uis.gateway();
    const liam = await addAgent(gateway.app, { name: 'Liam', role: 'supervisor', languages: ['en'] });
    const { socket: agent } = await connectAgent(gateway.url, liam);
    try {
      const shopperPage = await uis.shopperWidget('ar-SA', 'SA');
      await shopperPage.setViewportSize(PHONE);
      const errors = watchErrors(shopperPage);
      await shopperWrites(shopperPage, 'أريد التحدث مع شخص');
      let conversation: ConversationSummary | undefined;
      await expect.poll(async () => (conversation = (await call(agent, 'inbox:list', { view: 'all' })).conversations.find((c) => c.locale === 'ar-SA'))).toBeDefined();
      await call(agent, 'conversation:assign', { conversationId: conversation!.id, agentId: liam.id });
      await call(agent, 'conversation:open', { conversationId: conversation!.id });
      await call(agent, 'agent:message:send', { conversationId: conversation!.id, clientMsgId: randomUUID(), text: 'Your order NL-10496 ships today.' });
      const widget = shopperPage.getByRole('dialog');
      const answer = widget.getByRole('log').getByRole('listitem').filter({ has: shopperPage.getByText('تُرجمت تلقائيًا') });
      await answer.waitFor();
      expect(await answer.textContent()).toContain('NL-10496');
      expect(await widget.evaluate((panel) => getComputedStyle(panel).direction)).toBe('rtl');
      await widget.screenshot({ path: `${SHOTS}/8-shopper-ar-phone.png` });
      const button = answer.getByRole('button', { name: 'عرض النص الأصلي' });
      await button.focus();
      await shopperPage.keyboard.press('Enter');
      await answer.getByText('Your order NL-10496 ships today.').waitFor();
      expect(await answer.getByRole('button', { name: 'عرض الترجمة' }).getAttribute('aria-pressed')).toBe('true');
      await widget.screenshot({ path: `${SHOTS}/9-shopper-ar-original-phone.png` });
      expect(errors).toEqual([]);
    } finally {
      agent.disconnect();
    }
  }, 60_000);
});
