import type { AgentProfile, AgentRole } from '@parley/protocol';
import type { AgentRecord } from '../../storage/directory/directory-store.ts';

/** Whether a role may reveal masked personal data when the agent has no explicit setting. */
export function roleRevealsPersonalData(role: AgentRole): boolean {
  return role === 'admin' || role === 'supervisor';
}

/**
 * The agent as the console and other agents see them: no password hash, no TOTP secrets, no
 * flags that only the server needs. `canRevealPersonalData` falls back to the role's default.
 */
export function toAgentProfile(agent: AgentRecord): AgentProfile {
  const profile: AgentProfile = {
    agentId: agent.id,
    email: agent.email,
    name: agent.name,
    role: agent.role,
    languages: [...agent.languages],
    sites: agent.sites === null ? null : [...agent.sites],
    regions: agent.regions === null ? null : [...agent.regions],
    capacity: agent.capacity,
    canRevealPersonalData: agent.canRevealPersonalData ?? roleRevealsPersonalData(agent.role),
  };
  if (agent.uiLocale !== undefined) profile.uiLocale = agent.uiLocale;
  if (agent.timeZone !== undefined) profile.timeZone = agent.timeZone;
  return profile;
}
