/**
 * The name the MongoDB store had before the region store was split by kind of record; kept so
 * callers (the region router, tests) compile unchanged while they move to `MongoRegionStore`.
 */
export { MongoRegionStore as MongoConversationStore } from './mongo-region-store.ts';
