import type { Note } from '@parley/protocol';

/** An internal note on a conversation, as stored in its region: the wire's `Note`, never sent to the shopper. */
export type NoteRecord = Note;

/** The internal notes of one region. */
export interface NotePort {
  /** Stores a note; a second call with the same `(conversationId, clientNoteId)` returns the first. */
  addNote(note: NoteRecord): Promise<{ note: NoteRecord; isDuplicate: boolean }>;
  /** A conversation's notes, oldest first. */
  listNotes(conversationId: string): Promise<NoteRecord[]>;
}
