import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { createReplyTemplates } from '@parley/culture';
import { FALLBACK_STRINGS } from '../../../packages/widget/src/app/widget-store.ts';
import { removeDataDir, startGateway, testConfig } from './gateway-harness.ts';
import type { RunningGateway } from './gateway-harness.ts';
import { hasChromium, launchChromium } from './browser.ts';
import { storedCounts } from './strict-shop.ts';

const widgetBuilt = existsSync(fileURLToPath(new URL('../../../packages/widget/dist/cdn/loader.js', import.meta.url)));
/** What the widget shows in en-US: the gateway's strings over the widget's own fallbacks. */
const EN_STRINGS: Record<string, string> = { ...FALLBACK_STRINGS, ...createReplyTemplates().widgetStrings('en-US') };
const en = (key: string): string => EN_STRINGS[key] ?? key;

/** Runs `sql` (one number, `n`) on every region file the gateway wrote and sums the answers. */
function sumOverRegions(gateway: RunningGateway, sql: string): number {
  let total = 0;
  for (const file of readdirSync(gateway.config.dataDir).filter((name) => /^[a-z]+\.sqlite$/.test(name) && name !== 'directory.sqlite')) {
    const db = new DatabaseSync(join(gateway.config.dataDir, file), { readOnly: true });
    try {
      total += Number((db.prepare(sql).get() as { n: number | null }).n ?? 0);
    } finally {
      db.close();
    }
  }
  return total;
}

/**
 * A plain phone-width shop page under the demo's strict CSP, served on the gateway's origin by
 * the browser itself (the demo storefront's header is wider than a 390 px phone, which would
 * widen the layout viewport and measure the shop, not the widget).
 */
async function routePhonePage(page: Page, gatewayUrl: string): Promise<string> {
  const url = `${gatewayUrl}/phone-shop/`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'" },
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title><script async src="/widget/loader.js" data-site-key="demo"></script></head><body><h1>Shop</h1></body></html>',
    }),
  );
  return url;
}

const launcherOf = (page: Page): Locator => page.locator('#parley-widget .launcher');
const badgeOf = (page: Page): Locator => page.locator('#parley-widget .badge');
const launcherIsFocused = (page: Page) => page.evaluate(() => document.getElementById('parley-widget')?.shadowRoot?.activeElement?.className === 'launcher');

