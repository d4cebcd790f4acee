import type { DatabaseSync } from 'node:sqlite';
import { isoTime } from '../conversation-fields.ts';
import type { AuditAction, AuditRecord } from '../region-store.ts';
import { assertStorable } from '../storable.ts';

/** The audit trail in SQLite: inserts only (a repeated id is a retry and stores nothing). */
export class SqliteAudit {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  append(entry: AuditRecord): void {
    assertStorable(entry, 'audit');
    this.#db
      .prepare('INSERT INTO audit (id, conversation_id, actor_id, action, details, at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING')
      .run(
        entry.id,
        entry.conversationId,
        entry.actorId,
        entry.action,
        entry.details === undefined ? null : JSON.stringify(entry.details),
        isoTime(entry.at, 'at'),
      );
  }

  /** Oldest first; entries at the same instant in the order they were written. */
  list(conversationId: string): AuditRecord[] {
    const rows = this.#db.prepare('SELECT * FROM audit WHERE conversation_id = ? ORDER BY at, rowid').all(conversationId);
    return rows.map((row) => {
      const entry: AuditRecord = {
        id: String(row['id']),
        conversationId: String(row['conversation_id']),
        actorId: String(row['actor_id']),
        action: String(row['action']) as AuditAction,
        at: String(row['at']),
      };
      if (row['details'] !== null) entry.details = JSON.parse(String(row['details'])) as NonNullable<AuditRecord['details']>;
      return entry;
    });
  }
}
