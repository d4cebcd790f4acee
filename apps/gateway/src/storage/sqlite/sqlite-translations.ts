import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Message } from '@parley/protocol';
import { cachedTranslationOf, mergeTranslations, translationsPatchOf } from '../message-translations.ts';
import type { CachedTranslation, MessageTranslationsPatch } from '../region-store.ts';
import { assertStorable } from '../storable.ts';
import { metaJson, parseMeta, toMessage } from './sqlite-message-row.ts';
import type { MessageRow } from './sqlite-message-row.ts';

type StatementName = 'message' | 'setMeta' | 'getCached' | 'putCached';

/**
 * Translations in SQLite: merged into a message's `meta` JSON, and the `translation_cache`
 * table. The merge reads, changes and writes the meta under the write lock (`BEGIN IMMEDIATE`),
 * so two translations of one message landing at once (or from two processes) both stay.
 */
export class SqliteTranslations {
  readonly #db: DatabaseSync;
  readonly #statements: Record<StatementName, StatementSync>;

  constructor(db: DatabaseSync) {
    this.#db = db;
    this.#statements = {
      message: db.prepare('SELECT * FROM messages WHERE conversation_id = ? AND id = ?'),
      setMeta: db.prepare('UPDATE messages SET meta = ? WHERE conversation_id = ? AND id = ? RETURNING *'),
      getCached: db.prepare('SELECT * FROM translation_cache WHERE key = ?'),
      putCached: db.prepare(`
        INSERT INTO translation_cache (key, text, provider, stored_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET text = excluded.text, provider = excluded.provider, stored_at = excluded.stored_at`),
    };
  }

  /** Merges into the message's meta; the message after, or null when there is none. Seq and text are untouched. */
  addToMessage(conversationId: string, messageId: string, patch: MessageTranslationsPatch): Message | null {
    assertStorable({ conversationId, messageId });
    const changes = translationsPatchOf(patch);
    this.#db.exec('BEGIN IMMEDIATE');
    try {
      const row = this.#statements.message.get(conversationId, messageId) as MessageRow | undefined;
      let updated = row;
      if (row) {
        const meta = parseMeta(row.meta);
        const merged = { ...meta, ...mergeTranslations(meta, changes) };
        updated = this.#statements.setMeta.get(metaJson(merged), conversationId, messageId) as MessageRow | undefined;
      }
      this.#db.exec('COMMIT');
      return updated ? toMessage(updated) : null;
    } catch (error) {
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      throw error;
    }
  }

  getCached(key: string): CachedTranslation | null {
    assertStorable(key, 'key');
    const row = this.#statements.getCached.get(key);
    if (!row) return null;
    return { key: String(row['key']), text: String(row['text']), provider: String(row['provider']), storedAt: String(row['stored_at']) };
  }

  putCached(entry: CachedTranslation): void {
    const stored = cachedTranslationOf(entry);
    this.#statements.putCached.run(stored.key, stored.text, stored.provider, stored.storedAt);
  }
}
