import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ParleyError } from '@parley/protocol';
import { assertStorable } from '../storable.ts';
import type { AgentPatch, AgentRecord, ApiTokenRecord, DirectoryStore, SessionRecord, SiteCannedReplyRecord, WorkspaceSettings } from './directory-store.ts';
import { applyPatch, normalEmail, patchFields, settingsFrom } from './directory-records.ts';
import { DIRECTORY_SQLITE_MIGRATIONS, DIRECTORY_SQLITE_PRAGMAS, DIRECTORY_SQLITE_VERSION } from './sqlite-directory-schema.ts';
import { SqliteDirectorySiteData } from './sqlite-directory-site-data.ts';
import { AGENT_COLUMNS, agentValues, toAgent, toApiToken, toSession } from './sqlite-directory-rows.ts';

const INSERT_AGENT = `INSERT INTO agents (${AGENT_COLUMNS.join(', ')}) VALUES (${AGENT_COLUMNS.map(() => '?').join(', ')})`;
const REPLACE_AGENT = `UPDATE agents SET ${AGENT_COLUMNS.slice(1).map((column) => `${column} = ?`).join(', ')} WHERE id = ?`;

/**
 * The embedded directory: `<dataDir>/directory.sqlite` (node:sqlite, WAL, synchronous=FULL),
 * shared safely by the gateway and the `parley` CLI. The schema is versioned with
 * `PRAGMA user_version` and migrated forward at open.
 */
export class SqliteDirectoryStore implements DirectoryStore {
  readonly #db: DatabaseSync;
  readonly #siteData: SqliteDirectorySiteData;

