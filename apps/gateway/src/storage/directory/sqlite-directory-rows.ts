import type { SQLInputValue, SQLOutputValue } from 'node:sqlite';
import type { AgentRole, ApiTokenScope, Region } from '@parley/protocol';
import type { AgentRecord, ApiTokenRecord, SessionRecord } from './directory-store.ts';

type Row = Record<string, SQLOutputValue>;

/** The agents columns in insert order; `agentValues` yields the values in the same order. */
export const AGENT_COLUMNS = [
  'id', 'email', 'name', 'role', 'languages', 'sites', 'regions', 'capacity', 'password_hash', 'totp_secret',
  'pending_totp_secret', 'is_disabled', 'ui_locale', 'time_zone', 'can_reveal_personal_data', 'created_at', 'updated_at',
] as const;

/** An agent as the row values of AGENT_COLUMNS (lists as JSON, booleans as 0/1). */
export function agentValues(agent: AgentRecord): SQLInputValue[] {
  return [
    agent.id,
    agent.email,
    agent.name,
    agent.role,
    JSON.stringify(agent.languages),
    agent.sites === null ? null : JSON.stringify(agent.sites),
    agent.regions === null ? null : JSON.stringify(agent.regions),
    agent.capacity,
    agent.passwordHash,
    agent.totpSecret ?? null,
    agent.pendingTotpSecret ?? null,
    agent.isDisabled ? 1 : 0,
    agent.uiLocale ?? null,
    agent.timeZone ?? null,
    typeof agent.canRevealPersonalData === 'boolean' ? Number(agent.canRevealPersonalData) : null,
    agent.createdAt,
    agent.updatedAt,
  ];
}

/** An agents row back as a record; NULL optional columns become absent fields. */
export function toAgent(row: Row): AgentRecord {
  const agent: AgentRecord = {
    id: String(row['id']),
    email: String(row['email']),
    name: String(row['name']),
    role: String(row['role']) as AgentRole,
    languages: JSON.parse(String(row['languages'])) as string[],
    sites: row['sites'] === null ? null : (JSON.parse(String(row['sites'])) as string[]),
    regions: row['regions'] === null ? null : (JSON.parse(String(row['regions'])) as Region[]),
    capacity: Number(row['capacity']),
    passwordHash: String(row['password_hash']),
    isDisabled: Number(row['is_disabled']) === 1,
    createdAt: String(row['created_at']),
    updatedAt: String(row['updated_at']),
  };
  if (row['totp_secret'] !== null) agent.totpSecret = String(row['totp_secret']);
  if (row['pending_totp_secret'] !== null) agent.pendingTotpSecret = String(row['pending_totp_secret']);
  if (row['ui_locale'] !== null) agent.uiLocale = String(row['ui_locale']);
  if (row['time_zone'] !== null) agent.timeZone = String(row['time_zone']);
  if (row['can_reveal_personal_data'] !== null) agent.canRevealPersonalData = Number(row['can_reveal_personal_data']) === 1;
  return agent;
}

/** A sessions row back as a record. */
export function toSession(row: Row): SessionRecord {
  const session: SessionRecord = {
    id: String(row['id']),
    agentId: String(row['agent_id']),
    csrfToken: String(row['csrf_token']),
    createdAt: String(row['created_at']),
    expiresAt: String(row['expires_at']),
    lastSeenAt: String(row['last_seen_at']),
  };
  if (row['revoked_at'] !== null) session.revokedAt = String(row['revoked_at']);
  return session;
}

/** An api_tokens row back as a record. */
export function toApiToken(row: Row): ApiTokenRecord {
  const token: ApiTokenRecord = {
    id: String(row['id']),
    agentId: String(row['agent_id']),
    name: String(row['name']),
    tokenHash: String(row['token_hash']),
    scopes: JSON.parse(String(row['scopes'])) as ApiTokenScope[],
    createdAt: String(row['created_at']),
  };
  if (row['last_used_at'] !== null) token.lastUsedAt = String(row['last_used_at']);
  if (row['revoked_at'] !== null) token.revokedAt = String(row['revoked_at']);
  return token;
}
