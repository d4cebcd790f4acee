import type { Collection } from 'mongodb';
import { ParleyError } from '@parley/protocol';
import type { Author } from '@parley/protocol';
import { isoTime } from '../conversation-fields.ts';
import type { NoteRecord } from '../region-store.ts';
import { assertStorable } from '../storable.ts';
import type { NoteDoc } from './mongo-docs.ts';
import { guard, isDuplicateKey } from './mongo-support.ts';

/** Internal notes in MongoDB, idempotent through the unique `(conversationId, clientNoteId)` index. */
export class MongoNotes {
  readonly #notes: Collection<NoteDoc>;

  constructor(notes: Collection<NoteDoc>) {
    this.#notes = notes;
  }

  async add(input: NoteRecord): Promise<{ note: NoteRecord; isDuplicate: boolean }> {
    assertStorable(input, 'note');
    const note: NoteRecord = { ...input, createdAt: isoTime(input.createdAt, 'createdAt') };
    const doc: NoteDoc = {
      _id: note.id,
      conversationId: note.conversationId,
      clientNoteId: note.clientNoteId,
      author: authorOf(note.author),
      text: note.text,
      createdAt: new Date(note.createdAt),
    };
    try {
      await guard(() => this.#notes.insertOne(doc));
      return { note: toNote(doc), isDuplicate: false };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const existing = await guard(() => this.#notes.findOne({ conversationId: note.conversationId, clientNoteId: note.clientNoteId }));
      if (existing) return { note: toNote(existing), isDuplicate: true };
      // Only the id collided, with a different note: never overwrite or merge another note.
      throw new ParleyError('PARLEY_ERR_INTERNAL_ERROR', `Note id ${note.id} is taken by another note.`);
    }
  }

  /** Oldest first; notes of the same instant by id. */
  async list(conversationId: string): Promise<NoteRecord[]> {
    const docs = await guard(() => this.#notes.find({ conversationId }).sort({ createdAt: 1, _id: 1 }).toArray());
    return docs.map(toNote);
  }
}

function toNote(doc: NoteDoc): NoteRecord {
  return {
    id: doc._id,
    conversationId: doc.conversationId,
    clientNoteId: doc.clientNoteId,
    author: authorOf(doc.author),
    text: doc.text,
    createdAt: doc.createdAt.toISOString(),
  };
}

/** An author with only the fields it has (the driver would store undefined as null). */
function authorOf(author: Author): Author {
  return { kind: author.kind, ...(author.id ? { id: author.id } : {}), ...(author.name ? { name: author.name } : {}) };
}
