import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { connectForSession, rawSocket, removeDataDir, startGateway, testConfig } from './gateway-harness.ts';
import type { RunningGateway } from './gateway-harness.ts';
import { hasChromium, launchChromium } from './browser.ts';
import { DEMO_SITE } from '../src/sites/site.ts';

const widgetBuilt = existsSync(fileURLToPath(new URL('../../../packages/widget/dist/cdn/loader.js', import.meta.url)));

/** Records what a strict page would complain about: CSP violations, uncaught errors. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return problems;
}

describe.skipIf(!hasChromium())('widget in a real browser (Chromium)', () => {
  let gateway: RunningGateway;
  let browser: Browser;
  // Contexts close after each test even when it fails, so no page keeps a socket open.
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  const newContext = async (options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> => {
    const context = await browser.newContext(options);
    contexts.push(context);
    return context;
  };
  beforeAll(async () => {
    if (!widgetBuilt) throw new Error('packages/widget/dist/cdn is missing: run `pnpm build` (pnpm test does)');
    gateway = await startGateway(testConfig());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
    if (gateway) removeDataDir(gateway.config);
  });

  it('opens from the launcher, greets, sends, and keeps the history across a reload', async () => {
    const context = await newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${gateway.url}/demo/`);

    const launcher = page.getByRole('button', { name: /chat/i });
    await launcher.click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const log = dialog.getByRole('log');
    await log.getByText('Welcome to Nordlicht Outfitters').waitFor();

    const composer = dialog.getByRole('textbox', { name: 'Your message' });
    await expect.poll(() => composer.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await composer.fill('Hello from the browser test <b>not bold</b>');
    await composer.press('Enter');
    await log.getByText('Hello from the browser test <b>not bold</b>').waitFor();
    await expect.poll(() => log.getByText('Sending…').count()).toBe(0);
    // Text stays text: the markup the shopper typed is not parsed into elements.
    expect(await log.locator('b').count()).toBe(0);

    await page.reload();
    await page.getByRole('button', { name: /chat/i }).click();
    const reloadedLog = page.getByRole('dialog').getByRole('log');
    await reloadedLog.getByText('Hello from the browser test').waitFor();
    expect(await reloadedLog.getByText('Welcome to Nordlicht Outfitters').count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('answers a German shopper about a sample order and offers quick replies that work by keyboard', async () => {
    const context = await newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${gateway.url}/demo/`);
    await page.getByRole('button', { name: /chat/i }).click();
    const dialog = page.getByRole('dialog');
    const log = dialog.getByRole('log');
    // The demo page is English; the shopper's German writing switches the conversation to German.
    await log.getByText('Welcome to Nordlicht Outfitters', { exact: false }).waitFor();
    await dialog.getByRole('textbox').fill('Wo ist meine Bestellung NL-10492?');
    await dialog.getByRole('textbox').press('Enter');
    await log.getByText(/^Ihre Bestellung NL-10492 wurde am .+ versandt/u).waitFor();

    const choices = log.getByRole('group', { name: 'Antwortvorschläge' });
    await choices.waitFor();
    expect(await choices.getByRole('button').allTextContents()).toEqual(['Ja, danke', 'Nein, eher nicht', 'Mit einer Person sprechen']);
    // Keyboard only: focus the first choice and press Enter.
    await choices.getByRole('button', { name: 'Ja, danke' }).focus();
    await page.keyboard.press('Enter');
    await log.getByText('Prima, das freut mich!', { exact: false }).waitFor();
    // The shopper's choice is shown as their message, the buttons are gone, and focus is back
    // in the composer rather than lost with the button.
    expect(await log.getByText('Ja, danke', { exact: true }).count()).toBe(1);
    expect(await log.getByRole('group').count()).toBe(0);
    const composer = dialog.getByRole('textbox');
    expect(await composer.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('does not send while an IME is composing, and closes with Escape back to the launcher', async () => {
    const context = await newContext({ locale: 'ja-JP' });
    const page = await context.newPage();
    await page.goto(`${gateway.url}/demo/`);
    await page.getByRole('button', { name: /chat/i }).click();
    const dialog = page.getByRole('dialog');
    const composer = dialog.getByRole('textbox');
    await composer.fill('注文');
    await composer.evaluate((el) =>
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, bubbles: true, cancelable: true })),
    );
    expect(await composer.inputValue()).toBe('注文');
    await composer.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    const focusedIsLauncher = await page.evaluate(
      () => document.getElementById('parley-widget')?.shadowRoot?.activeElement?.className === 'launcher',
    );
    expect(focusedIsLauncher).toBe(true);
  });

  it('follows the shopper into Arabic when they write Arabic on an English page', async () => {
    const context = await newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${gateway.url}/demo/api.html`);
    await page.getByRole('button', { name: "Parley('open')" }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('log').getByText('Welcome to Nordlicht Outfitters').waitFor();
    await dialog.getByRole('textbox').fill('مرحبا، الشحنة لم تصل حتى الآن');
    await dialog.getByRole('textbox').press('Enter');
    await expect.poll(() => dialog.getAttribute('dir')).toBe('rtl');
    await page.locator('#event-log').getByText('locale: ar-SA (message)').waitFor();
    expect(await dialog.getByRole('button', { name: 'إرسال' }).count()).toBe(1);
  });

  it('switches to right-to-left when the page sets an Arabic locale, and reports events to the page', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${gateway.url}/demo/api.html`);
    await page.getByRole('button', { name: "Parley('open')" }).click();
    await page.getByRole('dialog').getByRole('log').getByText('Welcome to Nordlicht Outfitters').waitFor();
    await page.evaluate(() => (window as unknown as { Parley: (...a: unknown[]) => void }).Parley('setLocale', 'ar'));
    await expect.poll(() => page.getByRole('dialog').getAttribute('dir')).toBe('rtl');
    expect(await page.getByRole('dialog').getAttribute('lang')).toBe('ar-SA');
    await page.getByRole('button', { name: "Parley('send', 'Where is my order?')" }).click();
    await page.locator('#event-log').getByText('from visitor: Where is my order?').waitFor();
    expect(await page.locator('#event-log').getByText('ready').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!hasChromium())('widget resilience in a real browser (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps a message typed while the gateway is down and delivers it after the restart', async () => {
    const config = testConfig();
    let gateway = await startGateway(config);
    const port = gateway.port;
    const page = await browser.newPage();
    try {
      const log = await typeWhileGatewayIsDown(page, gateway, 'Typed while you were down');

      gateway = await startGateway(config, port);
      // Socket.IO's reconnect backoff is capped at 5 s; allow a few attempts.
      await expect.poll(() => log.getByText('Sending…').count(), { timeout: 20_000 }).toBe(0);
      await log.getByText('Sent').waitFor();
      const messages = await gateway.app.regions.store('eu').listMessages(await conversationOf(page, gateway), { afterSeq: 0, limit: 10 });
      expect(messages.slice(0, 3).map((m) => m.text)).toEqual([expect.stringContaining('Welcome'), expect.stringContaining('data center'), 'Typed while you were down']);
      expect(messages.filter((m) => m.text === 'Typed while you were down')).toHaveLength(1);
    } finally {
      await page.close();
      await gateway.stop();
      removeDataDir(config);
    }
  }, 40_000);

  it('keeps a message typed offline for the next page, and stores it once', async () => {
    const config = testConfig();
    let gateway = await startGateway(config);
    const port = gateway.port;
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await typeWhileGatewayIsDown(page, gateway, 'Written offline, then I left the page');
      // The shopper leaves before the gateway is back: only what was persisted can survive.
      await page.close();

      gateway = await startGateway(config, port);
      const next = await context.newPage();
      await next.goto(`${gateway.url}/demo/`);
      await next.getByRole('button', { name: /chat/i }).click();
      await next.getByRole('dialog').getByRole('log').getByText('Sent').waitFor({ timeout: 20_000 });
      const messages = await gateway.app.regions.store('eu').listMessages(await conversationOf(next, gateway), { afterSeq: 0, limit: 10 });
      expect(messages.filter((m) => m.text === 'Written offline, then I left the page')).toHaveLength(1);
      expect(await next.evaluate(() => localStorage.getItem('parley:demo:outbox'))).toBeNull();
    } finally {
      await context.close();
      await gateway.stop();
      removeDataDir(config);
    }
  }, 40_000);

  it('opens on a click made before the chat has loaded, even while the gateway is unreachable', async () => {
    const config = testConfig();
    const gateway = await startGateway(config);
    const page = await browser.newPage();
    try {
      // No socket ever connects (so no later state change can hide a lost update), and the app
      // chunk is held back so the click lands while the loader is still fetching it.
      await page.routeWebSocket(/socket\.io/u, () => {});
      await page.route('**/socket.io/**', (route) => route.abort());
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/widget/chunks/**', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${gateway.url}/demo/`);
      await page.locator('#parley-widget').evaluate((host) => (host.shadowRoot?.querySelector('button') as HTMLButtonElement).click());
      release();
      await page.getByRole('dialog').getByRole('textbox').waitFor();
    } finally {
      await page.close();
      await gateway.stop();
      removeDataDir(config);
    }
  });

  it('says the chat is unavailable when the gateway refuses this page, instead of hanging', async () => {
    // The demo site here allows only another origin, so the handshake is refused.
    const config = testConfig();
    writeFileSync(join(config.dataDir, 'sites.json'), JSON.stringify({ sites: [{ ...DEMO_SITE, allowedOrigins: ['https://elsewhere.example'] }] }));
    const gateway = await startGateway(config);
    const page = await browser.newPage();
    const problems = watchProblems(page);
    try {
      await page.goto(`${gateway.url}/demo/`);
      await page.getByRole('button', { name: /chat/i }).click();
      await page.getByRole('dialog').getByRole('alert').getByText('Chat is unavailable right now').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await page.close();
      await gateway.stop();
      removeDataDir(config);
    }
  });

  it('shows an unread badge before opening, marks refused sends as failed with retry, and never throws into the page', async () => {
    const config = testConfig();
    const gateway = await startGateway(config);
    const page = await browser.newPage();
    const problems = watchProblems(page);
    try {
      await page.goto(`${gateway.url}/demo/api.html`);
      // A send connects the chat (hovering alone no longer does); the greeting and privacy notice
      // arrive while the panel is closed, and the refused message is never stored.
      await page.evaluate(() => {
        const parley = (window as unknown as { Parley: (...a: unknown[]) => unknown }).Parley;
        parley('no-such-command');
        parley('on', 'message', 'not a function');
        parley('send', 'x'.repeat(4001));
      });
      await page.getByRole('button', { name: /Unread messages: 2/ }).waitFor();
      await page.locator('#event-log').getByText('unread: 2').waitFor();
      await page.getByRole('button', { name: /chat/i }).click();
      const log = page.getByRole('dialog').getByRole('log');
      await log.getByText('Not sent').waitFor();
      await log.getByRole('button', { name: 'Retry' }).waitFor();
      await page.locator('#event-log').getByText('error: PARLEY_ERR_MESSAGE_TOO_LONG').waitFor();
      // The page's own console.error lines from the widget are expected; uncaught errors are not.
      expect(problems.filter((p) => !p.startsWith('console: [Parley]'))).toEqual([]);
    } finally {
      await page.close();
      await gateway.stop();
      removeDataDir(config);
    }
  });
});

/**
 * Opens the demo chat, waits for the greeting, stops the gateway, and sends `text` while it is
 * down; returns the conversation log, with the message showing "Sending…".
 */
async function typeWhileGatewayIsDown(page: Page, gateway: RunningGateway, text: string): Promise<Locator> {
  await page.goto(`${gateway.url}/demo/`);
  await page.getByRole('button', { name: /chat/i }).click();
  const log = page.getByRole('dialog').getByRole('log');
  await log.getByText('Welcome to Nordlicht Outfitters').waitFor();
  await gateway.stop();
  // Online, but the gateway is gone: the widget says it can't be reached (not "you are offline").
  await page.getByRole('dialog').getByRole('status').getByText(/can.t be reached/i).waitFor();
  const composer = page.getByRole('dialog').getByRole('textbox');
  await composer.fill(text);
  await composer.press('Enter');
  await log.getByText('Sending…').waitFor();
  return log;
}

/** The conversation id the page's stored visitor token belongs to, via a fresh socket session. */
async function conversationOf(page: Page, gateway: RunningGateway): Promise<string> {
  const token = await page.evaluate(() => localStorage.getItem('parley:demo:visitorToken'));
  const socket = rawSocket(gateway.url, { visitorToken: token });
  const session = await connectForSession(socket);
  socket.disconnect();
  return session.conversationId;
}
