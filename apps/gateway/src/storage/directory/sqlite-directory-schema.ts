/**
 * Connection settings, applied at every open. WAL lets the CLI read and write beside a running
 * gateway; FULL sync makes a new session or password survive power loss; the busy timeout lets
 * the two wait for each other's short write transactions instead of failing.
 */
export const DIRECTORY_SQLITE_PRAGMAS = `
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
PRAGMA busy_timeout = 5000;
PRAGMA foreign_keys = ON;
`;

/**
 * The numbered schema migrations of `directory.sqlite`: entry i takes the file from
 * `PRAGMA user_version` i to i + 1. Append only; never edit a released entry.
 */
export const DIRECTORY_SQLITE_MIGRATIONS: readonly string[] = [
  // 1: agents, sessions, API tokens, settings.
  `
  CREATE TABLE agents (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    languages TEXT NOT NULL,
    sites TEXT,
    regions TEXT,
    capacity INTEGER NOT NULL,
    password_hash TEXT NOT NULL,
    totp_secret TEXT,
    pending_totp_secret TEXT,
    is_disabled INTEGER NOT NULL DEFAULT 0,
    ui_locale TEXT,
    time_zone TEXT,
    can_reveal_personal_data INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX agents_by_created ON agents (created_at, id);

  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    agent_id TEXT NOT NULL REFERENCES agents (id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE INDEX sessions_by_agent ON sessions (agent_id);

  CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    agent_id TEXT NOT NULL REFERENCES agents (id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    scopes TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
  );
  CREATE INDEX api_tokens_by_agent ON api_tokens (agent_id, created_at);

  CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  // 2: live translation: characters machine-translated per site and month; sites' own canned replies.
  `
  CREATE TABLE translation_usage (
    site_key TEXT NOT NULL,
    month TEXT NOT NULL,
    characters INTEGER NOT NULL,
    PRIMARY KEY (site_key, month)
  );

  CREATE TABLE site_canned_replies (
    site_key TEXT NOT NULL,
    key TEXT NOT NULL,
    title TEXT NOT NULL,
    bodies TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (site_key, key)
  );
  `,
];

/** The schema version this build writes and understands. */
export const DIRECTORY_SQLITE_VERSION = DIRECTORY_SQLITE_MIGRATIONS.length;
