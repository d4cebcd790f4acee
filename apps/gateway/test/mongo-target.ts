/** Where the MongoDB-wire tests point, or why they cannot run here. */
export interface MongoTestTarget {
  uri: string | null;
  label: string;
}

/**
 * Decides whether MongoDB-wire tests run. Under CI they must: a missing server fails the run.
 * Elsewhere they skip with one line saying why (e.g. no Go toolchain to build FerretDB).
 */
export function mongoTestTarget(uri: string | null, skipReason: string): MongoTestTarget {
  if (uri) return { uri, label: process.env['MONGODB_URI'] ? 'MONGODB_URI' : 'FerretDB (SQLite backend)' };
  if (process.env['CI']) throw new Error(`MongoDB-wire tests must run in CI but cannot: ${skipReason}`);
  console.warn(`Skipping MongoDB-wire tests: ${skipReason}`);
  return { uri: null, label: 'none' };
}
