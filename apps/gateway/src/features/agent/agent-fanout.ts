import type { Region } from '@parley/protocol';
import type { ConversationRecord } from '../../storage/region-store.ts';
import type { ConversationEvents } from '../conversations/conversation-events.ts';
import { maySee } from './access.ts';
import { maskingFor } from './agent-feature.ts';
import type { AgentFeature } from './agent-feature.ts';
import { agentRoom, followRoom } from './agent-types.ts';
import { messageForAgent, noteForAgent, summaryOf } from './agent-views.ts';

/**
 * Carries the pipeline's facts to agents' consoles. An inbox change goes only to agents who may
 * see that conversation now (or saw it a moment ago, so it leaves their list): never a preview
 * to an agent barred from its site or region. Messages and notes go to agents following the
 * conversation and to its assignee, masked.
 */
export function subscribeAgentFanout(feature: AgentFeature, events: ConversationEvents): void {
  const { namespace } = feature;
  const audience = (region: Region, conversation: ConversationRecord, previous?: ConversationRecord) => {
    const rooms = new Set<string>([followRoom(conversation.id)]);
    for (const socket of namespace.sockets.values()) {
      const agent = socket.data.agent;
      if (maySee(agent, region, conversation) || (previous && maySee(agent, region, previous))) rooms.add(agentRoom(agent.id));
    }
    return [...rooms];
  };
  const notify = (region: Region, conversation: ConversationRecord, previous?: ConversationRecord) => {
    feature.locator.remember(conversation.id, region);
    namespace.to(audience(region, conversation, previous)).emit('conversation:changed', summaryOf(region, conversation, maskingFor(feature, conversation)));
  };

  /**
   * Followers who may no longer see the conversation (reassigned away from an `agent`, site or
   * region rights changed) leave its room before anything else is sent there, so they get no
   * more of its messages, notes, typing or viewers.
   */
  const evictFollowers = async (region: Region, conversation: ConversationRecord) => {
    const room = followRoom(conversation.id);
    for (const socket of await namespace.in(room).fetchSockets()) {
      if (maySee(socket.data.agent, region, conversation)) continue;
      socket.leave(room);
      if (feature.viewers.remove(socket.id, conversation.id)) {
        namespace.to(room).emit('viewers:changed', { conversationId: conversation.id, viewers: feature.viewers.viewersOf(conversation.id) });
      }
    }
  };

  events.on('conversation.changed', async ({ region, conversation, previous }) => {
    await evictFollowers(region, conversation);
    notify(region, conversation, previous);
  });

  events.on('message.created', ({ region, conversation, message }) => {
    const rooms = [followRoom(conversation.id), ...(conversation.assigneeId ? [agentRoom(conversation.assigneeId)] : [])];
    namespace.to(rooms).emit('message:created', messageForAgent(message, maskingFor(feature, conversation)));
    notify(region, conversation);
  });

  events.on('note.created', ({ conversation, note }) => {
    namespace.to(followRoom(conversation.id)).emit('note:created', noteForAgent(note, maskingFor(feature, conversation)));
  });

  events.on('typing.changed', ({ conversationId, author, isTyping }) => {
    if (author.kind !== 'visitor') return;
    namespace.to(followRoom(conversationId)).emit('typing:changed', { conversationId, author: { kind: 'visitor' }, isTyping });
  });

  events.on('read.changed', ({ conversationId, by, seq }) => {
    namespace.to(followRoom(conversationId)).emit('read:changed', { conversationId, by, seq });
  });
}
