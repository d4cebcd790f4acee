import type { Collection } from 'mongodb';
import type { VisitorIdentityRecord, VisitorRecord } from '../region-store.ts';
import { assertStorable } from '../storable.ts';
import type { VisitorDoc } from './mongo-docs.ts';
import { guard, withoutUndefinedFields } from './mongo-support.ts';

/** Visitors in MongoDB; the verified identity is a sub-document. */
export class MongoVisitors {
  readonly #visitors: Collection<VisitorDoc>;

  constructor(visitors: Collection<VisitorDoc>) {
    this.#visitors = visitors;
  }

  async create(visitor: VisitorRecord): Promise<void> {
    assertStorable(visitor);
    const doc: VisitorDoc = { _id: visitor.id, siteKey: visitor.siteKey, createdAt: new Date(visitor.createdAt) };
    if (visitor.identity) doc.identity = withoutUndefinedFields(visitor.identity);
    await guard(() => this.#visitors.insertOne(doc));
  }

  async get(visitorId: string): Promise<VisitorRecord | null> {
    const doc = await guard(() => this.#visitors.findOne({ _id: visitorId }));
    if (!doc) return null;
    const visitor: VisitorRecord = { id: doc._id, siteKey: doc.siteKey, createdAt: doc.createdAt.toISOString() };
    if (doc.identity) visitor.identity = withoutUndefinedFields(doc.identity);
    return visitor;
  }

  async setIdentity(visitorId: string, identity: VisitorIdentityRecord): Promise<void> {
    assertStorable(identity);
    await guard(() => this.#visitors.updateOne({ _id: visitorId }, { $set: { identity: withoutUndefinedFields(identity) } }));
  }
}
