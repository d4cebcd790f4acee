import { ParleyError, REGIONS } from '@parley/protocol';
import type { ConversationRef, Region } from '@parley/protocol';
import type { AgentRecord } from '../../storage/directory/directory-store.ts';
import type { ConversationRecord, RegionStore } from '../../storage/region-store.ts';
import { assertMayRead, regionsOf } from './access.ts';

const REMEMBERED_MAX = 10_000;

/**
 * Finds which region holds a conversation an agent names, and checks they may read it. The
 * region comes with the reference when the console knows it (every summary carries it);
 * otherwise the agent's allowed regions are searched. A conversation in a region the agent is
 * barred from is refused as FORBIDDEN_REGION, its content never read.
 */
export class ConversationLocator {
  readonly #store: (region: Region) => RegionStore;
  readonly #regionOf = new Map<string, Region>();

  constructor(store: (region: Region) => RegionStore) {
    this.#store = store;
  }

  /** Remembers where a conversation lives (every event the gateway handles tells it). */
  remember(conversationId: string, region: Region): void {
    if (this.#regionOf.size >= REMEMBERED_MAX) this.#regionOf.clear();
    this.#regionOf.set(conversationId, region);
  }

  /** The conversation and its region, or a coded refusal. */
  async locate(agent: AgentRecord, ref: ConversationRef): Promise<{ region: Region; conversation: ConversationRecord }> {
    const allowed = regionsOf(agent);
    const known = ref.region ?? this.#regionOf.get(ref.conversationId);
    if (known && !allowed.includes(known)) throw new ParleyError('PARLEY_ERR_FORBIDDEN_REGION', undefined, { region: known });
    const candidates = known ? [known] : allowed;
    for (const region of candidates) {
      const conversation = await this.#store(region).getConversation(ref.conversationId);
      if (!conversation) continue;
      this.remember(conversation.id, region);
      assertMayRead(agent, region, conversation);
      return { region, conversation };
    }
    if (!known) {
      // Existence only, so the refusal can say why; nothing else of the record is used.
      for (const region of REGIONS.filter((candidate) => !allowed.includes(candidate))) {
        if (await this.#store(region).getConversation(ref.conversationId)) throw new ParleyError('PARLEY_ERR_FORBIDDEN_REGION', undefined, { region });
      }
    }
    throw new ParleyError('PARLEY_ERR_CONVERSATION_NOT_FOUND');
  }
}
