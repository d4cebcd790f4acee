import type { DatabaseSync } from 'node:sqlite';
import type { LocaleSource } from '@parley/protocol';
import { conversationChanges, creationChanges, isoTime, languageOf } from '../conversation-fields.ts';
import type { FieldChange } from '../conversation-fields.ts';
import type { BotStateRecord, ConversationPatch, ConversationRecord } from '../region-store.ts';
import { assertStorable } from '../storable.ts';
import { columnOf, toColumnValue, toConversation } from './sqlite-conversation-row.ts';

/**
 * Conversations in SQLite: creation, reads and patches. Column names come only from the fixed
 * field table (`CONVERSATION_FIELDS`), never from input, so the built SQL cannot be injected.
 */
export class SqliteConversations {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  /** Inserts a conversation with every field it carries; `language` is derived from `locale`. */
  create(conversation: ConversationRecord): void {
    const changes = creationChanges(conversation);
    const columns = ['id', 'visitor_id', 'site_key', 'created_at', 'language', ...changes.map(([key]) => columnOf(key))];
    const values = [
      conversation.id,
      conversation.visitorId,
      conversation.siteKey,
      conversation.createdAt,
      languageOf(conversation.locale),
      ...changes.map(([key, value]) => toColumnValue(key, value)),
    ];
    this.#db
      .prepare(`INSERT INTO conversations (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      .run(...values);
  }

  get(conversationId: string): ConversationRecord | null {
    const row = this.#db.prepare('SELECT * FROM conversations WHERE id = ?').get(conversationId);
    return row ? toConversation(row) : null;
  }

  /**
   * Applies a patch (null clears) and returns the record after, or null when there is none.
   * `updatedAt` becomes the patch's, or now: every change is an update the inbox should see.
   */
  update(conversationId: string, patch: ConversationPatch): ConversationRecord | null {
    const changes: FieldChange[] = conversationChanges(patch).filter(([key]) => key !== 'updatedAt');
    const updatedAt = typeof patch.updatedAt === 'string' ? isoTime(patch.updatedAt, 'updatedAt') : new Date().toISOString();
    changes.push(['updatedAt', updatedAt]);
    const sets = changes.map(([key]) => `${columnOf(key)} = ?`);
    const values = changes.map(([key, value]) => toColumnValue(key, value));
    const locale = changes.find(([key]) => key === 'locale')?.[1];
    if (typeof locale === 'string') {
      sets.push('language = ?');
      values.push(languageOf(locale));
    }
    this.#db.prepare(`UPDATE conversations SET ${sets.join(', ')} WHERE id = ?`).run(...values, conversationId);
    return this.get(conversationId);
  }

  setLocale(conversationId: string, locale: string, source: LocaleSource): void {
    assertStorable({ locale, source });
    this.#db
      .prepare('UPDATE conversations SET locale = ?, locale_source = ?, language = ? WHERE id = ?')
      .run(locale, source, languageOf(locale), conversationId);
  }

  setBotState(conversationId: string, state: BotStateRecord): void {
    assertStorable(state);
    this.#db.prepare('UPDATE conversations SET bot_state = ? WHERE id = ?').run(JSON.stringify(state), conversationId);
  }
}
