import { randomUUID } from 'node:crypto';
import { ParleyError } from '@parley/protocol';
import { assertStrongPassword, hashPassword } from '../features/accounts/passwords.ts';
import type { AgentRecord, DirectoryStore } from '../storage/directory/directory-store.ts';
import { capacityFrom, emailFrom, languagesFrom, nameFrom, regionsFrom, roleFrom, sitesFrom } from './agent-input.ts';
import { agentTable, summaryOf } from './agent-table.ts';
import { flagsOf, withDirectory } from './cli-context.ts';
import type { CliContext } from './cli-context.ts';
import { UsageError } from './usage.ts';

const text = (value: string | boolean | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

/** `agent add …`: validates everything before touching the directory; prints the new id. */
export async function addAgent(args: string[], context: CliContext): Promise<void> {
  const flags = flagsOf(args, {
    email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, languages: { type: 'string' },
    regions: { type: 'string' }, sites: { type: 'string' }, capacity: { type: 'string' }, 'password-stdin': { type: 'boolean' },
  });
  const email = emailFrom(text(flags.email));
  const name = nameFrom(text(flags.name));
  const role = roleFrom(text(flags.role));
  const languages = languagesFrom(text(flags.languages));
  const regions = regionsFrom(text(flags.regions));
  const sites = sitesFrom(text(flags.sites));
  const capacity = capacityFrom(text(flags.capacity));
  const password = await passwordFrom(flags['password-stdin'], email, context);
  const now = new Date().toISOString();
  const agent: AgentRecord = {
    id: `a_${randomUUID()}`, email, name, role, languages, sites, regions, capacity,
    passwordHash: await hashPassword(password), isDisabled: false, createdAt: now, updatedAt: now,
  };
  await withDirectory(context, (directory) => directory.createAgent(agent));
  context.out(agent.id);
}

/** `agent list [--json]`: oldest first, never a secret. */
export async function listAgents(args: string[], context: CliContext): Promise<void> {
  const flags = flagsOf(args, { json: { type: 'boolean' } });
  const agents = await withDirectory(context, (directory) => directory.listAgents());
  context.out(flags.json ? JSON.stringify(agents.map(summaryOf), null, 2) : agentTable(agents));
}

/** `agent disable|enable --email …`: disabling also ends every session they have. */
export async function setAgentDisabled(args: string[], context: CliContext, isDisabled: boolean): Promise<void> {
  const email = emailFrom(text(flagsOf(args, { email: { type: 'string' } }).email));
  await withDirectory(context, async (directory) => {
    const agent = await agentByEmail(directory, email);
    const now = new Date().toISOString();
    await directory.updateAgent(agent.id, { isDisabled, updatedAt: now });
    if (isDisabled) await revokeEverything(directory, agent.id, now);
    context.out(isDisabled ? `Disabled ${agent.email} (${agent.id}); their sessions and API tokens are revoked.` : `Enabled ${agent.email} (${agent.id}).`);
  });
}

/** `agent reset-password --email … --password-stdin`: ends every session they have. */
export async function resetPassword(args: string[], context: CliContext): Promise<void> {
  const flags = flagsOf(args, { email: { type: 'string' }, 'password-stdin': { type: 'boolean' } });
  const email = emailFrom(text(flags.email));
  if (flags['password-stdin'] !== true) throw missingPasswordStdin();
  await withDirectory(context, async (directory) => {
    // The agent is looked up before stdin is read, so a typo'd email fails before any typing.
    const agent = await agentByEmail(directory, email);
    const password = await passwordFrom(true, agent.email, context);
    const now = new Date().toISOString();
    await directory.updateAgent(agent.id, { passwordHash: await hashPassword(password), updatedAt: now });
    // A reset usually follows a leak: tokens made with the old password go too.
    await revokeEverything(directory, agent.id, now);
    context.out(`Password reset for ${agent.email} (${agent.id}); their sessions and API tokens are revoked.`);
  });
}

async function agentByEmail(directory: DirectoryStore, email: string): Promise<AgentRecord> {
  const agent = await directory.getAgentByEmail(email);
  if (!agent) throw new ParleyError('PARLEY_ERR_AGENT_NOT_FOUND', `No agent with the email ${email.toLowerCase()}.`);
  return agent;
}

async function passwordFrom(isOnStdin: string | boolean | undefined, email: string, context: CliContext): Promise<string> {
  if (isOnStdin !== true) throw missingPasswordStdin();
  const password = await context.readPassword();
  assertStrongPassword(password, email);
  return password;
}

function missingPasswordStdin(): UsageError {
  // Never a --password flag: it would sit in the shell history and in `ps` for every user to read.
  return new UsageError('--password-stdin is required: pipe the password in, e.g. printf \'%s\\n\' "$PASSWORD" | pnpm parley …');
}

/** Ends every session and revokes every API token of an agent (a disable or a password reset). */
async function revokeEverything(directory: DirectoryStore, agentId: string, at: string): Promise<void> {
  await directory.revokeSessionsOf(agentId, at);
  for (const token of await directory.listApiTokens(agentId)) {
    if (!token.revokedAt) await directory.revokeApiToken(token.id, at);
  }
}
