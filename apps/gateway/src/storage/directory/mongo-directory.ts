import { MongoServerError } from 'mongodb';
import type { Collection, Db, MongoClient } from 'mongodb';
import { ParleyError } from '@parley/protocol';
import { assertStorable } from '../storable.ts';
import type { AgentPatch, AgentRecord, ApiTokenRecord, DirectoryStore, SessionRecord, SiteCannedReplyRecord, WorkspaceSettings } from './directory-store.ts';
import { normalEmail, patchFields, settingsFrom } from './directory-records.ts';
import { agentDoc, agentSet, apiTokenDoc, sessionDoc, toAgent, toApiToken, toSession } from './mongo-directory-docs.ts';
import type { AgentDoc, ApiTokenDoc, SessionDoc } from './mongo-directory-docs.ts';
import { guard, isDuplicateKey, migrateDirectory } from './mongo-directory-schema.ts';
import { MongoDirectorySiteData } from './mongo-directory-site-data.ts';

interface SettingsDoc {
  _id: string;
  isTotpRequired: boolean;
}

/**
 * The directory on MongoDB (database `parley_directory` by default), portable subset only: a
 * unique index on the lower-cased email instead of transactions, 11000 translated into
 * PARLEY_ERR_AGENT_EMAIL_TAKEN, a `schema_meta` document `{ _id: 'directory', version }`.
 */
export class MongoDirectoryStore implements DirectoryStore {
  readonly #client: MongoClient;
  readonly #ownsClient: boolean;
  readonly #dbName: string;
  readonly #db: Db;
  readonly #agents: Collection<AgentDoc>;
  readonly #sessions: Collection<SessionDoc>;
  readonly #tokens: Collection<ApiTokenDoc>;
  readonly #settings: Collection<SettingsDoc>;
  readonly #siteData: MongoDirectorySiteData;

  /** `ownsClient`: close() closes the client too (openDirectory's own client); else the caller does. */
  constructor(options: { client: MongoClient; dbName: string; ownsClient?: boolean }) {
    this.#client = options.client;
    this.#ownsClient = options.ownsClient ?? false;
    this.#dbName = options.dbName;
    this.#db = options.client.db(options.dbName);
    this.#agents = this.#db.collection('agents');
    this.#sessions = this.#db.collection('sessions');
    this.#tokens = this.#db.collection('api_tokens');
    this.#settings = this.#db.collection('settings');
    this.#siteData = new MongoDirectorySiteData(this.#db);
  }

