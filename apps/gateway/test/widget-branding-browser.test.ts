import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from './browser.ts';
import { useBrowserSuite } from './browser-suite.ts';
import { cspViolations, routeStrictShop } from './strict-shop.ts';
import { DEMO_SITE } from '../src/sites/site.ts';

const BRANDING = {
  assistantName: { en: 'Fjord Helper', de: 'Fjord-Hilfe', ja: 'フィヨルド係' },
  avatarUrl: '/demo/favicon.svg',
  brandColor: '#FFD400', // light: near-black text is the one that passes AA
  launcher: { position: 'left', offsetX: 32, offsetY: 24 },
  typicalReplyMinutes: 10,
};

const violations = cspViolations;
const style = (page: Page, selector: string, property: string) =>
  page.locator(`#parley-widget ${selector}`).first().evaluate((el, name) => getComputedStyle(el).getPropertyValue(name), property);

describe.skipIf(!hasChromium())('widget branding in a real browser (Chromium)', () => {
  // No team hours: the reply-time line shows at any hour the test runs (it hides out of hours).
  const suite = useBrowserSuite({ sites: [{ ...DEMO_SITE, name: 'Fjord & Co', branding: BRANDING, support: undefined }] });

  it('looks like the shop under a strict CSP: colour, readable text, corner, assistant, avatar and reply time', async () => {
    const context = await suite.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(await routeStrictShop(page, suite.gateway.url, 'de'));
    await page.locator('#parley-widget .launcher').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('log').getByText('Fjord & Co', { exact: false }).first().waitFor();

    expect(await dialog.getByRole('heading', { level: 2 }).textContent()).toBe('Fjord-Hilfe');
    expect(await dialog.locator('.reply-time').textContent()).toMatch(/10 Minuten/);
    // The launcher eases into its colour (a 150 ms transition), so wait for it to settle.
    await expect.poll(() => style(page, '.launcher', 'background-color')).toBe('rgb(255, 212, 0)');
    expect(await style(page, '.launcher', 'color')).toBe('rgb(17, 17, 17)');
    expect(await style(page, '.header', 'background-color')).toBe('rgb(255, 212, 0)');
    expect(await style(page, '.header', 'color')).toBe('rgb(17, 17, 17)');
    // Bottom-left corner, at the configured offsets; the panel opens above it on that side.
    const launcher = await page.locator('#parley-widget .launcher').boundingBox();
    expect(launcher).toMatchObject({ x: 32, y: 800 - 24 - 56 });
    expect((await dialog.boundingBox())?.x).toBe(32);
    // The avatar is the shop's, in the header and beside the bot's messages, and it loaded.
    const headerAvatar = dialog.locator('.header img.avatar');
    await expect.poll(() => headerAvatar.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await dialog.locator('.message .mini-avatar').count()).toBeGreaterThan(0);
    expect(await dialog.locator('.message').first().locator('.author').textContent()).toBe('Fjord-Hilfe');
    // Nothing in the page or the widget broke the policy (constructed stylesheets only).
    expect(await violations(page)).toEqual([]);
    expect(await page.locator('#parley-widget').getAttribute('style')).toBeNull();

    // A locale change renames the assistant and says the reply time in the new language.
    await page.evaluate(() => (window as unknown as { Parley: (...a: unknown[]) => void }).Parley('setLocale', 'ja-JP'));
    await expect.poll(() => dialog.getByRole('heading', { level: 2 }).textContent()).toBe('フィヨルド係');
    expect(await dialog.locator('.reply-time').textContent()).toMatch(/10 分/);
    expect(await violations(page)).toEqual([]);
  });

  it('keeps the shop\'s launcher on the next page before any session arrives', async () => {
    const context = await suite.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const url = await routeStrictShop(page, suite.gateway.url);
    await page.goto(url);
    await page.locator('#parley-widget .launcher').click();
    await page.getByRole('dialog').getByRole('heading', { name: 'Fjord Helper' }).waitFor();
    // The next page: hold every socket back, so only the remembered branding can colour it.
    await page.routeWebSocket(/socket\.io/u, () => {});
    await page.route('**/socket.io/**', (route) => route.abort());
    await page.goto(url);
    await expect.poll(() => style(page, '.launcher', 'background-color')).toBe('rgb(255, 212, 0)');
    expect(await violations(page)).toEqual([]);
  });
});
