import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { removeDataDir, startGateway, testConfig } from './gateway-harness.ts';
import type { RunningGateway } from './gateway-harness.ts';
import { hasChromium, launchChromium } from './browser.ts';

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
    const context = await browser.newContext({ locale: 'en-US' });
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
    await context.close();
  });

  it('does not send while an IME is composing, and closes with Escape back to the launcher', async () => {
    const context = await browser.newContext({ locale: 'ja-JP' });
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
    await context.close();
  });

  it('switches to right-to-left when the page sets an Arabic locale, and reports events to the page', async () => {
    const context = await browser.newContext();
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
    await context.close();
  });
});
