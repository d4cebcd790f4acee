import { beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { addAgent, AGENT_PASSWORD } from './agent-harness.ts';
import { hasChromium } from './browser.ts';
import { useBrowserSuite } from './browser-suite.ts';
import type { AgentRecord } from '../src/storage/directory/directory-store.ts';

const DISGUISED = 'abc\u202Efdp.exe\u202C';
const DESKTOP = { width: 1280, height: 800 };

/**
 * The characters of an element's text in the order they appear on screen, left to right (one
 * line): what a reader sees, which the DOM's logical order alone does not tell.
 */
const onScreen = (locator: Locator): Promise<string> =>
  locator.evaluate((element) => {
    const glyphs: { x: number; char: string }[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i += 1) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        if (box.width > 0) glyphs.push({ x: box.left, char: text[i]! });
      }
    }
    return glyphs.sort((a, b) => a.x - b.x).map((glyph) => glyph.char).join('');
  });

describe.skipIf(!hasChromium())('bidi override characters cannot disguise text (widget and console, Chromium)', () => {
  const suite = useBrowserSuite({ withConsole: true });
  let agent: AgentRecord;
  beforeAll(async () => {
    // An agent whose own name tries the same trick.
    agent = await addAgent(suite.gateway.app, { name: 'Ana\u202Eoknat', languages: ['en'] });
  });
  const newPage = async (options: Parameters<Browser['newContext']>[0]): Promise<Page> => (await suite.newContext(options)).newPage();

  it('shows "abc‮fdp.exe‬" as abcfdp.exe in the widget, the inbox and the conversation, and the agent’s name as typed', async () => {
    const shopper = await newPage({ locale: 'en-US', viewport: DESKTOP });
    await shopper.goto(`${suite.gateway.url}/demo/`);
    await shopper.getByRole('button', { name: /chat/i }).click();
    const dialog = shopper.getByRole('dialog');
    const log = dialog.getByRole('log');
    await log.getByText('Welcome to Nordlicht Outfitters').waitFor();
    const composer = dialog.getByRole('textbox', { name: 'Your message' });
    await composer.fill('I want to talk to a person');
    await composer.press('Enter');
    await composer.fill(DISGUISED);
    await composer.press('Enter');

    // The widget: both while sending and once stored, the text reads in typed order.
    const own = log.locator('.message.own .text').filter({ hasText: 'fdp.exe' });
    await own.first().waitFor();
    await log.getByText('Sent').waitFor();
    expect(await own.count()).toBe(1);
    expect(await own.textContent()).toBe('abcfdp.exe');
    expect(await own.getAttribute('dir')).toBe('auto');
    expect(await onScreen(own)).toBe('abcfdp.exe');
    expect(await dialog.evaluate((element) => element.textContent?.includes('\u202E'))).toBe(false);

    // The console: the inbox preview and the conversation.
    const console = await newPage({ locale: 'en-US', viewport: DESKTOP });
    await console.goto(`${suite.gateway.url}/console/`);
    await console.getByLabel('Email').fill(agent.email);
    await console.getByLabel('Password').fill(AGENT_PASSWORD);
    await console.getByRole('button', { name: 'Sign in' }).click();
    const row = console.getByRole('list', { name: 'Conversations' }).getByRole('button').filter({ hasText: 'fdp.exe' });
    await row.waitFor({ timeout: 10_000 });
    const preview = row.locator('.row-text');
    expect(await preview.textContent()).toContain('abcfdp.exe');
    expect(await onScreen(preview)).toContain('abcfdp.exe');
    expect(await row.evaluate((element) => element.textContent?.includes('\u202E'))).toBe(false);

    await row.click();
    const messages = console.getByRole('log', { name: 'Messages' });
    const text = messages.locator('.text').filter({ hasText: 'fdp.exe' });
    await text.waitFor();
    expect(await text.textContent()).toBe('abcfdp.exe');
    expect(await onScreen(text)).toBe('abcfdp.exe');

    // The agent replies; the shopper sees the agent's name as typed, not reversed.
    const reply = console.getByRole('textbox', { name: 'Reply' });
    await reply.fill('Please do not open that file.');
    await reply.press('Enter');
    const agentMessage = log.getByRole('listitem').filter({ hasText: 'Please do not open that file.' });
    await agentMessage.waitFor();
    const author = agentMessage.locator('.author');
    expect(await author.textContent()).toBe('Anaoknat');
    expect(await onScreen(author)).toBe('Anaoknat');
    expect(await console.locator('body').evaluate((element) => element.textContent?.includes('\u202E'))).toBe(false);
  }, 60_000);
});
