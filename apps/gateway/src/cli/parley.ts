/**
 * The `parley` admin CLI (`pnpm parley …`): agents and workspace settings in the directory,
 * without a browser, so a fresh install can create its first admin. See docs/agents.md.
 */
import { readPassword } from './read-password.ts';
import { runCli } from './run-cli.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readPassword: () => readPassword(process.stdin, (prompt) => process.stderr.write(prompt)),
});