  async init(): Promise<void> {
    await guard(() => migrateDirectory(this.#db, this.#dbName));
  }

  async createAgent(agent: AgentRecord): Promise<void> {
    assertStorable(agent);
    const doc = agentDoc({ ...agent, email: normalEmail(agent.email) });
    try {
      await guard(() => this.#agents.insertOne(doc));
    } catch (error) {
      throw await this.#emailTakenOr(error, doc.email, doc._id);
    }
  }

  async getAgent(agentId: string): Promise<AgentRecord | null> {
    assertStorable(agentId);
    const doc = await guard(() => this.#agents.findOne({ _id: agentId }));
    return doc ? toAgent(doc) : null;
  }

  async getAgentByEmail(email: string): Promise<AgentRecord | null> {
    assertStorable(email);
    const doc = await guard(() => this.#agents.findOne({ email: normalEmail(email) }));
    return doc ? toAgent(doc) : null;
  }

  async listAgents(): Promise<AgentRecord[]> {
    const docs = await guard(() => this.#agents.find().sort({ createdAt: 1, _id: 1 }).toArray());
    return docs.map(toAgent);
  }

  async updateAgent(agentId: string, patch: AgentPatch): Promise<AgentRecord | null> {
    assertStorable({ agentId, patch });
    const fields = patchFields(patch);
    try {
      // One $set of only the patched fields: concurrent patches of other fields do not clash.
      const result = await guard(() => this.#agents.updateOne({ _id: agentId }, { $set: agentSet(fields) }));
      if (result.matchedCount === 0) return null;
    } catch (error) {
      throw fields.email === undefined ? error : await this.#emailTakenOr(error, fields.email, agentId);
    }
    return this.getAgent(agentId);
  }

  async createSession(session: SessionRecord): Promise<void> {
    assertStorable(session);
    await guard(() => this.#sessions.insertOne(sessionDoc(session)));
  }

  async getSession(sessionId: string): Promise<SessionRecord | null> {
    assertStorable(sessionId);
    const doc = await guard(() => this.#sessions.findOne({ _id: sessionId }));
    return doc ? toSession(doc) : null;
  }

  async touchSession(sessionId: string, lastSeenAt: string): Promise<void> {
    assertStorable({ sessionId, lastSeenAt });
    await guard(() => this.#sessions.updateOne({ _id: sessionId }, { $set: { lastSeenAt: new Date(lastSeenAt) } }));
  }

  async revokeSession(sessionId: string, at: string): Promise<void> {
    assertStorable({ sessionId, at });
    // `revokedAt: null` matches a missing field too: the first revocation's time stands.
    await guard(() => this.#sessions.updateOne({ _id: sessionId, revokedAt: null }, { $set: { revokedAt: new Date(at) } }));
  }

  async revokeSessionsOf(agentId: string, at: string): Promise<void> {
    assertStorable({ agentId, at });
    await guard(() => this.#sessions.updateMany({ agentId, revokedAt: null }, { $set: { revokedAt: new Date(at) } }));
  }

  async createApiToken(token: ApiTokenRecord): Promise<void> {
    assertStorable(token);
    await guard(() => this.#tokens.insertOne(apiTokenDoc(token)));
  }

  async getApiTokenByHash(tokenHash: string): Promise<ApiTokenRecord | null> {
    assertStorable(tokenHash);
    const doc = await guard(() => this.#tokens.findOne({ tokenHash }));
    return doc ? toApiToken(doc) : null;
  }

  async listApiTokens(agentId: string): Promise<ApiTokenRecord[]> {
    assertStorable(agentId);
    const docs = await guard(() => this.#tokens.find({ agentId }).sort({ createdAt: 1, _id: 1 }).toArray());
    return docs.map(toApiToken);
  }

  async revokeApiToken(tokenId: string, at: string): Promise<void> {
    assertStorable({ tokenId, at });
    await guard(() => this.#tokens.updateOne({ _id: tokenId, revokedAt: null }, { $set: { revokedAt: new Date(at) } }));
  }

  async touchApiToken(tokenId: string, at: string): Promise<void> {
    assertStorable({ tokenId, at });
    await guard(() => this.#tokens.updateOne({ _id: tokenId }, { $set: { lastUsedAt: new Date(at) } }));
  }

  addTranslationUsage(siteKey: string, month: string, characters: number): Promise<number> {
    return this.#siteData.addTranslationUsage(siteKey, month, characters);
  }

  getTranslationUsage(siteKey: string, month: string): Promise<number> {
    return this.#siteData.getTranslationUsage(siteKey, month);
  }

  listSiteCannedReplies(siteKey: string): Promise<SiteCannedReplyRecord[]> {
    return this.#siteData.listSiteCannedReplies(siteKey);
  }

  putSiteCannedReply(reply: SiteCannedReplyRecord): Promise<void> {
    return this.#siteData.putSiteCannedReply(reply);
  }

  deleteSiteCannedReply(siteKey: string, key: string): Promise<boolean> {
    return this.#siteData.deleteSiteCannedReply(siteKey, key);
  }

  async getSettings(): Promise<WorkspaceSettings> {
    return settingsFrom(await guard(() => this.#settings.findOne({ _id: 'workspace' })));
  }

  async setSettings(settings: WorkspaceSettings): Promise<void> {
    assertStorable(settings);
    const $set = settingsFrom(settings);
    try {
      await guard(() => this.#settings.updateOne({ _id: 'workspace' }, { $set }, { upsert: true }));
    } catch (error) {
      // Two first-ever writes raced to insert the document: it exists now, so update it.
      if (!isDuplicateKey(error)) throw error;
      await guard(() => this.#settings.updateOne({ _id: 'workspace' }, { $set }));
    }
  }

  async ping(): Promise<void> {
    await guard(() => this.#db.command({ ping: 1 }));
  }

  async close(): Promise<void> {
    if (this.#ownsClient) await this.#client.close();
  }

  /**
   * EMAIL_TAKEN when a refused agent write collided with another agent's email, else `error`.
   * Servers disagree on how they report the email index (11000 naming it, 11000 naming none,
   * FerretDB's InternalError on updates), so the data is asked instead of the error.
   */
  async #emailTakenOr(error: unknown, email: string, agentId: string): Promise<unknown> {
    if (!(error instanceof MongoServerError)) return error;
    const owner = await guard(() => this.#agents.findOne({ email }, { projection: { _id: 1 } }));
    return owner && owner._id !== agentId ? new ParleyError('PARLEY_ERR_AGENT_EMAIL_TAKEN') : error;
  }
}
