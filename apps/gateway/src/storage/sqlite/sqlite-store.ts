import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { StatementSync } from 'node:sqlite';
import { randomUUID } from 'node:crypto';
import { ParleyError } from '@parley/protocol';
import type { AuthorKind, LocaleSource, Message, Region } from '@parley/protocol';
import { SEQ_RETRY_LIMIT } from '../conversation-store.ts';
import type {
  AppendResult,
  BotStateRecord,
  ConversationRecord,
  ConversationStore,
  NewMessage,
  TicketRecord,
  VisitorIdentityRecord,
  VisitorRecord,
} from '../conversation-store.ts';
import { SQLITE_ADDED_COLUMNS, SQLITE_SCHEMA } from './sqlite-schema.ts';
import { assertStorable } from '../storable.ts';

interface MessageRow {
  id: string;
  conversation_id: string;
  seq: number;
  client_msg_id: string;
  author_kind: string;
  author_name: string | null;
  text: string;
  locale: string | null;
  created_at: string;
  /** JSON of `{ bot?, quickReplies? }`; null on visitor messages. */
  meta: string | null;
}

/**
 * The embedded store: `node:sqlite`, one WAL database file per region under the data directory.
 * `synchronous=FULL` because a message is acked only once durable, power loss included.
 */
export class SqliteConversationStore implements ConversationStore {
  readonly region: Region;
  readonly #db: DatabaseSync;
  readonly #statements: Record<'insertMessage' | 'messageByClientId' | 'listMessages' | 'lastSeq', StatementSync>;

