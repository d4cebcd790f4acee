import { AGENT_COMMAND_SCHEMAS, InboxQuerySchema, ParleyError } from '@parley/protocol';
import type { ConversationDetail } from '@parley/protocol';
import { answer, parsePayload } from '../../socket/socket-edge.ts';
import type { AgentActions } from './agent-actions.ts';
import { assertMayWrite } from './agent-handshake.ts';
import { maskingFor } from './agent-feature.ts';
import type { AgentFeature } from './agent-feature.ts';
import { followRoom } from './agent-types.ts';
import type { AgentSocket } from './agent-types.ts';
import { messageForAgent, noteForAgent } from './agent-views.ts';
import { buildContext } from './conversation-context.ts';
import { translateBacklog } from '../translation/translation-fanout.ts';

const OPEN_HISTORY_MAX = 1000;

/**
 * The acked commands of one agent socket: each validates its payload once, at the edge, and
 * calls the shared AgentActions; opening and leaving also follow the conversation's room and
 * update who is viewing it.
 */
export function registerAgentCommands(feature: AgentFeature, actions: AgentActions, socket: AgentSocket): void {
  const log = feature.log.child({ socketId: socket.id, agentId: socket.data.agent.id });
  const me = () => socket.data.agent;
  const announceViewers = (conversationId: string) =>
    feature.namespace.to(followRoom(conversationId)).emit('viewers:changed', { conversationId, viewers: feature.viewers.viewersOf(conversationId) });
  // Every command counts against the agent's and the IP's budget: opening a conversation writes
  // an audit entry and may call the shop's order webhook, and an inbox read runs many counts.
  const throttled = () => feature.limits.consumeEvent(me().id, feature.ipOf(socket.request));
  const writing = async () => {
    assertMayWrite(socket);
    await throttled();
  };

  socket.on('inbox:list', (raw, ack) =>
    answer(ack, log, async () => {
      await throttled();
      return actions.inbox(me(), parsePayload(InboxQuerySchema, raw));
    }),
  );

  socket.on('conversation:open', (raw, ack) =>
    answer(ack, log, async (): Promise<ConversationDetail> => {
      await throttled();
      const ref = parsePayload(AGENT_COMMAND_SCHEMAS['conversation:open'], raw);
      const { region, conversation } = await actions.locate(me(), ref);
      const store = feature.conversations.store(region);
      const masking = maskingFor(feature, conversation);
      const messages = await store.listMessages(conversation.id, { afterSeq: 0, limit: OPEN_HISTORY_MAX });
      const notes = await store.listNotes(conversation.id);
      const context = await buildContext({ region, conversation, messages, store, site: feature.sites.get(conversation.siteKey), services: feature.services, masking });
      await feature.conversations.audit(region, { conversationId: conversation.id, actorId: me().id, action: 'conversation.open' });
      // The console may have closed while the context was looked up: no ghost viewer then.
      if (socket.disconnected) throw new ParleyError('PARLEY_ERR_CLIENT_CLOSED');
      await socket.join(followRoom(conversation.id));
      feature.viewers.add(socket.id, conversation.id, me().id, me().name);
      announceViewers(conversation.id);
      const translation = await feature.translation.state(region, conversation, me());
      if (translation.isActive) translateBacklog(feature, socket, region, conversation, messages, translation.agentLang);
      return {
        conversation: actions.summary(region, conversation),
        messages: messages.map((message) => messageForAgent(message, masking)),
        notes: notes.map((note) => noteForAgent(note, masking)),
        context,
        viewers: feature.viewers.viewersOf(conversation.id),
        visitorReadSeq: conversation.visitorReadSeq ?? 0,
        agentReadSeq: conversation.agentReadSeq ?? 0,
        translation,
      };
    }),
  );

  socket.on('conversation:leave', (raw, ack) =>
    answer(ack, log, async () => {
      const ref = parsePayload(AGENT_COMMAND_SCHEMAS['conversation:leave'], raw);
      await socket.leave(followRoom(ref.conversationId));
      if (feature.viewers.remove(socket.id, ref.conversationId)) announceViewers(ref.conversationId);
      return { left: true as const };
    }),
  );

  socket.on('conversation:assign', (raw, ack) =>
    answer(ack, log, async () => {
      await writing();
      const payload = parsePayload(AGENT_COMMAND_SCHEMAS['conversation:assign'], raw);
      return actions.assign(me(), payload, payload.agentId);
    }),
  );

  socket.on('conversation:status', (raw, ack) =>
    answer(ack, log, async () => {
      await writing();
      const payload = parsePayload(AGENT_COMMAND_SCHEMAS['conversation:status'], raw);
      return actions.setStatus(me(), payload, payload.status, payload.snoozedUntil);
    }),
  );

  socket.on('agent:message:send', (raw, ack) =>
    answer(ack, log, async () => {
      await writing();
      const payload = parsePayload(AGENT_COMMAND_SCHEMAS['agent:message:send'], raw);
      return (await actions.send(me(), payload, payload)).message;
    }),
  );

  socket.on('note:add', (raw, ack) =>
    answer(ack, log, async () => {
      await writing();
      const payload = parsePayload(AGENT_COMMAND_SCHEMAS['note:add'], raw);
      return actions.note(me(), payload, payload);
    }),
  );

  socket.on('agent:history:fetch', (raw, ack) =>
    answer(ack, log, async () => {
      await throttled();
      const payload = parsePayload(AGENT_COMMAND_SCHEMAS['agent:history:fetch'], raw);
      return actions.history(me(), payload, payload.afterSeq, payload.limit);
    }),
  );

  socket.on('presence:set', (raw, ack) =>
    answer(ack, log, async () => {
      await writing();
      const { status } = parsePayload(AGENT_COMMAND_SCHEMAS['presence:set'], raw);
      feature.presence.choose(me().id, status);
      return { status: feature.presence.statusOf(me().id) };
    }),
  );

  socket.on('pii:reveal', (raw, ack) =>
    answer(ack, log, async () => {
      await writing();
      const payload = parsePayload(AGENT_COMMAND_SCHEMAS['pii:reveal'], raw);
      return { value: await actions.reveal(me(), payload, payload) };
    }),
  );
}
