import type { DatabaseSync } from 'node:sqlite';

/**
 * Version 6: live translation. A conversation's translation switch is a JSON column (absent:
 * on). The translations of a message live in its `meta` JSON, beside the bot fields, so messages
 * need no change. Machine translations already paid for are kept in `translation_cache`, looked
 * up only by their key (a hash of provider, languages and the shielded text). Existing rows
 * have neither: their conversations read as translation on, their messages as untranslated.
 * Frozen once released.
 */
const V6_STATEMENTS = `
ALTER TABLE conversations ADD COLUMN translation TEXT;
CREATE TABLE translation_cache (
  key TEXT PRIMARY KEY,
  text TEXT NOT NULL,
  provider TEXT NOT NULL,
  stored_at TEXT NOT NULL
);
`;

/** Adds the translation switch and the translation cache; runs once, inside the runner's transaction. */
export function migrateToV6(db: DatabaseSync): void {
  db.exec(V6_STATEMENTS);
}
