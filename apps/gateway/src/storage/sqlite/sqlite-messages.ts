import { randomUUID } from 'node:crypto';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { ParleyError } from '@parley/protocol';
import type { Message } from '@parley/protocol';
import { SEQ_RETRY_LIMIT } from '../region-store.ts';
import type { AppendResult, AwaitingBotTurn, NewMessage } from '../region-store.ts';
import { assertStorable } from '../storable.ts';
import { lastMessageOf, messageMeta, toMessage } from './sqlite-message-row.ts';
import type { MessageRow } from './sqlite-message-row.ts';

type StatementName = 'insert' | 'byClientId' | 'byId' | 'list' | 'lastSeq' | 'touchConversation' | 'awaitingBot' | 'settleBotTurn';

/** Later than any stored `created_at` (ISO 8601 strings compare in time order). */
const END_OF_TIME = '9999-12-31T23:59:59.999Z';

/**
 * Messages in SQLite. An append and the conversation's `lastMessage`/`updatedAt` commit in one
 * transaction, under the write lock (`BEGIN IMMEDIATE`), so `seq` is gapless even with other
 * processes on the same file and the newest message is always the one recorded.
 */
export class SqliteMessages {
  readonly #db: DatabaseSync;
  readonly #statements: Record<StatementName, StatementSync>;

  constructor(db: DatabaseSync) {
    this.#db = db;
    this.#statements = {
      insert: db.prepare(`
        INSERT INTO messages (id, conversation_id, seq, client_msg_id, author_kind, author_name, author_id, text, locale, created_at, meta, awaits_bot)
        VALUES (?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (conversation_id, client_msg_id) DO NOTHING
        RETURNING *`),
      byClientId: db.prepare('SELECT * FROM messages WHERE conversation_id = ? AND client_msg_id = ?'),
      byId: db.prepare('SELECT * FROM messages WHERE conversation_id = ? AND id = ?'),
      list: db.prepare('SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq ASC LIMIT ?'),
      lastSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM messages WHERE conversation_id = ?'),
      touchConversation: db.prepare('UPDATE conversations SET last_message = ?, updated_at = ? WHERE id = ?'),
      // `awaits_bot = 1` matches the partial index's condition, so only owed rows are read.
      awaitingBot: db.prepare('SELECT * FROM messages WHERE awaits_bot = 1 AND created_at < ? ORDER BY created_at ASC, rowid ASC LIMIT ?'),
      settleBotTurn: db.prepare('UPDATE messages SET awaits_bot = NULL WHERE conversation_id = ? AND id = ? AND awaits_bot = 1'),
    };
  }

  append(input: NewMessage): AppendResult {
    assertStorable(input);
    for (let attempt = 0; attempt < SEQ_RETRY_LIMIT; attempt += 1) {
      try {
        const row = this.#insert(input);
        if (row) return { message: toMessage(row), isDuplicate: false };
        const existing = this.#statements.byClientId.get(input.conversationId, input.clientMsgId) as MessageRow | undefined;
        if (existing) return { message: toMessage(existing), isDuplicate: true };
      } catch (error) {
        // Another process sharing this file took the same seq: take the next one.
        if (!isSeqConflict(error)) throw error;
      }
    }
    throw new ParleyError('PARLEY_ERR_INTERNAL_ERROR', 'Could not assign a message sequence number.');
  }

  byClientId(conversationId: string, clientMsgId: string): Message | null {
    const row = this.#statements.byClientId.get(conversationId, clientMsgId) as MessageRow | undefined;
    return row ? toMessage(row) : null;
  }

  get(conversationId: string, messageId: string): Message | null {
    const row = this.#statements.byId.get(conversationId, messageId) as MessageRow | undefined;
    return row ? toMessage(row) : null;
  }

  list(conversationId: string, options: { afterSeq: number; limit: number }): Message[] {
    const rows = this.#statements.list.all(conversationId, options.afterSeq, options.limit) as unknown as MessageRow[];
    return rows.map(toMessage);
  }

  lastSeq(conversationId: string): number {
    const row = this.#statements.lastSeq.get(conversationId) as { seq: number } | undefined;
    return Number(row?.seq ?? 0);
  }

  listAwaitingBot(options: { limit: number; storedBefore?: Date | undefined }): AwaitingBotTurn[] {
    const before = options.storedBefore?.toISOString() ?? END_OF_TIME;
    const rows = this.#statements.awaitingBot.all(before, options.limit) as unknown as MessageRow[];
    return rows.map((row) => ({ message: toMessage(row), storedAt: row.created_at }));
  }

  settleBotTurn(conversationId: string, messageId: string): void {
    this.#statements.settleBotTurn.run(conversationId, messageId);
  }

  /** Inserts the message and records it as the conversation's newest; undefined when a duplicate. */
  #insert(input: NewMessage): MessageRow | undefined {
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const row = this.#statements.insert.get(
        `msg_${randomUUID()}`,
        input.conversationId,
        input.conversationId,
        input.clientMsgId,
        input.author.kind,
        input.author.name ?? null,
        input.author.id ?? null,
        input.text,
        input.locale ?? null,
        new Date().toISOString(),
        messageMeta(input),
        input.awaitsBot ? 1 : null,
      ) as MessageRow | undefined;
      if (row) this.#statements.touchConversation.run(JSON.stringify(lastMessageOf(row)), row.created_at, input.conversationId);
      this.#db.exec('COMMIT');
      return row;
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      throw error;
    }
  }
}

function isSeqConflict(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed: messages\.conversation_id, messages\.seq/.test(error.message);
}
