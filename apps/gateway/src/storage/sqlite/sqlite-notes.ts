import type { DatabaseSync } from 'node:sqlite';
import { ParleyError } from '@parley/protocol';
import type { AuthorKind } from '@parley/protocol';
import { isoTime } from '../conversation-fields.ts';
import type { NoteRecord } from '../region-store.ts';
import { assertStorable } from '../storable.ts';
import type { SqliteRow } from './sqlite-conversation-row.ts';

/** Internal notes in SQLite, idempotent on `(conversation_id, client_note_id)`. */
export class SqliteNotes {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  add(input: NoteRecord): { note: NoteRecord; isDuplicate: boolean } {
    assertStorable(input, 'note');
    const note: NoteRecord = { ...input, createdAt: isoTime(input.createdAt, 'createdAt') };
    const inserted = this.#db
      .prepare(
        `INSERT INTO notes (id, conversation_id, client_note_id, author_kind, author_name, author_id, text, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING *`,
      )
      .get(note.id, note.conversationId, note.clientNoteId, note.author.kind, note.author.name ?? null, note.author.id ?? null, note.text, note.createdAt);
    if (inserted) return { note: toNote(inserted), isDuplicate: false };
    const existing = this.#db
      .prepare('SELECT * FROM notes WHERE conversation_id = ? AND client_note_id = ?')
      .get(note.conversationId, note.clientNoteId);
    if (existing) return { note: toNote(existing), isDuplicate: true };
    // Only the id collided, with a different note: never overwrite or merge another note.
    throw new ParleyError('PARLEY_ERR_INTERNAL_ERROR', `Note id ${note.id} is taken by another note.`);
  }

  list(conversationId: string): NoteRecord[] {
    return this.#db.prepare('SELECT * FROM notes WHERE conversation_id = ? ORDER BY created_at, rowid').all(conversationId).map(toNote);
  }
}

function toNote(row: SqliteRow): NoteRecord {
  const kind = String(row['author_kind']) as AuthorKind;
  return {
    id: String(row['id']),
    conversationId: String(row['conversation_id']),
    clientNoteId: String(row['client_note_id']),
    author: {
      kind,
      ...(row['author_id'] === null || row['author_id'] === undefined ? {} : { id: String(row['author_id']) }),
      ...(row['author_name'] === null ? {} : { name: String(row['author_name']) }),
    },
    text: String(row['text']),
    createdAt: String(row['created_at']),
  };
}
