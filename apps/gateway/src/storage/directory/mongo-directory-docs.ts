import type { AgentRole, ApiTokenScope, Region } from '@parley/protocol';
import type { AgentPatch, AgentRecord, ApiTokenRecord, SessionRecord } from './directory-store.ts';

/** An agent document: times as Dates (range queries, sweeps), cleared options as null. */
export interface AgentDoc {
  _id: string;
  email: string;
  name: string;
  role: AgentRole;
  languages: string[];
  sites: string[] | null;
  regions: Region[] | null;
  capacity: number;
  passwordHash: string;
  totpSecret?: string | null;
  pendingTotpSecret?: string | null;
  isDisabled: boolean;
  uiLocale?: string | null;
  timeZone?: string | null;
  canRevealPersonalData?: boolean | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A console session document. */
export interface SessionDoc {
  _id: string;
  agentId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  revokedAt?: Date | null;
}

/** An API token document. */
export interface ApiTokenDoc {
  _id: string;
  agentId: string;
  name: string;
  tokenHash: string;
  scopes: ApiTokenScope[];
  createdAt: Date;
  lastUsedAt?: Date | null;
  revokedAt?: Date | null;
}

const OPTIONAL_AGENT_FIELDS = ['totpSecret', 'pendingTotpSecret', 'uiLocale', 'timeZone', 'canRevealPersonalData'] as const;

/** An agent (email already lower-cased) as its document; unset options are not written at all. */
export function agentDoc(agent: AgentRecord): AgentDoc {
  const { id, createdAt, updatedAt, ...rest } = agent;
  const doc: Record<string, unknown> = { _id: id, ...rest, createdAt: new Date(createdAt), updatedAt: new Date(updatedAt) };
  for (const key of OPTIONAL_AGENT_FIELDS) if (doc[key] === undefined || doc[key] === null) delete doc[key];
  return doc as unknown as AgentDoc;
}

/** A patch (through patchFields) as a `$set`: null stays null (cleared), times become Dates. */
export function agentSet(fields: AgentPatch): Record<string, unknown> {
  const set: Record<string, unknown> = { ...fields };
  if (fields.updatedAt !== undefined) set['updatedAt'] = new Date(fields.updatedAt);
  return set;
}

/** An agent document back as a record; null or missing options become absent fields. */
export function toAgent(doc: AgentDoc): AgentRecord {
  const agent: AgentRecord = {
    id: doc._id,
    email: doc.email,
    name: doc.name,
    role: doc.role,
    languages: [...doc.languages],
    sites: doc.sites ? [...doc.sites] : null,
    regions: doc.regions ? [...doc.regions] : null,
    capacity: doc.capacity,
    passwordHash: doc.passwordHash,
    isDisabled: doc.isDisabled,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
  if (typeof doc.totpSecret === 'string') agent.totpSecret = doc.totpSecret;
  if (typeof doc.pendingTotpSecret === 'string') agent.pendingTotpSecret = doc.pendingTotpSecret;
  if (typeof doc.uiLocale === 'string') agent.uiLocale = doc.uiLocale;
  if (typeof doc.timeZone === 'string') agent.timeZone = doc.timeZone;
  if (typeof doc.canRevealPersonalData === 'boolean') agent.canRevealPersonalData = doc.canRevealPersonalData;
  return agent;
}

/** A session as its document. */
export function sessionDoc(session: SessionRecord): SessionDoc {
  const doc: SessionDoc = {
    _id: session.id,
    agentId: session.agentId,
    csrfToken: session.csrfToken,
    createdAt: new Date(session.createdAt),
    expiresAt: new Date(session.expiresAt),
    lastSeenAt: new Date(session.lastSeenAt),
  };
  if (session.revokedAt) doc.revokedAt = new Date(session.revokedAt);
  return doc;
}

/** A session document back as a record. */
export function toSession(doc: SessionDoc): SessionRecord {
  const session: SessionRecord = {
    id: doc._id,
    agentId: doc.agentId,
    csrfToken: doc.csrfToken,
    createdAt: doc.createdAt.toISOString(),
    expiresAt: doc.expiresAt.toISOString(),
    lastSeenAt: doc.lastSeenAt.toISOString(),
  };
  if (doc.revokedAt) session.revokedAt = doc.revokedAt.toISOString();
  return session;
}

/** An API token as its document. */
export function apiTokenDoc(token: ApiTokenRecord): ApiTokenDoc {
  const doc: ApiTokenDoc = {
    _id: token.id,
    agentId: token.agentId,
    name: token.name,
    tokenHash: token.tokenHash,
    scopes: [...token.scopes],
    createdAt: new Date(token.createdAt),
  };
  if (token.lastUsedAt) doc.lastUsedAt = new Date(token.lastUsedAt);
  if (token.revokedAt) doc.revokedAt = new Date(token.revokedAt);
  return doc;
}

/** An API token document back as a record. */
export function toApiToken(doc: ApiTokenDoc): ApiTokenRecord {
  const token: ApiTokenRecord = {
    id: doc._id,
    agentId: doc.agentId,
    name: doc.name,
    tokenHash: doc.tokenHash,
    scopes: [...doc.scopes],
    createdAt: doc.createdAt.toISOString(),
  };
  if (doc.lastUsedAt) token.lastUsedAt = doc.lastUsedAt.toISOString();
  if (doc.revokedAt) token.revokedAt = doc.revokedAt.toISOString();
  return token;
}
