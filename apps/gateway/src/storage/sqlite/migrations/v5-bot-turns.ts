import type { DatabaseSync } from 'node:sqlite';

/**
 * Version 5: a message the bot owes an answer carries `awaits_bot = 1`, written in the same row
 * (and transaction) as the message, cleared to NULL once the bot's turn is settled. The sweep
 * after a crash asks for the owed ones oldest first: a partial index holds only those rows (a
 * handful at any time, however many messages the region has), ordered by when they were stored.
 * Existing rows owe nothing. Frozen once released.
 */
const V5_STATEMENTS = `
ALTER TABLE messages ADD COLUMN awaits_bot INTEGER;
CREATE INDEX messages_awaiting_bot ON messages (created_at) WHERE awaits_bot = 1;
`;

/** Adds the bot-turn mark and its index; runs once, inside the runner's transaction. */
export function migrateToV5(db: DatabaseSync): void {
  db.exec(V5_STATEMENTS);
}
