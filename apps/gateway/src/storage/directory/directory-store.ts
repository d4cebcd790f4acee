import type { AgentRole, ApiTokenScope, Region } from '@parley/protocol';

/** An agent account. Holds no shopper data. `email` is stored lower-cased and unique. */
export interface AgentRecord {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  /** Primary language tags they answer in: `['de', 'en']`. */
  languages: string[];
  /** Allowed sites; null = every site. */
  sites: string[] | null;
  /** Allowed regions; null = every region. */
  regions: Region[] | null;
  /** Open conversations at once. */
  capacity: number;
  /** argon2id PHC string. */
  passwordHash: string;
  /** Base32 TOTP secret once two-factor is confirmed; absent when off. */
  totpSecret?: string | undefined;
  /** A secret being set up, not yet confirmed by a first code. */
  pendingTotpSecret?: string | undefined;
  isDisabled: boolean;
  uiLocale?: string | undefined;
  timeZone?: string | undefined;
  /** Null: the role's default (admins and supervisors may reveal masked data, agents may not). */
  canRevealPersonalData?: boolean | null | undefined;
  createdAt: string;
  updatedAt: string;
}

/** A signed-in console session. The cookie carries a random token; only its SHA-256 is stored. */
export interface SessionRecord {
  /** SHA-256 hex of the cookie's token. */
  id: string;
  agentId: string;
  /** Random token the console sends back in `X-CSRF-Token` on state-changing calls. */
  csrfToken: string;
  createdAt: string;
  /** Absolute expiry (at most 7 days after sign-in). */
  expiresAt: string;
  /** Sliding idle expiry is counted from here (12 hours). */
  lastSeenAt: string;
  revokedAt?: string | undefined;
}

/** An API token for integrations. Only the SHA-256 of the token is stored. */
export interface ApiTokenRecord {
  id: string;
  agentId: string;
  name: string;
  /** SHA-256 hex of the secret part. */
  tokenHash: string;
  scopes: ApiTokenScope[];
  createdAt: string;
  lastUsedAt?: string | undefined;
  revokedAt?: string | undefined;
}

/** Workspace-wide settings an admin controls. */
export interface WorkspaceSettings {
  /** Every agent must have two-factor sign-in before they can work. */
  isTotpRequired: boolean;
}

/** A site's own canned reply, written by an admin in the console (sites.json ones are not stored). */
export interface SiteCannedReplyRecord {
  siteKey: string;
  /** Unique per site: `gift-wrap`. */
  key: string;
  /** What agents search and see in the picker. */
  title: string;
  /** The reply per locale (`de-DE`, `ja-JP`); a locale without one is machine-translated on send. */
  bodies: Record<string, string>;
  updatedAt: string;
  /** The admin who saved it. */
  updatedBy: string;
}

/** Fields `updateAgent` may change; absent or undefined = unchanged, null = cleared. */
export type AgentPatch = Partial<Omit<AgentRecord, 'id' | 'createdAt' | 'totpSecret' | 'pendingTotpSecret' | 'canRevealPersonalData'>> & {
  totpSecret?: string | null | undefined;
  pendingTotpSecret?: string | null | undefined;
  canRevealPersonalData?: boolean | null | undefined;
};

/**
 * The directory: agents, sessions, API tokens, workspace settings. No shopper content, ever.
 * `directory.sqlite` in the data dir by default, or the database `parley_directory` on MongoDB.
 * Both adapters pass `directory-store.contract.ts`.
 */
export interface DirectoryStore {
  init(): Promise<void>;
  /** Throws ParleyError PARLEY_ERR_AGENT_EMAIL_TAKEN for an email already used (case-insensitive). */
  createAgent(agent: AgentRecord): Promise<void>;
  getAgent(agentId: string): Promise<AgentRecord | null>;
  /** Case-insensitive. */
  getAgentByEmail(email: string): Promise<AgentRecord | null>;
  /** Every agent, oldest first. */
  listAgents(): Promise<AgentRecord[]>;
  /** Returns the agent after the change, or null when there is none. */
  updateAgent(agentId: string, patch: AgentPatch): Promise<AgentRecord | null>;
  createSession(session: SessionRecord): Promise<void>;
  getSession(sessionId: string): Promise<SessionRecord | null>;
  touchSession(sessionId: string, lastSeenAt: string): Promise<void>;
  revokeSession(sessionId: string, at: string): Promise<void>;
  /** Revokes every live session of an agent (password reset, disable). */
  revokeSessionsOf(agentId: string, at: string): Promise<void>;
  createApiToken(token: ApiTokenRecord): Promise<void>;
  getApiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | null>;
  listApiTokens(agentId: string): Promise<ApiTokenRecord[]>;
  revokeApiToken(tokenId: string, at: string): Promise<void>;
  touchApiToken(tokenId: string, at: string): Promise<void>;
  /** Adds to a site's machine-translated characters in a month (`2026-12`); the new total. Atomic. */
  addTranslationUsage(siteKey: string, month: string, characters: number): Promise<number>;
  /** A site's machine-translated characters in a month; 0 when none. */
  getTranslationUsage(siteKey: string, month: string): Promise<number>;
  /** The site's own canned replies, by key. */
  listSiteCannedReplies(siteKey: string): Promise<SiteCannedReplyRecord[]>;
  /** Creates or replaces the reply with this site and key. */
  putSiteCannedReply(reply: SiteCannedReplyRecord): Promise<void>;
  /** Removes it; false when there was none. */
  deleteSiteCannedReply(siteKey: string, key: string): Promise<boolean>;
  getSettings(): Promise<WorkspaceSettings>;
  setSettings(settings: WorkspaceSettings): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
