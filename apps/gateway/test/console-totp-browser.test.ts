import { existsSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP, generateTOTP } from '@oslojs/otp';
import { addAgent, AGENT_PASSWORD } from './agent-harness.ts';
import { hasChromium, launchChromium } from './browser.ts';
import { removeDataDir, startGateway, testConfig } from './gateway-harness.ts';
import type { RunningGateway } from './gateway-harness.ts';
import type { AgentRecord } from '../src/storage/directory/directory-store.ts';

const CONSOLE_DIST = fileURLToPath(new URL('../../console/dist/index.html', import.meta.url));
const DESKTOP = { width: 1280, height: 800 };
const STEP_MS = 30_000;

const stepNow = (): number => Math.floor(Date.now() / STEP_MS);
/** The key behind the secret the page shows grouped ("ABCD EFGH …"). */
const keyOf = (shown: string): Uint8Array => decodeBase32IgnorePadding(shown.replace(/\s/g, ''));

/** The code an authenticator app shows now, with the 30 s step it belongs to (re-read if a step boundary fell in between). */
function currentCode(key: Uint8Array): { code: string; step: number } {
  for (;;) {
    const step = stepNow();
    const code = generateTOTP(key, STEP_MS / 1000, 6);
    if (stepNow() === step) return { code, step };
  }
}

/** Six digits that are no code of this key anywhere near now (the gateway accepts ±1 step), so "wrong" cannot pass by luck. */
function wrongCode(key: Uint8Array): string {
  const near = new Set([-2, -1, 0, 1, 2].map((offset) => generateHOTP(key, BigInt(stepNow() + offset), 6)));
  let guess = 123_456;
  while (near.has(String(guess))) guess = (guess + 1) % 1_000_000;
  return String(guess).padStart(6, '0');
}

/**
 * The code for a sign-in after one already accepted in step `usedStep`. The gateway refuses a
 * code of a step it has accepted for this agent before (RFC 6238 §5.2 replay guard), so, like
 * a person looking at the app, this waits for the next code when the current one is used up.
 * Bounded: the next step starts within 30 s of the used one.
 */
async function codeAfter(key: Uint8Array, usedStep: number): Promise<string> {
  const deadline = (usedStep + 1) * STEP_MS + 1_000;
  while (stepNow() <= usedStep) {
    if (Date.now() > deadline) throw new Error(`the clock did not leave TOTP step ${usedStep}`);
    await delay(Math.max(10, (usedStep + 1) * STEP_MS - Date.now() + 10));
  }
  return currentCode(key).code;
}

/** Uncaught errors in a page: a live UI that throws has failed even if the steps pass. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** socket.io namespace answers the page receives: `40/agent,…` is "/agent connected", `44/agent,…` a refusal. */
function watchAgentSocket(page: Page): string[] {
  const answers: string[] = [];
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      if (typeof payload === 'string' && /^4[04]\/agent,/.test(payload)) answers.push(payload.slice(0, 2));
    }),
  );
  return answers;
}

