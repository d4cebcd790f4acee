import type { AgentRecord } from '../storage/directory/directory-store.ts';

/** What `agent list --json` prints per agent: everything but the secrets. */
export interface AgentSummary {
  id: string;
  email: string;
  name: string;
  role: AgentRecord['role'];
  languages: string[];
  /** Null: every region. */
  regions: AgentRecord['regions'];
  /** Null: every site. */
  sites: string[] | null;
  capacity: number;
  isTotpEnabled: boolean;
  isDisabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** An agent without its password hash or two-factor secrets. */
export function summaryOf(agent: AgentRecord): AgentSummary {
  return {
    id: agent.id,
    email: agent.email,
    name: agent.name,
    role: agent.role,
    languages: agent.languages,
    regions: agent.regions,
    sites: agent.sites,
    capacity: agent.capacity,
    isTotpEnabled: agent.totpSecret !== undefined,
    isDisabled: agent.isDisabled,
    createdAt: agent.createdAt,
    updatedAt: agent.updatedAt,
  };
}

const HEADERS = ['ID', 'EMAIL', 'NAME', 'ROLE', 'LANGUAGES', 'REGIONS', 'SITES', 'CAPACITY', '2FA', 'DISABLED'];

/** The agents as a plain-text table with padded columns; "all" for null regions or sites. */
export function agentTable(agents: AgentRecord[]): string {
  if (agents.length === 0) return 'No agents yet. Create the first admin with: pnpm parley agent add --role admin …';
  const rows = agents.map((agent) => [
    agent.id,
    agent.email,
    agent.name,
    agent.role,
    agent.languages.join(','),
    agent.regions?.join(',') ?? 'all',
    agent.sites?.join(',') ?? 'all',
    String(agent.capacity),
    agent.totpSecret !== undefined ? 'on' : 'off',
    agent.isDisabled ? 'yes' : 'no',
  ]);
  const widths = HEADERS.map((header, column) => Math.max(header.length, ...rows.map((row) => [...(row[column] ?? '')].length)));
  const line = (cells: string[]): string =>
    cells.map((cell, column) => cell + ' '.repeat((widths[column] ?? 0) - [...cell].length)).join('  ').trimEnd();
  return [line(HEADERS), ...rows.map(line)].join('\n');
}