  /** Opens (creating if needed) `<dataDir>/directory.sqlite`; pass `:memory:` as dataDir for tests. */
  constructor(options: { dataDir: string }) {
    const path = options.dataDir === ':memory:' ? ':memory:' : join(options.dataDir, 'directory.sqlite');
    if (options.dataDir !== ':memory:') mkdirSync(options.dataDir, { recursive: true });
    this.#db = new DatabaseSync(path);
    try {
      this.#db.exec(DIRECTORY_SQLITE_PRAGMAS);
      migrate(this.#db, path);
    } catch (error) {
      this.#db.close();
      throw error;
    }
    this.#siteData = new SqliteDirectorySiteData(this.#db);
  }

  async init(): Promise<void> {
    // Migrated in the constructor, synchronously, before anything can read the file.
  }

  async createAgent(agent: AgentRecord): Promise<void> {
    assertStorable(agent);
    try {
      this.#db.prepare(INSERT_AGENT).run(...agentValues({ ...agent, email: normalEmail(agent.email) }));
    } catch (error) {
      throw emailTakenOr(error);
    }
  }

  async getAgent(agentId: string): Promise<AgentRecord | null> {
    assertStorable(agentId);
    const row = this.#db.prepare('SELECT * FROM agents WHERE id = ?').get(agentId);
    return row ? toAgent(row) : null;
  }

  async getAgentByEmail(email: string): Promise<AgentRecord | null> {
    assertStorable(email);
    const row = this.#db.prepare('SELECT * FROM agents WHERE email = ?').get(normalEmail(email));
    return row ? toAgent(row) : null;
  }

  async listAgents(): Promise<AgentRecord[]> {
    return this.#db.prepare('SELECT * FROM agents ORDER BY created_at, id').all().map(toAgent);
  }

  async updateAgent(agentId: string, patch: AgentPatch): Promise<AgentRecord | null> {
    assertStorable({ agentId, patch });
    const fields = patchFields(patch);
    // Read, merge and write under one write lock, so a CLI and a gateway cannot interleave.
    this.#db.exec('BEGIN IMMEDIATE');
    let next: AgentRecord | null = null;
    try {
      const row = this.#db.prepare('SELECT * FROM agents WHERE id = ?').get(agentId);
      if (row) {
        next = applyPatch(toAgent(row), fields);
        this.#db.prepare(REPLACE_AGENT).run(...agentValues(next).slice(1), agentId);
      }
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw emailTakenOr(error);
    }
    this.#db.exec('COMMIT');
    return next;
  }

  async createSession(session: SessionRecord): Promise<void> {
    assertStorable(session);
    this.#db
      .prepare('INSERT INTO sessions (id, agent_id, csrf_token, created_at, expires_at, last_seen_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(session.id, session.agentId, session.csrfToken, session.createdAt, session.expiresAt, session.lastSeenAt, session.revokedAt ?? null);
  }

  async getSession(sessionId: string): Promise<SessionRecord | null> {
    assertStorable(sessionId);
    const row = this.#db.prepare('SELECT * FROM sessions WHERE id = ?').get(sessionId);
    return row ? toSession(row) : null;
  }

  async touchSession(sessionId: string, lastSeenAt: string): Promise<void> {
    assertStorable({ sessionId, lastSeenAt });
    this.#db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?').run(lastSeenAt, sessionId);
  }

  async revokeSession(sessionId: string, at: string): Promise<void> {
    assertStorable({ sessionId, at });
    // The first revocation's time stands: it is when the session stopped working.
    this.#db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, sessionId);
  }

  async revokeSessionsOf(agentId: string, at: string): Promise<void> {
    assertStorable({ agentId, at });
    this.#db.prepare('UPDATE sessions SET revoked_at = ? WHERE agent_id = ? AND revoked_at IS NULL').run(at, agentId);
  }

  async createApiToken(token: ApiTokenRecord): Promise<void> {
    assertStorable(token);
    this.#db
      .prepare('INSERT INTO api_tokens (id, agent_id, name, token_hash, scopes, created_at, last_used_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(token.id, token.agentId, token.name, token.tokenHash, JSON.stringify(token.scopes), token.createdAt, token.lastUsedAt ?? null, token.revokedAt ?? null);
  }

  async getApiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | null> {
    assertStorable(tokenHash);
    const row = this.#db.prepare('SELECT * FROM api_tokens WHERE token_hash = ?').get(tokenHash);
    return row ? toApiToken(row) : null;
  }

  async listApiTokens(agentId: string): Promise<ApiTokenRecord[]> {
    assertStorable(agentId);
    return this.#db.prepare('SELECT * FROM api_tokens WHERE agent_id = ? ORDER BY created_at, id').all(agentId).map(toApiToken);
  }

  async revokeApiToken(tokenId: string, at: string): Promise<void> {
    assertStorable({ tokenId, at });
    this.#db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, tokenId);
  }

  async touchApiToken(tokenId: string, at: string): Promise<void> {
    assertStorable({ tokenId, at });
    this.#db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(at, tokenId);
  }

  async addTranslationUsage(siteKey: string, month: string, characters: number): Promise<number> {
    return this.#siteData.addTranslationUsage(siteKey, month, characters);
  }

  async getTranslationUsage(siteKey: string, month: string): Promise<number> {
    return this.#siteData.getTranslationUsage(siteKey, month);
  }

  async listSiteCannedReplies(siteKey: string): Promise<SiteCannedReplyRecord[]> {
    return this.#siteData.listSiteCannedReplies(siteKey);
  }

  async putSiteCannedReply(reply: SiteCannedReplyRecord): Promise<void> {
    this.#siteData.putSiteCannedReply(reply);
  }

  async deleteSiteCannedReply(siteKey: string, key: string): Promise<boolean> {
    return this.#siteData.deleteSiteCannedReply(siteKey, key);
  }

  async getSettings(): Promise<WorkspaceSettings> {
    const row = this.#db.prepare("SELECT value FROM settings WHERE name = 'workspace'").get();
    return settingsFrom(row ? (JSON.parse(String(row['value'])) as Partial<WorkspaceSettings>) : null);
  }

  async setSettings(settings: WorkspaceSettings): Promise<void> {
    assertStorable(settings);
    this.#db
      .prepare("INSERT INTO settings (name, value) VALUES ('workspace', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")
      .run(JSON.stringify(settingsFrom(settings)));
  }

  async ping(): Promise<void> {
    this.#db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }
}

/** Applies the migrations past the file's user_version, under one write lock. */
function migrate(db: DatabaseSync, path: string): void {
  const userVersion = (): number => Number(db.prepare('PRAGMA user_version').get()?.['user_version'] ?? 0);
  // Up to date (every open but the first): no write lock, no write.
  if (userVersion() === DIRECTORY_SQLITE_VERSION) return;
  db.exec('BEGIN IMMEDIATE');
  try {
    // Read again under the lock: a CLI opening beside the gateway may have migrated a moment ago.
    const version = userVersion();
    if (version > DIRECTORY_SQLITE_VERSION) {
      throw new Error(
        `${path} has directory schema version ${version}, newer than this Parley understands (${DIRECTORY_SQLITE_VERSION}); upgrade Parley or restore a backup`,
      );
    }
    for (const migration of DIRECTORY_SQLITE_MIGRATIONS.slice(version)) db.exec(migration);
    // Inside the transaction: the version and the tables it describes commit together.
    db.exec(`PRAGMA user_version = ${DIRECTORY_SQLITE_VERSION}`);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}

function emailTakenOr(error: unknown): unknown {
  const isEmailTaken = error instanceof Error && /UNIQUE constraint failed: agents\.email/.test(error.message);
  return isEmailTaken ? new ParleyError('PARLEY_ERR_AGENT_EMAIL_TAKEN') : error;
}
