import type { Collection, Db } from 'mongodb';
import { ParleyError } from '@parley/protocol';
import { DocumentWriteQueue } from '../mongo/mongo-support.ts';
import { guard, isDuplicateKey } from './mongo-directory-schema.ts';
import { usageOf } from './site-records.ts';

/** One revision of a site's monthly count; `_id` `<siteKey>|<month>|<rev>`, `characters` the total after it. */
interface UsageRevisionDoc {
  _id: string;
  siteKey: string;
  month: string;
  rev: number;
  characters: number;
  at: Date;
}

/** Each attempt either succeeds or loses to an addition that succeeded; far more than gateways race in practice. */
const ADD_RETRY_LIMIT = 100;
/**
 * A revision is pruned only once this many newer ones exist and it is this old: an addition
 * that read it as the newest and has not inserted its successor yet would otherwise re-create
 * that successor with a stale total. Driver timeouts end such a straggler long before.
 */
const KEEP_REVISIONS = 64;
const KEEP_FOR_MS = 10 * 60_000;

/**
 * Machine-translation usage in the MongoDB directory, exact across gateways on every server.
 * Why not `$inc` with upsert: FerretDB v1 applies an update by reading the document and writing
 * it back whole with nothing held in between, so racing increments lose counts (the contract's
 * 20 parallel additions kept 30 of 200 characters). What every server makes atomic is a unique
 * `_id`, so each addition inserts the next revision of the count carrying the new total: the
 * first insert of revision `rev + 1` wins, a loser reads the newest again and retries. The
 * newest revision is found through the `by_site_month` index (on FerretDB v1 a scan, of a
 * collection kept small by pruning old revisions). Additions in this process queue per count,
 * so only other gateways ever make an addition retry.
 */
export class MongoTranslationUsage {
  readonly #revisions: Collection<UsageRevisionDoc>;
  readonly #queue = new DocumentWriteQueue();
  readonly #keepRevisions: number;
  readonly #keepForMs: number;

  /** The prune limits are options for tests only. */
  constructor(db: Db, options: { keepRevisions?: number; keepForMs?: number } = {}) {
    this.#revisions = db.collection('translation_usage');
    this.#keepRevisions = options.keepRevisions ?? KEEP_REVISIONS;
    this.#keepForMs = options.keepForMs ?? KEEP_FOR_MS;
  }

  async add(siteKey: string, month: string, characters: number): Promise<number> {
    const usage = usageOf(siteKey, month, characters);
    return this.#queue.run(`${usage.siteKey}|${usage.month}`, async () => {
      for (let attempt = 0; attempt < ADD_RETRY_LIMIT; attempt += 1) {
        const newest = await this.#newest(usage.siteKey, usage.month);
        const next: UsageRevisionDoc = {
          _id: `${usage.siteKey}|${usage.month}|${(newest?.rev ?? 0) + 1}`,
          siteKey: usage.siteKey,
          month: usage.month,
          rev: (newest?.rev ?? 0) + 1,
          characters: (newest?.characters ?? 0) + usage.characters,
          at: new Date(),
        };
        try {
          await guard(() => this.#revisions.insertOne(next));
        } catch (error) {
          if (!isDuplicateKey(error)) throw error;
          // Another gateway added first: step back a random moment so colliding ones spread out.
          await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 * (attempt + 1))));
          continue;
        }
        await this.#prune(next);
        return next.characters;
      }
      throw new ParleyError('PARLEY_ERR_INTERNAL_ERROR', 'Could not add to the translation usage.');
    });
  }

  async get(siteKey: string, month: string): Promise<number> {
    const usage = usageOf(siteKey, month);
    return (await this.#newest(usage.siteKey, usage.month))?.characters ?? 0;
  }

  async #newest(siteKey: string, month: string): Promise<UsageRevisionDoc | undefined> {
    const [newest] = await guard(() => this.#revisions.find({ siteKey, month }).sort({ rev: -1 }).limit(1).toArray());
    return newest;
  }

  /** Drops revisions long superseded; each addition does a little, so the collection stays small. */
  async #prune(latest: UsageRevisionDoc): Promise<void> {
    if (latest.rev <= this.#keepRevisions) return;
    await guard(() =>
      this.#revisions.deleteMany({
        siteKey: latest.siteKey,
        month: latest.month,
        rev: { $lt: latest.rev - this.#keepRevisions },
        at: { $lte: new Date(latest.at.getTime() - this.#keepForMs) },
      }),
    );
  }
}
