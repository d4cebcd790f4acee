import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Page } from 'playwright-core';
import type { RunningGateway } from './gateway-harness.ts';

/** The demo's strict CSP, as a shop that allows only itself would set it. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; object-src 'none'";

/**
 * A shop page under a strict CSP on the gateway's origin, served by the browser itself, with a
 * same-origin script that records every CSP violation (inline scripts are not allowed here).
 * Returns its URL; read the violations with `cspViolations(page)`.
 */
export async function routeStrictShop(page: Page, gatewayUrl: string, lang = 'en'): Promise<string> {
  await page.route(`${gatewayUrl}/strict-shop/watch.js`, (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: "window.cspViolations=[];document.addEventListener('securitypolicyviolation',(e)=>window.cspViolations.push(e.violatedDirective+' '+e.blockedURI));",
    }),
  );
  await page.route(`${gatewayUrl}/strict-shop/`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'Content-Security-Policy': STRICT_CSP },
      body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Fjord</title><script src="/strict-shop/watch.js"></script><script async src="/widget/loader.js" data-site-key="demo"></script></head><body><h1>Fjord &amp; Co</h1></body></html>`,
    }),
  );
  return `${gatewayUrl}/strict-shop/`;
}

/** The CSP violations the strict shop page recorded so far. */
export const cspViolations = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

/** Visitors and conversations in every region file the gateway wrote, read from SQLite itself. */
export function storedCounts(gateway: RunningGateway): { visitors: number; conversations: number } {
  const counts = { visitors: 0, conversations: 0 };
  for (const file of readdirSync(gateway.config.dataDir).filter((name) => /^[a-z]+\.sqlite$/.test(name) && name !== 'directory.sqlite')) {
    const db = new DatabaseSync(join(gateway.config.dataDir, file), { readOnly: true });
    try {
      for (const table of ['visitors', 'conversations'] as const) counts[table] += Number((db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
    } finally {
      db.close();
    }
  }
  return counts;
}
