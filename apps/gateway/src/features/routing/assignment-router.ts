import { REGIONS } from '@parley/protocol';
import type { Region } from '@parley/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { DirectoryStore } from '../../storage/directory/directory-store.ts';
import type { ConversationRecord } from '../../storage/region-store.ts';
import type { PresenceTracker } from '../agent/presence.ts';
import type { ConversationService } from '../conversations/conversation-service.ts';
import { chooseAgent, mayTake } from './choose-agent.ts';
import type { RoutingCandidate } from './choose-agent.ts';

/** The actor id routing writes into audit entries. */
export const ROUTING_ACTOR = 'system:routing';
const HELD_STATUSES = ['open', 'pending'] as const;
const QUEUE_DRAIN_LIMIT = 50;

/** What routing needs. */
export interface AssignmentRouterDeps {
  directory: DirectoryStore;
  presence: PresenceTracker;
  conversations: ConversationService;
  log: FastifyBaseLogger;
}

/**
 * Assigns queued conversations to people: on hand-off, when an agent comes online (they take
 * from the queue, oldest first, up to capacity), and when an agent goes offline while shoppers
 * wait on them (those conversations are queued again and re-routed). One routing pass at a
 * time in this process, so two hand-offs cannot both count the same free seat.
 */
export class AssignmentRouter {
  readonly #deps: AssignmentRouterDeps;
  #chain: Promise<unknown> = Promise.resolve();

  constructor(deps: AssignmentRouterDeps) {
    this.#deps = deps;
  }

  /**
   * Whether someone could take a conversation of this site and region now: online, not
   * disabled, allowed there, and with a free seat. The bot tells the shopper "a person is
   * joining" only then; a full team means the conversation waits in the queue, and it says so.
   */
  async isSomeoneAvailable(siteKey: string, region: Region): Promise<boolean> {
    if (this.#deps.presence.online().length === 0) return false;
    const candidates = await this.#candidates();
    return candidates.some(({ agent, load }) => load < agent.capacity && mayTake(agent, region, { siteKey }));
  }

  /** Tries to assign one queued conversation; resolves with the chosen agent id, if any. */
  route(region: Region, conversation: ConversationRecord): Promise<string | undefined> {
    return this.#serial(() => this.#route(region, conversation));
  }

  /**
   * A seat may have freed or an agent came online: give queued conversations to whoever may
   * take them now, oldest first. A conversation nobody online may take (another site, another
   * region) is passed over, not a wall for the ones behind it; the pass stops when nobody
   * online has a free seat.
   */
  drainQueue(reason: string): Promise<void> {
    return this.#serial(async () => {
      for (const region of REGIONS) {
        const queued = await this.#deps.conversations.store(region).listConversations({ statuses: ['open'], assigneeId: null, limit: QUEUE_DRAIN_LIMIT });
        for (const conversation of queued) {
          const candidates = await this.#candidates();
          if (!candidates.some(({ agent, load }) => load < agent.capacity)) return;
          await this.#route(region, conversation, candidates);
        }
      }
      this.#deps.log.debug({ reason }, 'queue drained');
    });
  }

  /** An agent went offline: conversations where the shopper waits on them are routed again. */
  reassignFrom(agentId: string): Promise<void> {
    return this.#serial(async () => {
      for (const region of REGIONS) {
        const held = await this.#deps.conversations.store(region).listConversations({ statuses: ['open'], assigneeId: agentId, limit: QUEUE_DRAIN_LIMIT });
        for (const conversation of held.filter((candidate) => candidate.waitingSince)) {
          const queued = await this.#deps.conversations.assign(region, conversation.id, null, ROUTING_ACTOR);
          await this.#route(region, queued);
        }
      }
    });
  }

  async #route(region: Region, queued: ConversationRecord, known?: RoutingCandidate[]): Promise<string | undefined> {
    // Routing runs one pass at a time: the record an event carried may be stale by now.
    const conversation = await this.#deps.conversations.store(region).getConversation(queued.id);
    if (!conversation || conversation.assigneeId || conversation.status !== 'open') return undefined;
    const candidates = known ?? (await this.#candidates());
    const chosen = chooseAgent(candidates, region, conversation);
    if (!chosen) return undefined;
    try {
      await this.#deps.conversations.assign(region, conversation.id, chosen.id, ROUTING_ACTOR, { expected: null });
    } catch (error) {
      // A person took it between the read and the write: theirs it is.
      if ((error as { code?: string }).code === 'PARLEY_ERR_CONVERSATION_ALREADY_ASSIGNED') return undefined;
      throw error;
    }
    this.#deps.log.info({ conversationId: conversation.id, region, agentId: chosen.id }, 'conversation routed to an agent');
    return chosen.id;
  }

  async #candidates(): Promise<RoutingCandidate[]> {
    const online = new Set(this.#deps.presence.online());
    const agents = (await this.#deps.directory.listAgents()).filter((agent) => online.has(agent.id) && !agent.isDisabled);
    return Promise.all(agents.map(async (agent) => ({ agent, load: await this.loadOf(agent.id) })));
  }

  /** Open and pending conversations assigned to the agent, across every region. */
  async loadOf(agentId: string): Promise<number> {
    const counts = await Promise.all(REGIONS.map((region) => this.#deps.conversations.store(region).countConversations({ statuses: HELD_STATUSES, assigneeId: agentId })));
    return counts.reduce((sum, count) => sum + count, 0);
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#chain.then(work, work);
    this.#chain = next.catch((error: unknown) => this.#deps.log.error({ err: error }, 'routing failed'));
    return next;
  }
}
