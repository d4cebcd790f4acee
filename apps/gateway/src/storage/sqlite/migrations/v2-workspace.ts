import type { DatabaseSync } from 'node:sqlite';

/**
 * Version 2: the agents' workspace. Conversations gain where they stand with people (status,
 * assignee, SLA, reads, the newest message), `language` beside `locale` so the language filter
 * is an equality, and the indexes the inbox queries use; notes and the audit trail get tables.
 * Existing rows become `bot`, updated when created. Frozen once released.
 */
const V2_COLUMNS = [
  'locale_candidates TEXT',
  "status TEXT NOT NULL DEFAULT 'bot'",
  'assignee_id TEXT',
  'channel TEXT',
  'country TEXT',
  'time_zone TEXT',
  'page_url TEXT',
  'user_id TEXT',
  'handoff_reason TEXT',
  'bot_summary TEXT',
  'waiting_since TEXT',
  'snoozed_until TEXT',
  'last_message TEXT',
  'last_agent_reply TEXT',
  'sla_due_at TEXT',
  'visitor_read_seq INTEGER',
  'agent_read_seq INTEGER',
  'updated_at TEXT',
  'language TEXT',
];

const V2_STATEMENTS = `
UPDATE conversations SET
  updated_at = created_at,
  language = lower(substr(replace(locale, '_', '-'), 1, instr(replace(locale, '_', '-') || '-', '-') - 1));

CREATE INDEX conversations_inbox ON conversations (status, waiting_since, updated_at);
CREATE INDEX conversations_by_assignee ON conversations (assignee_id, status);
CREATE INDEX conversations_by_site ON conversations (site_key, status);
CREATE INDEX conversations_by_sla ON conversations (sla_due_at);
CREATE INDEX conversations_by_user ON conversations (user_id, created_at);

CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations (id),
  client_note_id TEXT NOT NULL,
  author_kind TEXT NOT NULL,
  author_name TEXT,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (conversation_id, client_note_id)
);

CREATE TABLE audit (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  action TEXT NOT NULL,
  details TEXT,
  at TEXT NOT NULL
);
CREATE INDEX audit_by_conversation ON audit (conversation_id, at);
`;

/** Adds the workspace columns, tables and indexes; runs once, inside the runner's transaction. */
export function migrateToV2(db: DatabaseSync): void {
  for (const column of V2_COLUMNS) db.exec(`ALTER TABLE conversations ADD COLUMN ${column}`);
  db.exec(V2_STATEMENTS);
}
