import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { OUTBOX_MAX_MESSAGES } from '@parley/client';
import { createReplyTemplates } from '@parley/culture';
import type { SupportedLocale } from '@parley/culture';
import { FALLBACK_STRINGS } from '../../../packages/widget/src/app/widget-store.ts';
import { hasChromium } from './browser.ts';
import { useBrowserSuite } from './browser-suite.ts';
import { STRICT_CSP } from './strict-shop.ts';

const SHOTS = '/tmp/shots-outbox';
const PHONE = { width: 390, height: 844 };
const OUTBOX_KEY = 'parley:demo:outbox';
const templates = createReplyTemplates();

/** A phone-width shop page under a strict CSP whose loader forces `locale`. */
async function routeShop(page: Page, gatewayUrl: string, locale: string): Promise<string> {
  const url = `${gatewayUrl}/outbox-shop/`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'Content-Security-Policy': STRICT_CSP },
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Shop</title><script async src="/widget/loader.js" data-site-key="demo" data-locale="${locale}"></script></head><body><h1>Shop</h1></body></html>`,
    }),
  );
  return url;
}

/** Queues `count` messages through the page API, as a shop's script (or a shopper) could. */
const sendMany = (page: Page, count: number, label: string) =>
  page.evaluate(
    ({ count, label }) => {
      const parley = (window as unknown as { Parley: (...args: unknown[]) => void }).Parley;
      for (let i = 1; i <= count; i += 1) parley('send', `${label} ${i}`);
    },
    { count, label },
  );

const storedOutbox = (page: Page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]') as { text: string }[], OUTBOX_KEY);
const composerOf = (dialog: Locator) => dialog.getByRole('textbox');

describe.skipIf(!hasChromium())('a full outbox in a real browser (Chromium)', () => {
  const suite = useBrowserSuite();

  for (const [locale, label, typed] of [
    ['de-DE', 'Nachricht', 'Und wann kommt meine Bestellung?'],
    ['ar-SA', 'رسالة', 'ومتى يصل طلبي؟'],
  ] as const) {
    it(`${locale}: refuses the send past the limit politely, keeps the typed text, and drops nothing`, async () => {
      const outboxFull = templates.widgetStrings(locale as SupportedLocale)['outboxFull'];
      expect(outboxFull).toBeTruthy();
      expect(outboxFull).not.toBe(FALLBACK_STRINGS['outboxFull']);
      const context = await suite.newContext({ locale, viewport: PHONE });
      const page = await context.newPage();
      await page.goto(await routeShop(page, suite.gateway.url, locale));
      await page.locator('#parley-widget .launcher').click();
      const dialog = page.getByRole('dialog');
      // The greeting means the session (and this locale's strings) has arrived.
      await dialog.locator('.message').first().waitFor();
      const full = dialog.locator('.notice.outbox[role="status"]').filter({ hasText: outboxFull! });
      expect(await full.count()).toBe(0);

      await context.setOffline(true);
      await sendMany(page, OUTBOX_MAX_MESSAGES, label);
      await expect.poll(() => dialog.locator('.message.own.sending').count()).toBe(OUTBOX_MAX_MESSAGES);
      await composerOf(dialog).fill(typed);
      await composerOf(dialog).press('Enter');

      await full.waitFor();
      expect(await full.isVisible()).toBe(true);
      expect(await composerOf(dialog).inputValue()).toBe(typed);
      expect(await dialog.locator('.message.own.sending').count()).toBe(OUTBOX_MAX_MESSAGES);
      expect(await dialog.getByText(typed, { exact: true }).count()).toBe(0);
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: `${SHOTS}/outbox-full-${locale}-390.png` });

      // Every queued message is kept for the next page, the oldest included; the refused one is not.
      const stored = await storedOutbox(page);
      expect(stored).toHaveLength(OUTBOX_MAX_MESSAGES);
      expect(stored[0]?.text).toBe(`${label} 1`);
      expect(stored.at(-1)?.text).toBe(`${label} ${OUTBOX_MAX_MESSAGES}`);

      // The next page (the gateway still unreachable from it) resends all of them and still
      // refuses more: nothing was evicted to make room.
      await page.routeWebSocket(/socket\.io/u, () => {});
      await page.route('**/socket.io/**', (route) => route.abort());
      await context.setOffline(false);
      await page.reload();
      await page.locator('#parley-widget .launcher').click();
      const next = page.getByRole('dialog');
      await expect.poll(() => next.locator('.message.own.sending').count()).toBe(OUTBOX_MAX_MESSAGES);
      expect((await next.locator('.message.own.sending .text').first().textContent())).toBe(`${label} 1`);
      await composerOf(next).fill(typed);
      await composerOf(next).press('Enter');
      // No session on this page: the widget's own (English) fallback says it.
      await next.locator('.notice.outbox[role="status"]').filter({ hasText: FALLBACK_STRINGS['outboxFull']! }).waitFor();
      expect(await composerOf(next).inputValue()).toBe(typed);
      expect(await storedOutbox(page)).toHaveLength(OUTBOX_MAX_MESSAGES);
    }, 60_000);
  }
});
