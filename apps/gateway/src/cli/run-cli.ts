import { ParleyError } from '@parley/protocol';
import { ConfigError, loadConfig } from '../config.ts';
import { openDirectory } from '../storage/directory/open-directory.ts';
import { addAgent, listAgents, resetPassword, setAgentDisabled } from './agent-commands.ts';
import type { CliContext } from './cli-context.ts';
import { requireTwoFactor } from './settings-commands.ts';
import { USAGE, UsageError } from './usage.ts';

/** Where the CLI reads and writes: the process's own streams, or a test's. */
export interface CliIo {
  env: Record<string, string | undefined>;
  out(text: string): void;
  err(text: string): void;
  readPassword(): Promise<string>;
}

type Command = (args: string[], context: CliContext) => Promise<void>;

const COMMANDS: Record<string, Command> = {
  'agent add': addAgent,
  'agent list': listAgents,
  'agent disable': (args, context) => setAgentDisabled(args, context, true),
  'agent enable': (args, context) => setAgentDisabled(args, context, false),
  'agent reset-password': resetPassword,
  'settings require-2fa': requireTwoFactor,
};

/** EX_CONFIG, as the gateway exits on a bad environment. */
const EXIT_CONFIG = 78;

/**
 * Runs one `parley …` command; resolves to the exit code. Every failure is one line on stderr
 * naming its catalogue code (a usage error adds the usage text), never a stack trace.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [group, verb, ...args] = argv;
  if (group === undefined || group === '--help' || group === '-h' || group === 'help') {
    (group === undefined ? io.err : io.out)(USAGE);
    return group === undefined ? 1 : 0;
  }
  const command = COMMANDS[`${group} ${verb ?? ''}`];
  try {
    if (!command) throw new UsageError(`Unknown command: ${[group, verb].filter(Boolean).join(' ')}`);
    const context: CliContext = {
      // The environment is read only when a command needs the directory, exactly as the gateway reads it.
      openDirectory: () => openDirectory(loadConfig(io.env).directory),
      out: io.out,
      readPassword: io.readPassword,
    };
    await command(args, context);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`parley: ${error.code}: ${error.message}\n\n${USAGE}`);
      return 1;
    }
    if (error instanceof ParleyError) {
      io.err(`parley: ${error.code}: ${error.message}`);
      return 1;
    }
    if (error instanceof ConfigError) {
      io.err(`parley: ${error.message}`);
      return EXIT_CONFIG;
    }
    const cause = (error as Error).cause;
    const code = cause instanceof ParleyError ? cause.code : 'PARLEY_ERR_INTERNAL_ERROR';
    io.err(`parley: ${code}: ${(error as Error).message}`);
    return 1;
  }
}
