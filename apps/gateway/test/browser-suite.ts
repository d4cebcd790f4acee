import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { removeDataDir, startGateway, testConfig } from './gateway-harness.ts';
import type { RunningGateway } from './gateway-harness.ts';
import { launchChromium } from './browser.ts';

const isBuilt = (path: string) => existsSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)));

/** What a browser suite gets: its gateway, and fresh browser contexts closed after each test. */
export interface BrowserSuite {
  readonly gateway: RunningGateway;
  newContext(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
}

/**
 * Registers the lifecycle every widget browser suite needs, inside its `describe`: a gateway
 * (with a `sites.json` of its own when `sites` is given) and Chromium before all tests, every
 * context closed after each test even when it fails, everything stopped and removed at the end.
 * `withConsole` also requires the agents' console to be built; `env` adds gateway variables,
 * read when the suite starts (after the describe's own earlier `beforeAll`s, e.g. a look-alike).
 */
export function useBrowserSuite(options: { sites?: readonly object[]; withConsole?: boolean; env?: () => Record<string, string> } = {}): BrowserSuite {
  let gateway: RunningGateway | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    const dists = ['packages/widget/dist/cdn/loader.js', ...(options.withConsole ? ['apps/console/dist/index.html'] : [])];
    for (const dist of dists) if (!isBuilt(dist)) throw new Error(`${dist} is missing: run \`pnpm build\` (pnpm test does)`);
    const config = testConfig(options.env?.() ?? {});
    if (options.sites) writeFileSync(join(config.dataDir, 'sites.json'), JSON.stringify({ sites: options.sites }));
    gateway = await startGateway(config);
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
  return {
    get gateway() {
      if (!gateway) throw new Error('the browser suite has not started yet');
      return gateway;
    },
    async newContext(contextOptions = {}) {
      if (!browser) throw new Error('the browser suite has not started yet');
      const context = await browser.newContext(contextOptions);
      contexts.push(context);
      return context;
    },
  };
}
