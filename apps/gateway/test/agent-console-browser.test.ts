import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createParleyClient } from '@parley/client';
import type { ReadChanged } from '@parley/protocol';
import { addAgent, AGENT_PASSWORD, call, connectAgent, nextEvent } from './agent-harness.ts';
import { hasChromium, launchChromium } from './browser.ts';
import { removeDataDir, startGateway, testConfig } from './gateway-harness.ts';
import type { RunningGateway } from './gateway-harness.ts';
import type { AgentRecord } from '../src/storage/directory/directory-store.ts';

const built = (path: string) => existsSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)));
const SHOTS = '/tmp/e2e-shots';
const DESKTOP = { width: 1280, height: 800 };

/** Uncaught errors in a page: a live UI that throws has failed even if the test's steps pass. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

describe('the shopper client: receipts and the page it runs on (real gateway, no browser)', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway(testConfig());
  });
  afterAll(async () => {
    await gateway?.stop();
    if (gateway) removeDataDir(gateway.config);
  });

  it('sends origin and path only, coalesces markRead upward, and reports an agent reading as `read`', async () => {
    const ada = await addAgent(gateway.app, { name: 'Ada', role: 'supervisor' });
    const { socket: agent } = await connectAgent(gateway.url, ada);
    // The demo site allows http://127.0.0.1:* (a page of another origin is dropped, below).
    const client = createParleyClient({ url: gateway.url, siteKey: 'demo', pageUrl: 'http://127.0.0.1:5173/p/parka?email=ana%40example.com#size' });
    try {
      const session = await client.connect();
      await client.send('Hello, is anyone there?');
      const detail = await call(agent, 'conversation:open', { conversationId: session.conversationId });
      expect(detail.context.pageUrl).toBe('http://127.0.0.1:5173/p/parka');
      const stranger = createParleyClient({ url: gateway.url, siteKey: 'demo', pageUrl: 'https://phishing.example/login' });
      const other = await stranger.connect();
      await stranger.send('hi');
      expect((await call(agent, 'conversation:open', { conversationId: other.conversationId })).context.pageUrl).toBeUndefined();
      stranger.disconnect();

      const receipts: ReadChanged[] = [];
      agent.on('read:changed', (event: ReadChanged & { conversationId: string }) => receipts.push({ by: event.by, seq: event.seq }));
      const shopperRead = nextEvent<ReadChanged & { conversationId: string }>(agent, 'read:changed', (e) => e.by === 'visitor');
      client.markRead(2);
      client.markRead(3);
      client.markRead(1); // backwards: ignored
      expect(await shopperRead).toEqual({ conversationId: session.conversationId, by: 'visitor', seq: 3 });
      client.markRead(3); // not higher than what was sent: nothing goes out
      const agentRead = new Promise<ReadChanged>((resolve) => client.on('read', resolve));
      agent.emit('agent:read:set', { conversationId: session.conversationId, seq: 3 });
      expect(await agentRead).toEqual({ by: 'agent', seq: 3 });
      expect(receipts.filter((r) => r.by === 'visitor')).toEqual([{ by: 'visitor', seq: 3 }]);
    } finally {
      client.disconnect();
      agent.disconnect();
    }
  });
});

describe.skipIf(!hasChromium())('the human hand-off through both real UIs (two Chromium contexts)', () => {
  let gateway: RunningGateway;
  let browser: Browser;
  let ken: AgentRecord;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    for (const dist of ['packages/widget/dist/cdn/loader.js', 'apps/console/dist/index.html']) {
      if (!built(dist)) throw new Error(`${dist} is missing: run \`pnpm build\` (pnpm test does)`);
    }
    mkdirSync(SHOTS, { recursive: true });
    gateway = await startGateway(testConfig({ PARLEY_COUNTRY_HEADER: 'x-country' }));
    ken = await addAgent(gateway.app, { name: 'Ken', languages: ['ja', 'en'] });
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    if (gateway) removeDataDir(gateway.config);
  });
  const newPage = async (options: Parameters<Browser['newContext']>[0]): Promise<Page> => {
    const context = await browser.newContext(options);
    contexts.push(context);
    return context.newPage();
  };

  it('a Japanese shopper asks for a person; Ken sees it within 2 s, replies, both see typing and Seen, resolves, and it reopens', async () => {
    const agentPage = await newPage({ locale: 'en-US', timezoneId: 'Europe/Berlin', viewport: DESKTOP });
    const shopperPage = await newPage({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', viewport: DESKTOP, extraHTTPHeaders: { 'x-country': 'JP' } });
    const agentErrors = watchErrors(agentPage);
    const shopperErrors = watchErrors(shopperPage);

    // 1. Ken signs in and lands on the (empty) inbox.
    await agentPage.goto(`${gateway.url}/console/`);
    await agentPage.getByLabel('Email').fill(ken.email);
    await agentPage.getByLabel('Password').fill(AGENT_PASSWORD);
    await agentPage.getByRole('button', { name: 'Sign in' }).click();
    const inbox = agentPage.getByRole('list', { name: 'Conversations' });
    await inbox.waitFor({ state: 'attached' });
    await agentPage.getByText('Nobody is waiting').waitFor();

    // 2. The shopper opens the chat on the demo shop and asks for a person. The demo page is
    // English (`<html lang="en">` outranks the browser), so the shop sets Japanese the way a
    // shop's own script would: the documented stub, queued before loader.js arrives.
    await shopperPage.addInitScript(() => {
      const queue: unknown[][] = [];
      const stub = Object.assign((...args: unknown[]) => void queue.push(args), { q: queue });
      (window as unknown as { Parley: typeof stub }).Parley = stub;
      stub('init', { locale: 'ja-JP' });
    });
    await shopperPage.goto(`${gateway.url}/demo/`);
    await shopperPage.getByRole('button', { name: /chat|チャット/i }).click();
    const dialog = shopperPage.getByRole('dialog');
    const shopperLog = dialog.getByRole('log');
    await shopperLog.getByText('へお問い合わせいただきありがとうございます').waitFor();
    const composer = dialog.getByRole('textbox', { name: 'メッセージ' });
    await composer.fill('担当者と話したいです');
    const sentAt = Date.now();
    await composer.press('Enter');

    // 3. Within 2 s it is in Ken's inbox, with the reason.
    const row = inbox.getByRole('button').filter({ hasText: 'Asked for a person' });
    await row.waitFor({ timeout: 2_000 });
    const latencyMs = Date.now() - sentAt;
    console.log(`hand-off: shopper's Enter → row in the agent's inbox in ${latencyMs} ms`);
    expect(latencyMs).toBeLessThan(2_000);
    expect(await row.textContent()).toMatch(/ja-JP.*(Assignee: you|Unassigned)/su);
    await shopperLog.getByText('ただいま担当者におつなぎいたします', { exact: false }).waitFor();
    await agentPage.screenshot({ path: `${SHOTS}/1-agent-inbox.png` });

    // 4. Ken opens it: the shopper's words, the context, and typing reaches the shopper.
    await row.click();
    const messages = agentPage.getByRole('log', { name: 'Messages' });
    await messages.getByText('担当者と話したいです').waitFor();
    const details = agentPage.getByRole('complementary', { name: 'Details' });
    // The Language row names the locale first (the candidates list repeats the tags below it).
    const language = details.locator('dt:text-is("Language") + dd');
    await language.waitFor();
    expect(await language.locator('.code').first().textContent()).toBe('ja-JP');
    expect(await details.getByText('Asked for a person').count()).toBe(1);
    expect(await details.getByRole('link', { name: `${gateway.url}/demo/` }).count()).toBe(1);
    const reply = agentPage.getByRole('textbox', { name: 'Reply' });
    await reply.fill('こんにちは、ケンと申します。ご用件をお伺いいたします。');
    const shopperTyping = dialog.getByRole('status').filter({ hasText: 'Ken' });
    await shopperTyping.waitFor();
    expect(await shopperTyping.textContent()).toBe('Ken 入力中…');
    await dialog.screenshot({ path: `${SHOTS}/2-shopper-sees-ken-typing.png` });
    await reply.press('Enter');

    // 5. The shopper sees the reply as Ken's, the typing line goes, and "Seen" replaces "Sent".
    const agentReply = shopperLog.getByRole('listitem').filter({ hasText: 'ケンと申します' });
    await agentReply.waitFor();
    expect(await agentReply.getByText('Ken', { exact: true }).count()).toBe(1);
    await expect.poll(() => shopperTyping.count()).toBe(0);
    const ownMessage = shopperLog.getByRole('listitem').filter({ hasText: '担当者と話したいです' });
    await ownMessage.getByText('既読', { exact: true }).waitFor();
    expect(await shopperLog.getByText('送信済み').count()).toBe(0);
    await dialog.screenshot({ path: `${SHOTS}/3-shopper-widget-reply-seen.png` });
    // The widget is open and visible, so the shopper has read the reply: Ken sees "Seen".
    await messages.getByRole('listitem').filter({ hasText: 'ケンと申します' }).getByText('Seen', { exact: true }).waitFor();
    // And the other way: Ken sees the shopper typing.
    await composer.fill('ありがとうございます。注文について質問があります。');
    await agentPage.getByText('The shopper is typing…').waitFor();
    await agentPage.screenshot({ path: `${SHOTS}/4-agent-conversation.png` });

    // 6. Ken resolves; the shopper writes again and the conversation is open again.
    const status = agentPage.getByRole('group', { name: 'Status' });
    await status.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => status.getByRole('button', { name: 'Resolve' }).getAttribute('aria-pressed')).toBe('true');
    await composer.press('Enter');
    await messages.getByText('注文について質問があります').waitFor();
    await expect.poll(() => status.getByRole('button', { name: 'Open', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await status.getByRole('button', { name: 'Resolve' }).getAttribute('aria-pressed')).toBe('false');

    await agentPage.setViewportSize({ width: 768, height: 1000 });
    await agentPage.screenshot({ path: `${SHOTS}/5-agent-conversation-768.png` });
    await agentPage.getByRole('button', { name: 'Details' }).click();
    await language.waitFor();
    await agentPage.screenshot({ path: `${SHOTS}/6-agent-details-768.png` });
    expect(agentErrors).toEqual([]);
    expect(shopperErrors).toEqual([]);
  }, 60_000);
});