describe.skipIf(!hasChromium())('two-factor sign-in through the real console (Chromium, real gateway)', () => {
  let gateway: RunningGateway;
  let browser: Browser;
  let ana: AgentRecord;
  let ben: AgentRecord;
  let adminPage: Page;
  let adminErrors: string[];
  /** Ana's key and the step of the code the gateway last accepted from her (shared by the steps below, in order). */
  let anaKey: Uint8Array | undefined;
  let anaUsedStep = -1;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    if (!existsSync(CONSOLE_DIST)) throw new Error('apps/console/dist/index.html is missing: run `pnpm build` (pnpm test does)');
    gateway = await startGateway(testConfig());
    ana = await addAgent(gateway.app, { name: 'Ana', role: 'admin' });
    ben = await addAgent(gateway.app, { name: 'Ben' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
    await browser?.close();
    await gateway?.stop();
    if (gateway) removeDataDir(gateway.config);
  });

  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ locale: 'en-US', viewport: DESKTOP });
    contexts.push(context);
    return context.newPage();
  };
  const signIn = async (page: Page, agent: AgentRecord): Promise<void> => {
    await page.goto(`${gateway.url}/console/`);
    await page.getByLabel('Email').fill(agent.email);
    await page.getByLabel('Password').fill(AGENT_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };
  const conversations = (page: Page): Locator => page.getByRole('list', { name: 'Conversations' });

  it('an admin sets up two-factor from the header: a wrong code is refused in words, the right one turns it on', async () => {
    adminPage = await newPage();
    adminErrors = watchErrors(adminPage);
    await signIn(adminPage, ana);
    await conversations(adminPage).waitFor();

    await adminPage.getByRole('button', { name: 'Two-factor: off' }).click();
    const dialog = adminPage.getByRole('dialog', { name: 'Sign-in security' });
    await dialog.getByRole('heading', { name: 'Two-factor sign-in: off' }).waitFor();
    await dialog.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const secret = dialog.getByRole('code');
    await secret.waitFor();
    const key = keyOf((await secret.textContent()) ?? '');
    anaKey = key;

    const codeField = dialog.getByLabel('The 6-digit code the app now shows');
    await codeField.fill(wrongCode(key));
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'That code did not match. Wait for the next code in your app and try again.' }).waitFor();
    expect(await dialog.getByRole('heading', { name: 'Two-factor sign-in: off' }).count()).toBe(1);

    const { code, step } = currentCode(key);
    await codeField.fill(code);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await dialog.getByText('Two-factor sign-in is now on.').waitFor();
    anaUsedStep = step;
    expect(await dialog.getByRole('heading', { name: 'Two-factor sign-in: on' }).count()).toBe(1);
    expect(await adminPage.getByRole('button', { name: 'Two-factor: on' }).count()).toBe(1);
    expect((await gateway.app.directory.getAgentByEmail(ana.email))?.totpSecret).toBeTruthy();
  });

  it('the admin makes two-factor mandatory with the switch', async () => {
    const dialog = adminPage.getByRole('dialog', { name: 'Sign-in security' });
    const mandatory = dialog.getByRole('switch', { name: 'Require two-factor sign-in for every agent' });
    expect(await mandatory.isChecked()).toBe(false);
    await mandatory.click();
    await dialog.getByRole('status').filter({ hasText: 'Two-factor sign-in is now required for every agent.' }).waitFor();
    expect(await mandatory.isChecked()).toBe(true);
    // Mandatory means the admin's own two-factor can no longer be turned off here.
    await dialog.getByText('Your workspace requires two-factor sign-in, so it stays on.').waitFor();
    expect(await dialog.getByRole('button', { name: 'Turn off two-factor sign-in' }).count()).toBe(0);
    expect((await gateway.app.directory.getSettings()).isTotpRequired).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(adminErrors).toEqual([]);
  });

  it('an agent without two-factor lands on the mandatory setup page; after a right code the console opens and /agent connects', async () => {
    const page = await newPage();
    const errors = watchErrors(page);
    const agentSocket = watchAgentSocket(page);
    await signIn(page, ben);
    await page.getByRole('heading', { name: 'Set up two-factor sign-in', level: 1 }).waitFor();
    const secret = page.getByRole('code');
    await secret.waitFor();
    expect(await conversations(page).count()).toBe(0);
    expect(agentSocket).toEqual([]);

    await page.getByLabel('The 6-digit code the app now shows').fill(currentCode(keyOf((await secret.textContent()) ?? '')).code);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await conversations(page).waitFor();
    expect(await page.getByRole('button', { name: 'Two-factor: on' }).count()).toBe(1);
    await expect.poll(() => agentSocket).toEqual(['40']);
    expect(errors).toEqual([]);
  });

  it('signing in with two-factor on asks for the code: a wrong one is refused, the right one opens the console', async () => {
    if (!anaKey) throw new Error('the admin has no two-factor key: the setup step failed');
    const page = await newPage();
    const errors = watchErrors(page);
    await signIn(page, ana);
    const codeField = page.getByLabel('Two-factor code');
    await codeField.waitFor();
    await page.getByRole('alert').filter({ hasText: 'Enter the 6-digit code from your authenticator app.' }).waitFor();

    await codeField.fill(wrongCode(anaKey));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'That code is wrong or has expired. Enter the current one.' }).waitFor();
    expect(await conversations(page).count()).toBe(0);

    await codeField.fill(await codeAfter(anaKey, anaUsedStep));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await conversations(page).waitFor();
    expect(await page.getByRole('button', { name: 'Two-factor: on' }).count()).toBe(1);
    expect(errors).toEqual([]);
  }, 45_000);
});
