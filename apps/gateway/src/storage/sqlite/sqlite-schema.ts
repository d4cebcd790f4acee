/**
 * Schema of one region's SQLite file. Applied at open; every statement is idempotent.
 * WAL lets readers run beside the writer; FULL sync makes each commit survive power loss.
 */
export const SQLITE_SCHEMA = `
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
PRAGMA busy_timeout = 5000;
PRAGMA foreign_keys = ON;

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

/**
 * Columns added after the first release, for files created before them: `CREATE TABLE IF NOT
 * EXISTS` leaves an existing table as it was. Each is added only when missing.
 */
export const SQLITE_ADDED_COLUMNS: ReadonlyArray<{ table: string; column: string; type: string }> = [
  { table: 'conversations', column: 'bot_state', type: 'TEXT' },
  { table: 'messages', column: 'meta', type: 'TEXT' },
];