  /** Opens (creating if needed) `<dataDir>/<region>.sqlite`; pass `:memory:` as dataDir for tests. */
  constructor(options: { dataDir: string; region: Region }) {
    this.region = options.region;
    const path = options.dataDir === ':memory:' ? ':memory:' : join(options.dataDir, `${options.region}.sqlite`);
    if (options.dataDir !== ':memory:') mkdirSync(options.dataDir, { recursive: true });
    this.#db = new DatabaseSync(path);
    this.#db.exec(SQLITE_SCHEMA);
    this.#addMissingColumns();
    this.#statements = {
      insertMessage: this.#db.prepare(`
        INSERT INTO messages (id, conversation_id, seq, client_msg_id, author_kind, author_name, text, locale, created_at, meta)
        VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = ?), ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (conversation_id, client_msg_id) DO NOTHING
        RETURNING *`),
      messageByClientId: this.#db.prepare('SELECT * FROM messages WHERE conversation_id = ? AND client_msg_id = ?'),
      listMessages: this.#db.prepare(
        'SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq ASC LIMIT ?',
      ),
      lastSeq: this.#db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM messages WHERE conversation_id = ?'),
    };
  }

  #addMissingColumns(): void {
    for (const { table, column, type } of SQLITE_ADDED_COLUMNS) {
      const columns = this.#db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>;
      if (!columns.some((existing) => existing.name === column)) this.#db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
    }
  }

  async init(): Promise<void> {
    // The schema is applied in the constructor (synchronously, before any statement is prepared).
  }

  async createVisitor(visitor: VisitorRecord): Promise<void> {
    this.#db
      .prepare('INSERT INTO visitors (id, site_key, created_at) VALUES (?, ?, ?)')
      .run(visitor.id, visitor.siteKey, visitor.createdAt);
  }

  async getVisitor(visitorId: string): Promise<VisitorRecord | null> {
    const row = this.#db.prepare('SELECT * FROM visitors WHERE id = ?').get(visitorId);
    if (!row) return null;
    const visitor: VisitorRecord = { id: String(row['id']), siteKey: String(row['site_key']), createdAt: String(row['created_at']) };
    if (row['user_id'] !== null) {
      visitor.identity = { userId: String(row['user_id']) };
      if (row['user_name'] !== null) visitor.identity.name = String(row['user_name']);
      if (row['user_email'] !== null) visitor.identity.email = String(row['user_email']);
    }
    return visitor;
  }

  async setVisitorIdentity(visitorId: string, identity: VisitorIdentityRecord): Promise<void> {
    assertStorable(identity);
    this.#db
      .prepare('UPDATE visitors SET user_id = ?, user_name = ?, user_email = ? WHERE id = ?')
      .run(identity.userId, identity.name ?? null, identity.email ?? null, visitorId);
  }

  async createConversation(conversation: ConversationRecord): Promise<void> {
    this.#db
      .prepare('INSERT INTO conversations (id, visitor_id, site_key, locale, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(conversation.id, conversation.visitorId, conversation.siteKey, conversation.locale, conversation.createdAt);
  }

  async getConversation(conversationId: string): Promise<ConversationRecord | null> {
    const row = this.#db.prepare('SELECT * FROM conversations WHERE id = ?').get(conversationId);
    if (!row) return null;
    const conversation: ConversationRecord = {
      id: String(row['id']),
      visitorId: String(row['visitor_id']),
      siteKey: String(row['site_key']),
      locale: String(row['locale']),
      createdAt: String(row['created_at']),
    };
    if (row['locale_source'] !== null) conversation.localeSource = String(row['locale_source']) as LocaleSource;
    if (row['bot_state'] !== null) conversation.botState = JSON.parse(String(row['bot_state'])) as BotStateRecord;
    return conversation;
  }

  async setConversationLocale(conversationId: string, locale: string, source: LocaleSource): Promise<void> {
    assertStorable({ locale, source });
    this.#db.prepare('UPDATE conversations SET locale = ?, locale_source = ? WHERE id = ?').run(locale, source, conversationId);
  }

  async setBotState(conversationId: string, state: BotStateRecord): Promise<void> {
    assertStorable(state);
    this.#db.prepare('UPDATE conversations SET bot_state = ? WHERE id = ?').run(JSON.stringify(state), conversationId);
  }

  async createTicket(ticket: TicketRecord): Promise<void> {
    assertStorable(ticket);
    this.#db
      .prepare('INSERT INTO tickets (id, conversation_id, site_key, email, locale, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING')
      .run(ticket.id, ticket.conversationId, ticket.siteKey, ticket.email, ticket.locale, ticket.createdAt);
  }

  async listTickets(conversationId: string): Promise<TicketRecord[]> {
    const rows = this.#db.prepare('SELECT * FROM tickets WHERE conversation_id = ? ORDER BY created_at, id').all(conversationId);
    return rows.map((row) => ({
      id: String(row['id']),
      conversationId: String(row['conversation_id']),
      siteKey: String(row['site_key']),
      email: String(row['email']),
      locale: String(row['locale']),
      createdAt: String(row['created_at']),
    }));
  }

  async appendMessage(input: NewMessage): Promise<AppendResult> {
    assertStorable(input);
    for (let attempt = 0; attempt < SEQ_RETRY_LIMIT; attempt += 1) {
      try {
        const row = this.#statements.insertMessage.get(
          `msg_${randomUUID()}`,
          input.conversationId,
          input.conversationId,
          input.clientMsgId,
          input.author.kind,
          input.author.name ?? null,
          input.text,
          input.locale ?? null,
          new Date().toISOString(),
          messageMeta(input),
        ) as MessageRow | undefined;
        if (row) return { message: toMessage(row), isDuplicate: false };
        const existing = this.#statements.messageByClientId.get(input.conversationId, input.clientMsgId) as
          | MessageRow
          | undefined;
        if (existing) return { message: toMessage(existing), isDuplicate: true };
      } catch (error) {
        // Another process sharing this file took the same seq: take the next one.
        if (!isSeqConflict(error)) throw error;
      }
    }
    throw new ParleyError('PARLEY_ERR_INTERNAL_ERROR', 'Could not assign a message sequence number.');
  }

  async listMessages(conversationId: string, options: { afterSeq: number; limit: number }): Promise<Message[]> {
    const rows = this.#statements.listMessages.all(conversationId, options.afterSeq, options.limit) as unknown as MessageRow[];
    return rows.map(toMessage);
  }

  async lastSeq(conversationId: string): Promise<number> {
    const row = this.#statements.lastSeq.get(conversationId) as { seq: number } | undefined;
    return row?.seq ?? 0;
  }

  async ping(): Promise<void> {
    this.#db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.#db.isOpen) this.#db.close();
  }
}

function isSeqConflict(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed: messages\.conversation_id, messages\.seq/.test(error.message);
}

function toMessage(row: MessageRow): Message {
  const author = row.author_name
    ? { kind: row.author_kind as AuthorKind, name: row.author_name }
    : { kind: row.author_kind as AuthorKind };
  const message: Message = {
    id: row.id,
    conversationId: row.conversation_id,
    seq: Number(row.seq),
    clientMsgId: row.client_msg_id,
    author,
    text: row.text,
    createdAt: row.created_at,
  };
  if (row.locale) message.locale = row.locale;
  if (row.meta) Object.assign(message, JSON.parse(row.meta) as Pick<Message, 'bot' | 'quickReplies'>);
  return message;
}

/** The optional bot fields as one JSON column: they are read and written only as a whole. */
function messageMeta(input: NewMessage): string | null {
  const meta: Pick<Message, 'bot' | 'quickReplies'> = {};
  if (input.bot) meta.bot = input.bot;
  if (input.quickReplies?.length) meta.quickReplies = input.quickReplies;
  return Object.keys(meta).length > 0 ? JSON.stringify(meta) : null;
}
