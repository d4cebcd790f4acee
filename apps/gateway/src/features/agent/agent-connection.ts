import { AGENT_COMMAND_SCHEMAS } from '@parley/protocol';
import type { AgentPresence } from '@parley/protocol';
import type { AgentActions } from './agent-actions.ts';
import { registerAgentCommands } from './agent-commands.ts';
import { registerTranslationCommands } from '../translation/translation-commands.ts';
import { authenticateSocket, mayWrite } from './agent-handshake.ts';
import type { AgentFeature } from './agent-feature.ts';
import { toAgentProfile } from '../accounts/agent-profile.ts';
import { agentRoom, followRoom } from './agent-types.ts';
import type { AgentSocket } from './agent-types.ts';

const TYPING_MIN_INTERVAL_MS = 500;

/** Whether two agents' allowed sites overlap (null = every site). */
export function sharesSite(a: string[] | null, b: string[] | null): boolean {
  return a === null || b === null || a.some((site) => b.includes(site));
}

/** Every agent sharing a site with `siteFilter`, with presence and load. */
export async function teamOf(feature: AgentFeature, siteFilter: string[] | null): Promise<AgentPresence[]> {
  const agents = await feature.directory.listAgents();
  return Promise.all(
    agents
      .filter((agent) => !agent.isDisabled && sharesSite(siteFilter, agent.sites))
      .map(async (agent) => ({ agentId: agent.id, name: agent.name, status: feature.presence.statusOf(agent.id), load: await feature.routing.loadOf(agent.id) })),
  );
}

/**
 * Wires one authenticated agent socket: its rooms, commands (registered before any await so no
 * early event is missed), typing and read receipts, presence, then `agent:ready`.
 */
export function onAgentConnection(feature: AgentFeature, actions: AgentActions, socket: AgentSocket): void {
  const agent = socket.data.agent;
  const log = feature.log.child({ socketId: socket.id, agentId: agent.id });
  // An integration holding a token is not a person: it never counts as online for routing.
  const isPresent = socket.data.principal.via === 'session';
  void socket.join(agentRoom(agent.id));
  registerAgentCommands(feature, actions, socket);
  registerTranslationCommands(feature, actions, socket);

  let lastTypingAt = 0;
  socket.on('agent:typing:set', (raw) => {
    const parsed = AGENT_COMMAND_SCHEMAS['agent:typing:set'].safeParse(raw);
    if (!mayWrite(socket)) return;
    const now = Date.now();
    // Best effort: malformed, too-frequent, or not-opened typing signals are dropped.
    if (!parsed.success || (parsed.data.isTyping && now - lastTypingAt < TYPING_MIN_INTERVAL_MS)) return;
    lastTypingAt = now;
    const { conversationId, isTyping } = parsed.data;
    if (!feature.viewers.setTyping(socket.id, conversationId, isTyping)) return;
    const current = socket.data.agent;
    void feature.locator.locate(current, parsed.data).then(
      ({ region }) => {
        feature.conversations.publishTyping(region, conversationId, { kind: 'agent', id: current.id, name: current.name }, isTyping);
        feature.namespace.to(followRoom(conversationId)).emit('viewers:changed', { conversationId, viewers: feature.viewers.viewersOf(conversationId) });
      },
      () => undefined,
    );
  });

  socket.on('agent:read:set', (raw) => {
    const parsed = AGENT_COMMAND_SCHEMAS['agent:read:set'].safeParse(raw);
    if (!parsed.success || !mayWrite(socket)) return;
    void feature.locator
      .locate(socket.data.agent, parsed.data)
      .then(({ region }) => feature.conversations.markRead(region, parsed.data.conversationId, 'agent', parsed.data.seq))
      .catch((error: unknown) => log.debug({ err: error }, 'read receipt dropped'));
  });

  // Sessions expire and get revoked, agents get disabled or change role: check again while open.
  // Only a console someone used since the last check keeps its session alive.
  let wasUsed = false;
  socket.use((_packet, next) => {
    wasUsed = true;
    next();
  });
  const recheck = setInterval(() => {
    const isUse = wasUsed;
    wasUsed = false;
    authenticateSocket(feature.authenticator, socket, { isUse }).then(
      (principal) => {
        socket.data.principal = principal;
        socket.data.agent = principal.agent;
      },
      (error: unknown) => {
        log.info({ code: (error as { code?: string }).code }, 'agent socket no longer authenticated; disconnecting');
        socket.disconnect(true);
      },
    );
  }, feature.recheckAuthMs);
  recheck.unref();

  socket.on('disconnect', () => {
    clearInterval(recheck);
    for (const conversationId of feature.viewers.drop(socket.id)) {
      feature.namespace.to(followRoom(conversationId)).emit('viewers:changed', { conversationId, viewers: feature.viewers.viewersOf(conversationId) });
    }
    if (isPresent) feature.presence.disconnected(agent.id);
  });

  if (isPresent) feature.presence.connected(agent.id);
  void teamOf(feature, agent.sites)
    .then((team) => socket.emit('agent:ready', { me: toAgentProfile(agent), team, presence: feature.presence.statusOf(agent.id) }))
    .catch((error: unknown) => {
      log.error({ err: error }, 'could not start the agent session; disconnecting so the console retries');
      socket.disconnect(true);
    });
}
