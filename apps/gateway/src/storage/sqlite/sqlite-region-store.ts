import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { LocaleSource, Message, Region } from '@parley/protocol';
import type {
  AppendResult,
  AuditRecord,
  AwaitingBotTurn,
  BotStateRecord,
  CachedTranslation,
  ConversationPatch,
  ConversationQuery,
  ConversationRecord,
  MessageTranslationsPatch,
  NewMessage,
  NoteRecord,
  RegionStore,
  TicketRecord,
  VisitorIdentityRecord,
  VisitorRecord,
} from '../region-store.ts';
import { SqliteAudit } from './sqlite-audit.ts';
import { SqliteConversationQuery } from './sqlite-conversation-query.ts';
import { SqliteConversations } from './sqlite-conversations.ts';
import type { ConditionalUpdate } from '../conversation-fields.ts';
import { SqliteMessages } from './sqlite-messages.ts';
import { migrateSqlite } from './sqlite-migrations.ts';
import { SqliteNotes } from './sqlite-notes.ts';
import { SqliteTickets } from './sqlite-tickets.ts';
import { SqliteTranslations } from './sqlite-translations.ts';
import { SqliteVisitors } from './sqlite-visitors.ts';

/**
 * WAL lets readers run beside the writer; FULL sync makes each commit survive power loss (a
 * message is acked only once durable); the busy timeout lets two processes share one file.
 */
const CONNECTION_PRAGMAS = `
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
PRAGMA busy_timeout = 5000;
PRAGMA foreign_keys = ON;
`;

/** Where a region's file lives: `<dataDir>/<region>.sqlite`, or memory for `:memory:`. */
export function sqliteRegionPath(dataDir: string, region: Region): string {
  return dataDir === ':memory:' ? ':memory:' : join(dataDir, `${region}.sqlite`);
}

/**
 * The embedded region store: `node:sqlite`, one WAL database file per region. Opening migrates
 * the file to the newest schema (numbered migrations, `PRAGMA user_version`) before any
 * statement is prepared; each kind of record has its own small class over the one connection.
 */
export class SqliteRegionStore implements RegionStore {
  readonly region: Region;
  readonly #db: DatabaseSync;
  readonly #visitors: SqliteVisitors;
  readonly #conversations: SqliteConversations;
  readonly #query: SqliteConversationQuery;
  readonly #messages: SqliteMessages;
  readonly #tickets: SqliteTickets;
  readonly #notes: SqliteNotes;
  readonly #audit: SqliteAudit;
  readonly #translations: SqliteTranslations;

  /** Opens (creating and migrating if needed) `<dataDir>/<region>.sqlite`; pass `:memory:` as dataDir for tests. */
  constructor(options: { dataDir: string; region: Region }) {
    this.region = options.region;
    if (options.dataDir !== ':memory:') mkdirSync(options.dataDir, { recursive: true });
    this.#db = new DatabaseSync(sqliteRegionPath(options.dataDir, options.region));
    this.#db.exec(CONNECTION_PRAGMAS);
    migrateSqlite(this.#db);
    this.#visitors = new SqliteVisitors(this.#db);
    this.#conversations = new SqliteConversations(this.#db);
    this.#query = new SqliteConversationQuery(this.#db);
    this.#messages = new SqliteMessages(this.#db);
    this.#tickets = new SqliteTickets(this.#db);
    this.#notes = new SqliteNotes(this.#db);
    this.#audit = new SqliteAudit(this.#db);
    this.#translations = new SqliteTranslations(this.#db);
  }

  async init(): Promise<void> {
    // Migrated in the constructor, synchronously, before any statement is prepared.
  }

  async ping(): Promise<void> {
    this.#db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }

  async createVisitor(visitor: VisitorRecord): Promise<void> {
    this.#visitors.create(visitor);
  }

  async getVisitor(visitorId: string): Promise<VisitorRecord | null> {
    return this.#visitors.get(visitorId);
  }

  async setVisitorIdentity(visitorId: string, identity: VisitorIdentityRecord): Promise<void> {
    this.#visitors.setIdentity(visitorId, identity);
  }

  async createConversation(conversation: ConversationRecord): Promise<void> {
    this.#conversations.create(conversation);
  }

  async getConversation(conversationId: string): Promise<ConversationRecord | null> {
    return this.#conversations.get(conversationId);
  }

  async setConversationLocale(conversationId: string, locale: string, source: LocaleSource): Promise<void> {
    this.#conversations.setLocale(conversationId, locale, source);
  }

  async setBotState(conversationId: string, state: BotStateRecord): Promise<void> {
    this.#conversations.setBotState(conversationId, state);
  }

  async updateConversation(conversationId: string, patch: ConversationPatch): Promise<ConversationRecord | null> {
    return this.#conversations.update(conversationId, patch);
  }

  async updateConversationIf(
    conversationId: string,
    expected: { assigneeId: string | null },
    patch: ConversationPatch,
  ): Promise<ConditionalUpdate> {
    return this.#conversations.updateIf(conversationId, expected, patch);
  }

  async listConversations(query: ConversationQuery): Promise<ConversationRecord[]> {
    return this.#query.list(query);
  }

  async countConversations(query: Omit<ConversationQuery, 'limit'>): Promise<number> {
    return this.#query.count(query);
  }

  async listConversationsOf(
    subject: { visitorId?: string | undefined; userId?: string | undefined },
    limit: number,
  ): Promise<ConversationRecord[]> {
    return this.#query.listOf(subject, limit);
  }

  async appendMessage(message: NewMessage): Promise<AppendResult> {
    return this.#messages.append(message);
  }

  async listMessages(conversationId: string, options: { afterSeq: number; limit: number }): Promise<Message[]> {
    return this.#messages.list(conversationId, options);
  }

  async getMessage(conversationId: string, messageId: string): Promise<Message | null> {
    return this.#messages.get(conversationId, messageId);
  }

  async getMessageByClientId(conversationId: string, clientMsgId: string): Promise<Message | null> {
    return this.#messages.byClientId(conversationId, clientMsgId);
  }

  async lastSeq(conversationId: string): Promise<number> {
    return this.#messages.lastSeq(conversationId);
  }

  async listAwaitingBot(options: { limit: number; storedBefore?: Date | undefined }): Promise<AwaitingBotTurn[]> {
    return this.#messages.listAwaitingBot(options);
  }

  async settleBotTurn(conversationId: string, messageId: string): Promise<void> {
    this.#messages.settleBotTurn(conversationId, messageId);
  }

  async createTicket(ticket: TicketRecord): Promise<void> {
    this.#tickets.create(ticket);
  }

  async listTickets(conversationId: string): Promise<TicketRecord[]> {
    return this.#tickets.list(conversationId);
  }

  async addNote(note: NoteRecord): Promise<{ note: NoteRecord; isDuplicate: boolean }> {
    return this.#notes.add(note);
  }

  async listNotes(conversationId: string): Promise<NoteRecord[]> {
    return this.#notes.list(conversationId);
  }

  async appendAudit(entry: AuditRecord): Promise<void> {
    this.#audit.append(entry);
  }

  async listAudit(conversationId: string): Promise<AuditRecord[]> {
    return this.#audit.list(conversationId);
  }

  async addMessageTranslations(conversationId: string, messageId: string, patch: MessageTranslationsPatch): Promise<Message | null> {
    return this.#translations.addToMessage(conversationId, messageId, patch);
  }

  async getCachedTranslation(key: string): Promise<CachedTranslation | null> {
    return this.#translations.getCached(key);
  }

  async putCachedTranslation(entry: CachedTranslation): Promise<void> {
    this.#translations.putCached(entry);
  }
}
