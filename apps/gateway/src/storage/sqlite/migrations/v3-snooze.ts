import type { DatabaseSync } from 'node:sqlite';

/**
 * Version 3: the snooze sweep asks for conversations whose `snoozed_until` is at or before now.
 * A partial index holds only snoozed rows (most have none), and SQLite uses it for any
 * comparison on the column, since a comparison implies `IS NOT NULL`. Frozen once released.
 */
const V3_STATEMENTS = `
CREATE INDEX conversations_by_snooze ON conversations (snoozed_until) WHERE snoozed_until IS NOT NULL;
`;

/** Adds the snooze index; runs once, inside the runner's transaction. */
export function migrateToV3(db: DatabaseSync): void {
  db.exec(V3_STATEMENTS);
}
