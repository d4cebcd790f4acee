import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type { LocaleSource } from '@parley/protocol';
import { creationChanges, expectedAssignee, languageOf, updateChanges } from '../conversation-fields.ts';
import type { ConditionalUpdate } from '../conversation-fields.ts';
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
    const { sets, values } = patchStatement(patch);
    this.#db.prepare(`UPDATE conversations SET ${sets} WHERE id = ?`).run(...values, conversationId);
    return this.get(conversationId);
  }

  /**
   * Compare-and-set on the assignee: one UPDATE whose WHERE repeats the expectation (`IS` is
   * null-safe, so `null` matches an unassigned row, legacy rows included). SQLite runs each
   * statement atomically, so of any number of racing claims exactly one changes the row; the
   * read after it runs on this connection with no await in between, so it sees that write.
   */
  updateIf(conversationId: string, expected: { assigneeId: string | null }, patch: ConversationPatch): ConditionalUpdate {
    const assigneeId = expectedAssignee(expected);
    const { sets, values } = patchStatement(patch);
    const result = this.#db
      .prepare(`UPDATE conversations SET ${sets} WHERE id = ? AND assignee_id IS ?`)
      .run(...values, conversationId, assigneeId);
    const conversation = this.get(conversationId);
    if (Number(result.changes) === 1 && conversation) return { ok: true, conversation };
    return { ok: false, conversation };
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

/**
 * The SET list of an update and its values, `language` kept in step with `locale`. The patch is
 * validated here, before any statement runs.
 */
function patchStatement(patch: ConversationPatch): { sets: string; values: SQLInputValue[] } {
  const changes = updateChanges(patch);
  const sets = changes.map(([key]) => `${columnOf(key)} = ?`);
  const values = changes.map(([key, value]) => toColumnValue(key, value));
  const locale = changes.find(([key]) => key === 'locale')?.[1];
  if (typeof locale === 'string') {
    sets.push('language = ?');
    values.push(languageOf(locale));
  }
  return { sets: sets.join(', '), values };
}
