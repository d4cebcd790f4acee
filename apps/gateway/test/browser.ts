import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

/** Debian's Chromium; tests never download a browser. */
export const CHROMIUM_PATH = process.env['PARLEY_CHROMIUM'] ?? '/usr/bin/chromium';

/**
 * Whether browser tests can run here. Under CI they must: a missing Chromium fails the run.
 * Elsewhere they skip with one line naming the missing binary.
 */
export function hasChromium(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env['CI']) throw new Error(`Browser tests must run in CI but ${CHROMIUM_PATH} is missing (apt-get install chromium)`);
  console.warn(`Skipping browser tests: ${CHROMIUM_PATH} not found (apt-get install chromium, or set PARLEY_CHROMIUM)`);
  return false;
}

/** Launches headless Chromium with the flags this machine's closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
