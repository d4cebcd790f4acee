import type { Collection } from 'mongodb';
import { isoTime } from '../conversation-fields.ts';
import type { AuditRecord } from '../region-store.ts';
import { assertStorable } from '../storable.ts';
import type { AuditDoc } from './mongo-docs.ts';
import { guard, isDuplicateKey, withoutUndefinedFields } from './mongo-support.ts';

/** The audit trail in MongoDB: inserts only (a repeated id is a retry and stores nothing). */
export class MongoAudit {
  readonly #audit: Collection<AuditDoc>;

  constructor(audit: Collection<AuditDoc>) {
    this.#audit = audit;
  }

  async append(entry: AuditRecord): Promise<void> {
    assertStorable(entry, 'audit');
    const doc: AuditDoc = {
      _id: entry.id,
      conversationId: entry.conversationId,
      actorId: entry.actorId,
      action: entry.action,
      at: new Date(isoTime(entry.at, 'at')),
    };
    if (entry.details !== undefined) doc.details = withoutUndefinedFields(entry.details);
    try {
      await guard(() => this.#audit.insertOne(doc));
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /** Oldest first; entries of the same instant by id (MongoDB keeps no portable insertion order). */
  async list(conversationId: string): Promise<AuditRecord[]> {
    const docs = await guard(() => this.#audit.find({ conversationId }).sort({ at: 1, _id: 1 }).toArray());
    return docs.map((doc) => {
      const entry: AuditRecord = { id: doc._id, conversationId: doc.conversationId, actorId: doc.actorId, action: doc.action, at: doc.at.toISOString() };
      if (doc.details !== undefined) entry.details = doc.details;
      return entry;
    });
  }
}
