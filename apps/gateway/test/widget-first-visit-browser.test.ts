import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium } from './browser.ts';
import { useBrowserSuite } from './browser-suite.ts';
import { cspViolations, routeStrictShop, storedCounts } from './strict-shop.ts';
import { DEMO_SITE } from '../src/sites/site.ts';

const BRANDING = { brandColor: '#0F766E', launcher: { position: 'left', offsetX: 32, offsetY: 24 } };
const VIEWPORT = { width: 1280, height: 800 };

const violations = cspViolations;
const launcherStyle = (page: Page, property: string, pseudo?: string) =>
  page.locator('#parley-widget .launcher').evaluate((el, [name, which]) => getComputedStyle(el, which).getPropertyValue(name!), [property, pseudo ?? null] as const);

describe.skipIf(!hasChromium())('the launcher on a first visit (Chromium)', () => {
  const suite = useBrowserSuite({ sites: [{ ...DEMO_SITE, name: 'Fjord & Co', branding: BRANDING }] });
  const freshPage = async (): Promise<{ page: Page; requested: string[]; problems: string[] }> => {
    const context = await suite.newContext({ locale: 'en-US', viewport: VIEWPORT });
    const page = await context.newPage();
    const requested: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    page.on('pageerror', (error) => problems.push(`pageerror ${error.message}`));
    page.on('console', (message) => {
      if (message.text().includes('[Parley]')) problems.push(`${message.type()} ${message.text()}`);
    });
    return { page, requested, problems };
  };

  it('is the shop\'s colour in the shop\'s corner before the chat is loaded, with nothing stored', async () => {
    const { page, requested, problems } = await freshPage();
    await page.goto(await routeStrictShop(page, suite.gateway.url));
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    // The launcher eases into its colour (a 150 ms transition), so wait for it to settle.
    await expect.poll(() => launcherStyle(page, 'background-color')).toBe('rgb(15, 118, 110)');
    expect(await launcherStyle(page, 'color')).toBe('rgb(255, 255, 255)');
    // The icon is drawn in the text colour.
    expect(await launcherStyle(page, 'border-top-color', '::before')).toBe('rgb(255, 255, 255)');
    await expect.poll(() => page.locator('#parley-widget .launcher').boundingBox()).toMatchObject({ x: 32, y: VIEWPORT.height - 24 - 56 });
    // Only the loader did it: no app chunk, no socket, and nothing written to the shopper's device.
    expect(requested).toContain('/widget/sites/demo/branding.json');
    expect(requested.filter((path) => path.includes('/chunks/') || path.includes('socket.io'))).toEqual([]);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(await violations(page)).toEqual([]);
    expect(await page.locator('#parley-widget').getAttribute('style')).toBeNull();
    expect(problems).toEqual([]);
    expect(storedCounts(suite.gateway)).toEqual({ visitors: 0, conversations: 0 });

    // Hovering loads the chat's code but still creates nobody; the launcher stays the shop's.
    await page.locator('#parley-widget .launcher').hover();
    await expect.poll(() => requested.some((path) => path.includes('/chunks/app-'))).toBe(true);
    await page.waitForTimeout(1000);
    expect(storedCounts(suite.gateway)).toEqual({ visitors: 0, conversations: 0 });
    expect(await page.locator('#parley-widget .launcher').boundingBox()).toMatchObject({ x: 32 });
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('keeps the built-in look, quietly, when the branding cannot be fetched', async () => {
    const { page, requested, problems } = await freshPage();
    await page.route('**/widget/sites/*/branding.json', (route) => route.abort());
    await page.goto(await routeStrictShop(page, suite.gateway.url));
    await expect.poll(() => requested.includes('/widget/sites/demo/branding.json')).toBe(true);
    await page.waitForTimeout(300);
    expect(await launcherStyle(page, 'background-color')).toBe('rgb(37, 99, 235)');
    const box = await page.locator('#parley-widget .launcher').boundingBox();
    expect(box).toMatchObject({ x: VIEWPORT.width - 20 - 56, y: VIEWPORT.height - 20 - 56 });
    expect(problems).toEqual([]);
    expect(await violations(page)).toEqual([]);
  });
});
