import type { RegionStore } from './region-store.ts';

export type * from './region-store.ts';
export { SEQ_RETRY_LIMIT } from './region-store.ts';

/**
 * The port's name before it was split by kind of record; kept so callers compile unchanged
 * while they move to `RegionStore` (`./region-store.ts`).
 */
export type ConversationStore = RegionStore;
