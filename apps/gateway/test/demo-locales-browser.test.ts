import { describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import { useBrowserSuite } from './browser-suite.ts';


// The README's "What three shoppers see on the demo shop" table, row by row, plus the English
// page that outranks a Japanese browser. If the demo or the locale chain changes, the README
// must change with it: this test is the table.
const README_ROWS = [
  { page: '/demo/de/', browser: 'de-DE', dir: 'ltr', greeting: 'Guten Tag und willkommen bei Nordlicht Outfitters! Wie können wir Ihnen helfen?' },
  { page: '/demo/ja/', browser: 'ja-JP', dir: 'ltr', greeting: 'Nordlicht Outfittersへお問い合わせいただきありがとうございます。どのようなご用件でしょうか。お気軽にお申し付けください。' },
  { page: '/demo/world.html', browser: 'ar-SA', dir: 'rtl', greeting: 'أهلاً وسهلاً بك في Nordlicht Outfitters! كيف يمكننا خدمتك اليوم؟' },
  { page: '/demo/', browser: 'ja-JP', dir: 'ltr', greeting: 'Hi there! 👋 Welcome to Nordlicht Outfitters. How can we help you today?' },
] as const;

describe.skipIf(!hasChromium())('the demo greets each shopper as the README says (Chromium)', () => {
  const suite = useBrowserSuite();

  it.each(README_ROWS)('$page with a $browser browser', async ({ page: path, browser: locale, dir, greeting }) => {
    const context = await suite.newContext({ locale });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text());
    });
    await page.goto(`${suite.gateway.url}${path}`);
    await page.locator('#parley-widget').waitFor({ state: 'attached' });
    const launcher = page.locator('#parley-widget').getByRole('button').first();
    await launcher.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('log').getByText(greeting, { exact: true }).waitFor();
    expect(await dialog.evaluate((element) => getComputedStyle(element).direction)).toBe(dir);
    expect(violations).toEqual([]);
  });
});
