import type { Author } from '@parley/protocol';

/** An internal note on a conversation; stored in the conversation's region, never sent to the shopper. */
export interface NoteRecord {
  id: string;
  conversationId: string;
  /** Idempotency key from the agent's client. */
  clientNoteId: string;
  author: Author;
  text: string;
  createdAt: string;
}

/** The internal notes of one region. */
export interface NotePort {
  /** Stores a note; a second call with the same `(conversationId, clientNoteId)` returns the first. */
  addNote(note: NoteRecord): Promise<{ note: NoteRecord; isDuplicate: boolean }>;
  /** A conversation's notes, oldest first. */
  listNotes(conversationId: string): Promise<NoteRecord[]>;
}
