import type { DatabaseSync } from 'node:sqlite';
import type { VisitorIdentityRecord, VisitorRecord } from '../region-store.ts';
import { assertStorable } from '../storable.ts';

/** Visitors in SQLite; the verified identity lives in three nullable columns. */
export class SqliteVisitors {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  create(visitor: VisitorRecord): void {
    assertStorable(visitor);
    this.#db.prepare('INSERT INTO visitors (id, site_key, created_at) VALUES (?, ?, ?)').run(visitor.id, visitor.siteKey, visitor.createdAt);
    if (visitor.identity) this.setIdentity(visitor.id, visitor.identity);
  }

  get(visitorId: string): VisitorRecord | null {
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

  setIdentity(visitorId: string, identity: VisitorIdentityRecord): void {
    assertStorable(identity);
    this.#db
      .prepare('UPDATE visitors SET user_id = ?, user_name = ?, user_email = ? WHERE id = ?')
      .run(identity.userId, identity.name ?? null, identity.email ?? null, visitorId);
  }
}
