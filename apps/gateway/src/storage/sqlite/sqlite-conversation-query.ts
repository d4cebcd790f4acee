import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { normaliseQuery } from '../conversation-fields.ts';
import type { ConversationQuery, ConversationRecord } from '../region-store.ts';
import { toConversation } from './sqlite-conversation-row.ts';

/** The inbox order: longest-waiting first, never-waited last, then most recently updated; id breaks ties. */
const INBOX_ORDER = 'ORDER BY waiting_since IS NULL, waiting_since ASC, updated_at DESC, id ASC';

/** Inbox queries over one region's SQLite file; the indexes they use are created by migrations 2 and 3. */
export class SqliteConversationQuery {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  list(query: ConversationQuery): ConversationRecord[] {
    const { sql, params } = whereClause(query);
    const rows = this.#db.prepare(`SELECT * FROM conversations ${sql} ${INBOX_ORDER} LIMIT ?`).all(...params, query.limit);
    return rows.map(toConversation);
  }

  count(query: Omit<ConversationQuery, 'limit'>): number {
    const { sql, params } = whereClause(query);
    const row = this.#db.prepare(`SELECT COUNT(*) AS count FROM conversations ${sql}`).get(...params);
    return Number(row?.['count'] ?? 0);
  }

  /** A visitor's or a verified user's conversations (either matches when both are given), newest first. */
  listOf(subject: { visitorId?: string | undefined; userId?: string | undefined }, limit: number): ConversationRecord[] {
    const clauses: string[] = [];
    const params: SQLInputValue[] = [];
    if (subject.visitorId !== undefined) {
      clauses.push('visitor_id = ?');
      params.push(subject.visitorId);
    }
    if (subject.userId !== undefined) {
      clauses.push('user_id = ?');
      params.push(subject.userId);
    }
    if (clauses.length === 0) return [];
    const rows = this.#db
      .prepare(`SELECT * FROM conversations WHERE ${clauses.join(' OR ')} ORDER BY created_at DESC, id DESC LIMIT ?`)
      .all(...params, limit);
    return rows.map(toConversation);
  }
}

/** Every given field narrows; an empty list matches nothing. */
function whereClause(input: Omit<ConversationQuery, 'limit'>): { sql: string; params: SQLInputValue[] } {
  const query = normaliseQuery(input);
  const clauses: string[] = [];
  const params: SQLInputValue[] = [];
  const equal = (column: string, value: string | undefined): void => {
    if (value === undefined) return;
    clauses.push(`${column} = ?`);
    params.push(value);
  };
  const oneOf = (column: string, values: readonly string[] | undefined): void => {
    if (values === undefined) return;
    clauses.push(values.length === 0 ? '0' : `${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  oneOf('status', query.statuses);
  oneOf('site_key', query.siteKeys);
  if (query.assigneeId === null) clauses.push('assignee_id IS NULL');
  else equal('assignee_id', query.assigneeId);
  equal('language', query.language);
  equal('country', query.country);
  equal('channel', query.channel);
  if (query.slaDueBefore !== undefined) {
    clauses.push('sla_due_at < ?');
    params.push(query.slaDueBefore);
  }
  if (query.snoozedUntilBefore !== undefined) {
    // Both sides are canonical ISO text (see `isoTime`), so text order is time order.
    clauses.push('snoozed_until <= ?');
    params.push(query.snoozedUntilBefore);
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
