import type { Collection, Db } from 'mongodb';
import type { SiteCannedReplyRecord } from './directory-store.ts';
import { guard, isDuplicateKey } from './mongo-directory-schema.ts';
import { MongoTranslationUsage } from './mongo-translation-usage.ts';
import { cannedKeyOf, cannedReplyOf, siteKeyOf } from './site-records.ts';

/** A site's own canned reply; `_id` `<siteKey>|<key>` (keys hold no `|`, see site-records.ts). */
interface SiteCannedReplyDoc {
  _id: string;
  siteKey: string;
  key: string;
  title: string;
  bodies: Record<string, string>;
  updatedAt: Date;
  updatedBy: string;
}

/**
 * Per-site data in the MongoDB directory: translation usage (see mongo-translation-usage.ts for
 * why it is a ledger, not a counter) and the sites' own canned replies, replaced whole by `_id`.
 * Canned replies are few per site: listing filters on `siteKey` (an index on MongoDB, a scan of
 * a small collection on FerretDB v1).
 */
export class MongoDirectorySiteData {
  readonly #usage: MongoTranslationUsage;
  readonly #canned: Collection<SiteCannedReplyDoc>;

  constructor(db: Db) {
    this.#usage = new MongoTranslationUsage(db);
    this.#canned = db.collection('site_canned_replies');
  }

  addTranslationUsage(siteKey: string, month: string, characters: number): Promise<number> {
    return this.#usage.add(siteKey, month, characters);
  }

  getTranslationUsage(siteKey: string, month: string): Promise<number> {
    return this.#usage.get(siteKey, month);
  }

  async listSiteCannedReplies(siteKey: string): Promise<SiteCannedReplyRecord[]> {
    const docs = await guard(() => this.#canned.find({ siteKey: siteKeyOf(siteKey) }).sort({ key: 1 }).toArray());
    return docs.map((doc) => ({
      siteKey: doc.siteKey,
      key: doc.key,
      title: doc.title,
      bodies: { ...doc.bodies },
      updatedAt: doc.updatedAt.toISOString(),
      updatedBy: doc.updatedBy,
    }));
  }

  async putSiteCannedReply(reply: SiteCannedReplyRecord): Promise<void> {
    const stored = cannedReplyOf(reply);
    const _id = `${stored.siteKey}|${stored.key}`;
    const doc: SiteCannedReplyDoc = { ...stored, _id, updatedAt: new Date(stored.updatedAt) };
    try {
      await guard(() => this.#canned.replaceOne({ _id }, doc, { upsert: true }));
    } catch (error) {
      // Two first saves raced to insert it: it exists now, so replace it.
      if (!isDuplicateKey(error)) throw error;
      await guard(() => this.#canned.replaceOne({ _id }, doc));
    }
  }

  async deleteSiteCannedReply(siteKey: string, key: string): Promise<boolean> {
    const ref = cannedKeyOf(siteKey, key);
    const result = await guard(() => this.#canned.deleteOne({ _id: `${ref.siteKey}|${ref.key}` }));
    return result.deletedCount > 0;
  }
}
