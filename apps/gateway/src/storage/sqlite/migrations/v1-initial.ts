import type { DatabaseSync } from 'node:sqlite';

/**
 * Version 1: the schema as the releases before numbered migrations left it. Files from those
 * releases have `user_version` 0 and may lack the two columns added after the first release
 * (`bot_state`, `meta`), so every statement is idempotent and the columns are added when missing.
 * Frozen: a later change is a new migration, never an edit here.
 */
const V1_TABLES = `
CREATE TABLE IF NOT EXISTS visitors (
  id TEXT PRIMARY KEY,
  site_key TEXT NOT NULL,
  created_at TEXT NOT NULL,
  user_id TEXT,
  user_name TEXT,
  user_email TEXT
);

CREATE TABLE IF NOT EXISTS conversations (
  id TEXT PRIMARY KEY,
  visitor_id TEXT NOT NULL REFERENCES visitors (id),
  site_key TEXT NOT NULL,
  locale TEXT NOT NULL,
  locale_source TEXT,
  created_at TEXT NOT NULL,
  bot_state TEXT
);
CREATE INDEX IF NOT EXISTS conversations_by_visitor ON conversations (visitor_id);

CREATE TABLE IF NOT EXISTS messages (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations (id),
  seq INTEGER NOT NULL,
  client_msg_id TEXT NOT NULL,
  author_kind TEXT NOT NULL,
  author_name TEXT,
  text TEXT NOT NULL,
  locale TEXT,
  created_at TEXT NOT NULL,
  meta TEXT,
  UNIQUE (conversation_id, seq),
  UNIQUE (conversation_id, client_msg_id)
);

CREATE TABLE IF NOT EXISTS tickets (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations (id),
  site_key TEXT NOT NULL,
  email TEXT NOT NULL,
  locale TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tickets_by_conversation ON tickets (conversation_id);
`;

/** Columns added after the first release; `CREATE TABLE IF NOT EXISTS` leaves older tables without them. */
const V1_ADDED_COLUMNS: ReadonlyArray<{ table: string; column: string; type: string }> = [
  { table: 'conversations', column: 'bot_state', type: 'TEXT' },
  { table: 'messages', column: 'meta', type: 'TEXT' },
];

/** Creates the version-1 schema, or completes a file from an earlier release to it. */
export function migrateToV1(db: DatabaseSync): void {
  db.exec(V1_TABLES);
  for (const { table, column, type } of V1_ADDED_COLUMNS) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>;
    if (!columns.some((existing) => existing.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
}
