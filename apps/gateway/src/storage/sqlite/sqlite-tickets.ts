import type { DatabaseSync } from 'node:sqlite';
import type { TicketRecord } from '../region-store.ts';
import { assertStorable } from '../storable.ts';

/** Offline tickets in SQLite; the id is the idempotency key. */
export class SqliteTickets {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  create(ticket: TicketRecord): void {
    assertStorable(ticket);
    this.#db
      .prepare(
        'INSERT INTO tickets (id, conversation_id, site_key, email, locale, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
      )
      .run(ticket.id, ticket.conversationId, ticket.siteKey, ticket.email, ticket.locale, ticket.createdAt);
  }

  list(conversationId: string): TicketRecord[] {
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
}
