import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { useGateway } from './gateway-harness.ts';

const run = promisify(execFile);
const example = fileURLToPath(new URL('../../../examples/headless-client.ts', import.meta.url));
const gateway = useGateway();

// The README sends developers to this file until @parley/client is published: it must work
// exactly as written, from a plain `node` outside vitest.
it('the headless-client example connects, sends, and prints the bot’s answer', async () => {
  const { stdout } = await run(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', example, 'Wo ist meine Bestellung NL-10492?'], {
    env: { ...process.env, PARLEY_URL: gateway.url },
    timeout: 30_000,
  });
  expect(stdout).toMatch(/^connected: conversation \S+, locale de-DE \(navigator\), region eu/mu);
  expect(stdout).toMatch(/visitor: Wo ist meine Bestellung NL-10492\?/u);
  expect(stdout).toMatch(/bot: Ihre Bestellung NL-10492 wurde am .+ versandt/u);
}, 40_000);