describe.skipIf(!hasChromium())('widget behaviour in a real browser (Chromium)', () => {
  let browser: Browser;
  const gateways: RunningGateway[] = [];
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    if (!widgetBuilt) throw new Error('packages/widget/dist/cdn is missing: run `pnpm build` (pnpm test does)');
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
    for (const gateway of gateways.splice(0)) {
      await gateway.stop().catch(() => {});
      removeDataDir(gateway.config);
    }
  });
  afterAll(async () => {
    await browser?.close();
  });
  const setUp = async (options: Parameters<Browser['newContext']>[0] = { locale: 'en-US' }) => {
    const gateway = await startGateway(testConfig());
    gateways.push(gateway);
    const context = await browser.newContext(options);
    contexts.push(context);
    return { gateway, context, page: await context.newPage() };
  };

  it('hovering or focusing the launcher loads the chat but creates no visitor or conversation; opening does', async () => {
    const { gateway, page } = await setUp();
    await page.goto(`${gateway.url}/demo/`);
    const chunk = page.waitForRequest(/\/widget\/chunks\/app-/);
    await launcherOf(page).hover();
    await chunk;
    await launcherOf(page).focus();
    // Long enough for a connection and its greeting, had the hover opened one.
    await page.waitForTimeout(1500);
    expect(storedCounts(gateway)).toEqual({ visitors: 0, conversations: 0 });
    expect(await page.evaluate(() => localStorage.getItem('parley:demo:visitorToken'))).toBeNull();
    expect(await badgeOf(page).isHidden()).toBe(true);

    await launcherOf(page).click();
    await page.getByRole('dialog').getByRole('log').getByText('Welcome to Nordlicht Outfitters').waitFor();
    expect(storedCounts(gateway)).toEqual({ visitors: 1, conversations: 1 });
  });

  it('counts only unseen messages: none after reading and moving on, the new reply when closed', async () => {
    const { gateway, page } = await setUp();
    await page.goto(`${gateway.url}/demo/`);
    await launcherOf(page).click();
    const log = page.getByRole('dialog').getByRole('log');
    await log.getByText('Welcome to Nordlicht Outfitters').waitFor();
    await log.getByText(/data cent/).waitFor();
    await page.keyboard.press('Escape');

    // Another page of the shop: the stored conversation loads at once, and nothing is unread.
    await page.goto(`${gateway.url}/demo/api.html`);
    await page.locator('#event-log').getByText('ready').first().waitFor();
    await page.waitForTimeout(500);
    expect(await badgeOf(page).isHidden()).toBe(true);
    expect(await launcherOf(page).getAttribute('aria-label')).not.toMatch(/Unread/);

    // A reply that arrives while the panel is closed is unread; the shopper's own message is not.
    await page.evaluate(() => (window as unknown as { Parley: (...a: unknown[]) => void }).Parley('send', 'Where is my order NL-10492?'));
    const repliesAfterOwn = () =>
      sumOverRegions(gateway, "SELECT count(*) AS n FROM messages WHERE author_kind != 'visitor' AND seq > (SELECT max(seq) FROM messages WHERE author_kind = 'visitor')");
    await expect.poll(repliesAfterOwn, { timeout: 10_000 }).toBeGreaterThan(0);
    // The badge and its label equal the replies stored after the shopper's message, however
    // many the bot sends and however late the last one lands (compared together, each poll).
    const badgeMatchesStore = async () => {
      const replies = repliesAfterOwn();
      const label = await launcherOf(page).getAttribute('aria-label');
      return (await badgeOf(page).textContent()) === String(replies) && label?.endsWith(`Unread messages: ${replies}`) === true;
    };
    await expect.poll(badgeMatchesStore, { timeout: 10_000 }).toBe(true);
    await page.waitForTimeout(1000); // the bot's last words of this turn
    await expect.poll(badgeMatchesStore, { timeout: 10_000 }).toBe(true);
    await launcherOf(page).click();
    await expect.poll(() => badgeOf(page).isHidden()).toBe(true);
    await page.keyboard.press('Escape');
    await page.reload();
    await page.locator('#event-log').getByText('ready').first().waitFor();
    await page.waitForTimeout(500);
    expect(await badgeOf(page).isHidden()).toBe(true);
  });

  it('says the device is offline when it is, and that the chat cannot be reached when the gateway is down', async () => {
    const { gateway, context, page } = await setUp();
    await page.goto(`${gateway.url}/demo/`);
    await launcherOf(page).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('log').getByText('Welcome to Nordlicht Outfitters').waitFor();
    const notice = dialog.locator('.notice.connection[role="status"]');
    expect(await notice.isHidden()).toBe(true);

    await context.setOffline(true);
    await expect.poll(() => notice.textContent()).toBe(en('offline'));
    expect(await notice.isVisible()).toBe(true);
    await context.setOffline(false);
    await expect.poll(() => notice.isHidden(), { timeout: 10_000 }).toBe(true);

    await gateway.stop();
    await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toBe(en('unreachable'));
    expect(await notice.textContent()).not.toBe(en('offline'));
  });

  it('says the chat cannot be reached when the first connection gets no answer', async () => {
    const { gateway, page } = await setUp();
    await page.goto(`${gateway.url}/demo/`);
    const chunk = page.waitForRequest(/\/widget\/chunks\/app-/);
    await launcherOf(page).hover();
    await (await chunk).response();
    await gateway.stop();
    await launcherOf(page).click();
    const notice = page.getByRole('dialog').locator('.notice.connection[role="status"]');
    await expect.poll(() => notice.textContent(), { timeout: 10_000 }).toBe(en('unreachable'));
  });

  it('closes with Escape from anywhere in the widget, the launcher included, and gives focus back to it', async () => {
    const { gateway, page } = await setUp();
    await page.goto(`${gateway.url}/demo/`);
    const dialog = page.getByRole('dialog');
    for (const focusInside of [
      () => dialog.getByRole('button', { name: en('close') }).focus(),
      () => dialog.getByRole('textbox').focus(),
      () => launcherOf(page).focus(),
    ]) {
      await launcherOf(page).click();
      await dialog.getByRole('log').getByText('Welcome to Nordlicht Outfitters').waitFor();
      await focusInside();
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      expect(await launcherIsFocused(page)).toBe(true);
    }
  });

  it('gives touch screens 44 px targets and a 16 px composer, and closes with Escape from a quick reply', async () => {
    const { gateway, page } = await setUp({ locale: 'en-US', viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await page.goto(await routePhonePage(page, gateway.url));
    const launcherBox = await launcherOf(page).boundingBox();
    expect(launcherBox?.width).toBeGreaterThanOrEqual(44);
    expect(launcherBox?.height).toBeGreaterThanOrEqual(44);
    await launcherOf(page).tap();
    const dialog = page.getByRole('dialog');
    const composer = dialog.getByRole('textbox');
    await composer.fill('Where is my order NL-10492?');
    await composer.press('Enter');
    const chips = dialog.getByRole('group', { name: en('quickReplies') }).getByRole('button');
    await chips.first().waitFor();
    await composer.fill('x'); // the send button is enabled, as a shopper sees it while typing
    const targets = [dialog.getByRole('button', { name: en('close') }), dialog.getByRole('button', { name: en('send') }), ...(await chips.all())];
    for (const target of targets) {
      const box = await target.boundingBox();
      expect(Math.min(box?.width ?? 0, box?.height ?? 0), `${await target.textContent()} is at least 44×44`).toBeGreaterThanOrEqual(44);
    }
    expect(parseFloat(await composer.evaluate((el) => getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);

    await chips.first().focus();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await launcherIsFocused(page)).toBe(true);
  });
});
