import type { FastifyBaseLogger } from 'fastify';
import { AGENT_NAMESPACE } from '@parley/protocol';
import type { ClientIpOf } from '../../security/client-ip.ts';
import type { SocketRateLimits } from '../../security/rate-limits.ts';
import type { SiteRegistry } from '../../sites/site-registry.ts';
import type { SiteServices } from '../../sites/site-services.ts';
import type { DirectoryStore } from '../../storage/directory/directory-store.ts';
import type { ConversationRecord } from '../../storage/region-store.ts';
import type { Authenticator } from '../accounts/principal.ts';
import type { ConversationEvents } from '../conversations/conversation-events.ts';
import type { ConversationService } from '../conversations/conversation-service.ts';
import { AssignmentRouter } from '../routing/assignment-router.ts';
import { AgentActions } from './agent-actions.ts';
import { onAgentConnection, sharesSite } from './agent-connection.ts';
import type { AgentFeature } from './agent-feature.ts';
import { subscribeAgentFanout } from './agent-fanout.ts';
import { createAgentHandshake } from './agent-handshake.ts';
import type { AgentNamespace } from './agent-types.ts';
import { ConversationLocator } from './locate-conversation.ts';
import { PresenceTracker } from './presence.ts';
import type { ConversationTranslation } from '../translation/conversation-translation.ts';
import { subscribeTranslationFanout } from '../translation/translation-fanout.ts';
import { ViewerRegistry } from './viewers.ts';

const HELD = new Set(['open', 'pending']);

/** Whether a change took a conversation off its assignee's load. */
function frees(previous: ConversationRecord, next: ConversationRecord): boolean {
  if (!previous.assigneeId || !HELD.has(previous.status ?? 'bot')) return false;
  return next.assigneeId !== previous.assigneeId || !HELD.has(next.status ?? 'bot');
}

/** What the `/agent` namespace is built from. */
export interface AgentNamespaceDeps {
  io: { of(name: string): unknown };
  events: ConversationEvents;
  conversations: ConversationService;
  directory: DirectoryStore;
  authenticator: Authenticator;
  sites: SiteRegistry;
  services: SiteServices;
  limits: SocketRateLimits;
  ipOf: ClientIpOf;
  log: FastifyBaseLogger;
  /** How long an agent whose last console closed stays "away" before going offline. */
  offlineAfterMs: number;
  /** How often open agent sockets are authenticated again (default 30 s). */
  recheckAuthMs?: number;
  translation: ConversationTranslation;
  now?: () => Date;
}

/**
 * Attaches the agents' real-time API: handshake, commands, fan-out of the pipeline's events,
 * presence (broadcast to the team, and driving routing: online → take from the queue, offline
 * → their waiting shoppers are routed again).
 */
export function attachAgentNamespace(deps: AgentNamespaceDeps): { feature: AgentFeature; actions: AgentActions; close(): void } {
  const namespace = deps.io.of(AGENT_NAMESPACE) as AgentNamespace;
  const presence = new PresenceTracker({
    offlineAfterMs: deps.offlineAfterMs,
    onChange: (agentId, status) => {
      void (async () => {
        const agent = await deps.directory.getAgent(agentId);
        if (!agent) return;
        const presence = { agentId, name: agent.name, status, load: await routing.loadOf(agentId) };
        // Only colleagues who share a site with them see it (the same rule as agent:ready's team).
        for (const socket of await namespace.fetchSockets()) {
          if (sharesSite(socket.data.agent.sites, agent.sites)) socket.emit('presence:changed', presence);
        }
        if (status === 'online') await routing.drainQueue(`${agentId} came online`);
        if (status === 'offline') await routing.reassignFrom(agentId);
      })().catch((error: unknown) => deps.log.error({ err: error, agentId }, 'presence change could not be handled'));
    },
  });
  // Presence calls back only once agents connect, after routing exists.
  const routing: AssignmentRouter = new AssignmentRouter({ directory: deps.directory, presence, conversations: deps.conversations, log: deps.log });
  const feature: AgentFeature = {
    namespace,
    conversations: deps.conversations,
    directory: deps.directory,
    presence,
    routing,
    viewers: new ViewerRegistry(),
    locator: new ConversationLocator((region) => deps.conversations.store(region)),
    sites: deps.sites,
    services: deps.services,
    limits: deps.limits,
    ipOf: deps.ipOf,
    log: deps.log,
    now: deps.now ?? (() => new Date()),
    authenticator: deps.authenticator,
    recheckAuthMs: deps.recheckAuthMs ?? 30_000,
    translation: deps.translation,
  };
  namespace.use(createAgentHandshake({ authenticator: deps.authenticator, limits: deps.limits, ipOf: deps.ipOf, log: deps.log }));
  const actions = new AgentActions(feature);
  namespace.on('connection', (socket) => onAgentConnection(feature, actions, socket));
  subscribeAgentFanout(feature, deps.events);
  subscribeTranslationFanout(feature, deps.events);
  // A hand-off queues the conversation; routing gives it to someone who can take it now.
  deps.events.on('conversation.changed', ({ region, conversation, previous }) => {
    if (conversation.status === 'open' && !conversation.assigneeId && conversation.waitingSince) void routing.route(region, conversation);
    // A seat freed (resolved, snoozed, handed on): the queue moves.
    if (previous && frees(previous, conversation)) void routing.drainQueue(`a seat of ${previous.assigneeId} freed`);
  });
  return { feature, actions, close: () => presence.close() };
}
