import { randomUUID } from 'node:crypto';
import type { ConversationRecord, RegionStore } from '../region-store.ts';

/**
 * Opens a store over the data named `location`; opening the same location again must see the
 * same data (that is how the suite checks durability across a restart).
 */
export type OpenStore = (location: string) => Promise<RegionStore>;

/** What an adapter gives the suite besides opening a store: raw writes the port cannot make. */
export interface ContractHooks {
  /**
   * Writes a conversation as releases before the agents' workspace did (only these fields, no
   * status, no inbox fields), behind the store's back, into the data at `location`.
   */
  writeLegacyConversation(
    location: string,
    conversation: Pick<ConversationRecord, 'id' | 'visitorId' | 'siteKey' | 'locale' | 'createdAt'>,
  ): Promise<void>;
}

/** Shared by the contract's parts: one location per suite run, stores closed at the end. */
export interface ContractKit {
  /** The location most cases share (they isolate themselves with fresh ids and site keys). */
  readonly location: string;
  readonly openStore: OpenStore;
  readonly hooks: ContractHooks;
  /** Opens and initialises a store at `location` (default: the shared one); closed after the suite. */
  open(location?: string): Promise<RegionStore>;
  /** Creates a visitor and a conversation on it; returns the conversation id. */
  newConversation(store: RegionStore, fields?: Partial<ConversationRecord>): Promise<string>;
}

/** Builds the kit; `closeAll` is for the suite's `afterAll`. */
export function contractKit(openStore: OpenStore, hooks: ContractHooks): ContractKit & { closeAll(): Promise<void> } {
  const location = `contract_${randomUUID().slice(0, 8)}`;
  const opened: RegionStore[] = [];
  return {
    location,
    openStore,
    hooks,
    async open(at = location) {
      const store = await openStore(at);
      await store.init();
      opened.push(store);
      return store;
    },
    async newConversation(store, fields = {}) {
      const visitorId = fields.visitorId ?? `v_${randomUUID()}`;
      const conversationId = fields.id ?? `c_${randomUUID()}`;
      const now = new Date().toISOString();
      if (!(await store.getVisitor(visitorId))) await store.createVisitor({ id: visitorId, siteKey: fields.siteKey ?? 'demo', createdAt: now });
      await store.createConversation({ siteKey: 'demo', locale: 'de-DE', createdAt: now, ...fields, id: conversationId, visitorId });
      return conversationId;
    },
    async closeAll() {
      for (const store of opened) await store.close();
    },
  };
}

/** A site key no other case uses, so a query narrowed to it sees only this case's data. */
export function freshSite(): string {
  return `site_${randomUUID().slice(0, 8)}`;
}
