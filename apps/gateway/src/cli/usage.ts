import { ParleyError } from '@parley/protocol';

/** What `parley --help` prints, and what follows a usage error. */
export const USAGE = `Usage: pnpm parley <command> [options]

Agents (the directory: PARLEY_DATA_DIR/directory.sqlite, or parley_directory on MongoDB)
  agent add --email <email> --name <name> --role admin|supervisor|agent --languages <de,en>
            [--regions <eu,us>] [--sites <site-key,…>] [--capacity <n>] --password-stdin
      Creates an agent and prints its id. No --regions / --sites: every region / site.
      The password is read from stdin (one trailing newline is dropped):
        printf '%s\\n' "$PASSWORD" | pnpm parley agent add … --password-stdin
  agent list [--json]
  agent disable --email <email>      signs them out everywhere, refuses new sign-ins
  agent enable --email <email>
  agent reset-password --email <email> --password-stdin   (signs them out everywhere)

Workspace
  settings require-2fa on|off        every agent must set up two-factor sign-in

Reads the same environment as the gateway: PARLEY_DATA_DIR, PARLEY_MONGODB_URI,
PARLEY_MONGODB_URI_DIRECTORY.`;

/** A bad command line: reported with the usage text. */
export class UsageError extends ParleyError {
  constructor(message: string) {
    super('PARLEY_ERR_PAYLOAD_INVALID', message);
    this.name = 'UsageError';
  }
}
