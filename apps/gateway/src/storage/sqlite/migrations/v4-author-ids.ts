import type { DatabaseSync } from 'node:sqlite';

/**
 * Version 4: messages and notes keep their author's id (`a_…` for agents), so history shows
 * which agent wrote what, not just a name two agents may share. Rows from before stay
 * without one. Frozen once released.
 */
const V4_STATEMENTS = `
ALTER TABLE messages ADD COLUMN author_id TEXT;
ALTER TABLE notes ADD COLUMN author_id TEXT;
`;

/** Adds the author id columns; runs once, inside the runner's transaction. */
export function migrateToV4(db: DatabaseSync): void {
  db.exec(V4_STATEMENTS);
}
