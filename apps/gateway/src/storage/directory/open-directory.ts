import { MongoClient } from 'mongodb';
import type { MongoClientOptions } from 'mongodb';
import type { DirectoryConfig } from '../../config.ts';
import type { DirectoryStore } from './directory-store.ts';
import { MongoDirectoryStore } from './mongo-directory.ts';
import { SqliteDirectoryStore } from './sqlite-directory.ts';

/**
 * Opens the directory the configuration names and brings its schema up to date; fails fast
 * naming the directory. A MongoDB directory gets its own client, closed by the store's close().
 *
 * @example
 * const directory = await openDirectory(loadConfig(process.env).directory);
 */
export async function openDirectory(config: DirectoryConfig): Promise<DirectoryStore> {
  let store: DirectoryStore | undefined;
  try {
    store =
      config.kind === 'sqlite'
        ? new SqliteDirectoryStore({ dataDir: config.dataDir })
        : new MongoDirectoryStore({
            client: new MongoClient(config.uri, defaultsNotIn(config.uri)),
            dbName: config.dbName,
            ownsClient: true,
          });
    await store.init();
    return store;
  } catch (error) {
    await store?.close();
    const where = config.kind === 'sqlite' ? `${config.dataDir}/directory.sqlite` : `MongoDB database ${config.dbName}`;
    throw new Error(`Could not open the directory (${where}): ${(error as Error).message}`, { cause: error });
  }
}

/** Fail fast and write to a majority, unless the operator's URI says otherwise (it wins). */
function defaultsNotIn(uri: string): MongoClientOptions {
  const named = (option: string): boolean => new RegExp(`[?&]${option}=`, 'i').test(uri);
  return {
    ...(named('serverSelectionTimeoutMS') ? {} : { serverSelectionTimeoutMS: 5_000 }),
    ...(named('w') ? {} : { w: 'majority' as const }),
  };
}
