import { MongoClient } from 'mongodb';
import { REGIONS } from '@parley/protocol';
import type { Region } from '@parley/protocol';
import type { StorageConfig } from '../config.ts';
import type { RegionStore } from '../storage/region-store.ts';
import { MongoRegionStore } from '../storage/mongo/mongo-region-store.ts';
import { SqliteRegionStore } from '../storage/sqlite/sqlite-region-store.ts';
import type { Site } from '../sites/site.ts';
import { regionForCountry } from './country-regions.ts';

const READY_TIMEOUT_MS = 2_000;

/**
 * The only place that knows where each region's data lives. Everything else asks it for the
 * store of a named region, so a conversation can only ever be written to its own region.
 */
export class RegionRouter {
  readonly #stores: ReadonlyMap<Region, RegionStore>;
  readonly #mongoClients: MongoClient[];

  private constructor(stores: Map<Region, RegionStore>, mongoClients: MongoClient[]) {
    this.#stores = stores;
    this.#mongoClients = mongoClients;
  }

  /** Opens every region's store and creates its schema or indexes; fails fast naming the region. */
  static async open(storage: StorageConfig): Promise<RegionRouter> {
    const stores = new Map<Region, RegionStore>();
    const clients = new Map<string, MongoClient>();
    for (const region of REGIONS) {
      if (storage.kind === 'sqlite') {
        stores.set(region, new SqliteRegionStore({ dataDir: storage.dataDir, region }));
        continue;
      }
      const { uri, dbName } = storage.uris[region];
      // Regions on one cluster share one client (one connection pool), each with its own database.
      const client = clients.get(uri) ?? new MongoClient(uri, { serverSelectionTimeoutMS: 5_000, w: 'majority' });
      clients.set(uri, client);
      stores.set(region, new MongoRegionStore({ client, dbName, region }));
    }
    const router = new RegionRouter(stores, [...clients.values()]);
    for (const [region, store] of stores) {
      try {
        await store.init();
      } catch (error) {
        await router.close();
        throw new Error(`Could not open the ${region} region's store: ${(error as Error).message}`, { cause: error });
      }
    }
    return router;
  }

  /** The store of `region`. */
  store(region: Region): RegionStore {
    const store = this.#stores.get(region);
    if (!store) throw new Error(`No store for region ${region}`);
    return store;
  }

  /** Which region a new conversation of `site` belongs to, given the shopper's country if known. */
  regionFor(site: Site, country: string | undefined): Region {
    if (site.residency.mode === 'fixed') return site.residency.region;
    return regionForCountry(country) ?? site.residency.defaultRegion;
  }

  /** Whether each region's store answers within a short timeout (for /readyz). */
  async readiness(): Promise<Record<Region, boolean>> {
    const entries = await Promise.all(
      [...this.#stores].map(async ([region, store]) => [region, await answersInTime(store)] as const),
    );
    return Object.fromEntries(entries) as Record<Region, boolean>;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.#stores.values()].map((store) => store.close()));
    await Promise.allSettled(this.#mongoClients.map((client) => client.close()));
  }
}

async function answersInTime(store: RegionStore): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  try {
    return await Promise.race([store.ping().then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
