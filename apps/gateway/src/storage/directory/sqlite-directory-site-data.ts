import type { DatabaseSync } from 'node:sqlite';
import type { SiteCannedReplyRecord } from './directory-store.ts';
import { cannedKeyOf, cannedReplyOf, siteKeyOf, usageOf } from './site-records.ts';

/**
 * Per-site data in `directory.sqlite`: machine-translation usage per month and the site's own
 * canned replies. The usage addition is one upsert statement (`ON CONFLICT DO UPDATE … RETURNING`),
 * atomic on its own, so concurrent additions from the gateway and a CLI never lose a count.
 */
export class SqliteDirectorySiteData {
  readonly #db: DatabaseSync;

  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  addTranslationUsage(siteKey: string, month: string, characters: number): number {
    const usage = usageOf(siteKey, month, characters);
    const row = this.#db
      .prepare(`
        INSERT INTO translation_usage (site_key, month, characters) VALUES (?, ?, ?)
        ON CONFLICT (site_key, month) DO UPDATE SET characters = characters + excluded.characters
        RETURNING characters`)
      .get(usage.siteKey, usage.month, usage.characters);
    return Number(row?.['characters'] ?? 0);
  }

  getTranslationUsage(siteKey: string, month: string): number {
    const usage = usageOf(siteKey, month);
    const row = this.#db.prepare('SELECT characters FROM translation_usage WHERE site_key = ? AND month = ?').get(usage.siteKey, usage.month);
    return Number(row?.['characters'] ?? 0);
  }

  listSiteCannedReplies(siteKey: string): SiteCannedReplyRecord[] {
        return this.#db
      .prepare('SELECT * FROM site_canned_replies WHERE site_key = ? ORDER BY key')
      .all(siteKeyOf(siteKey))
      .map((row) => ({
        siteKey: String(row['site_key']),
        key: String(row['key']),
        title: String(row['title']),
        bodies: JSON.parse(String(row['bodies'])) as Record<string, string>,
        updatedAt: String(row['updated_at']),
        updatedBy: String(row['updated_by']),
      }));
  }

  putSiteCannedReply(reply: SiteCannedReplyRecord): void {
    const stored = cannedReplyOf(reply);
    this.#db
      .prepare(`
        INSERT INTO site_canned_replies (site_key, key, title, bodies, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (site_key, key) DO UPDATE SET
          title = excluded.title, bodies = excluded.bodies, updated_at = excluded.updated_at, updated_by = excluded.updated_by`)
      .run(stored.siteKey, stored.key, stored.title, JSON.stringify(stored.bodies), stored.updatedAt, stored.updatedBy);
  }

  deleteSiteCannedReply(siteKey: string, key: string): boolean {
    const ref = cannedKeyOf(siteKey, key);
    const result = this.#db.prepare('DELETE FROM site_canned_replies WHERE site_key = ? AND key = ?').run(ref.siteKey, ref.key);
    return Number(result.changes) > 0;
  }
}
