/**
 * The name the embedded store had before the region store was split by kind of record; kept
 * so callers (the region router, tests) compile unchanged while they move to `SqliteRegionStore`.
 */
export { SqliteRegionStore as SqliteConversationStore } from './sqlite-region-store.ts';
