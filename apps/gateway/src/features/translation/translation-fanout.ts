import type { Message, MessageTranslated, Region } from '@parley/protocol';
import type { ConversationRecord } from '../../storage/region-store.ts';
import type { ConversationEvents } from '../conversations/conversation-events.ts';
import { maskingFor } from '../agent/agent-feature.ts';
import type { AgentFeature } from '../agent/agent-feature.ts';
import { agentRoom, followRoom } from '../agent/agent-types.ts';
import type { AgentSocket } from '../agent/agent-types.ts';
import { translationForAgent } from '../agent/agent-views.ts';
import { languageOf } from '../routing/choose-agent.ts';
import { ConversationTranslation } from './conversation-translation.ts';

/**
 * Every follower's console learns the conversation's translation state (for their own
 * language): after a switch, and after characters were spent, so the usage shown is current.
 */
export async function announceTranslationState(feature: AgentFeature, region: Region, conversation: ConversationRecord): Promise<void> {
  for (const follower of await feature.namespace.in(followRoom(conversation.id)).fetchSockets()) {
    follower.emit('translation:changed', { conversationId: conversation.id, state: await feature.translation.state(region, conversation, follower.data.agent) });
  }
}

/** How many of the newest shopper messages opening a conversation translates, oldest first. */
export const OPEN_BACKLOG_MAX = 50;

/**
 * Translates one shopper message into `agentLang`, stores the translation beside the original
 * (in the conversation's region) and answers the `message:translated` event to send (masked).
 * A failure is an event too: the console shows the original with "translation unavailable".
 */
export async function translateForAgent(feature: AgentFeature, region: Region, conversation: ConversationRecord, message: Message, agentLang: string): Promise<MessageTranslated> {
  const lang = languageOf(agentLang);
  const base = { conversationId: conversation.id, messageId: message.id, lang };
  const existing = message.translations?.[lang];
  const masking = maskingFor(feature, conversation);
  if (existing) return { ...base, translation: { ...existing, text: translationForAgent(existing.text, masking) } };
  try {
    const outcome = await feature.translation.shopperToAgent(region, conversation, message, agentLang);
    if (!outcome.ok) return { ...base, error: { code: 'PARLEY_ERR_TRANSLATION_UNAVAILABLE', reason: outcome.reason } };
    await feature.conversations.store(region).addMessageTranslations(conversation.id, message.id, {
      original: { text: message.text, lang: message.locale ?? conversation.locale },
      translations: ConversationTranslation.entry(agentLang, outcome),
    });
    if (!outcome.isCached) void announceTranslationState(feature, region, conversation).catch(() => undefined);
    return { ...base, translation: { text: translationForAgent(outcome.text, masking), provider: outcome.provider } };
  } catch (error) {
    feature.log.warn({ err: error, conversationId: conversation.id, messageId: message.id }, 'translation failed');
    return { ...base, error: { code: 'PARLEY_ERR_TRANSLATION_UNAVAILABLE', reason: 'unavailable' } };
  }
}

/**
 * A new shopper message is translated once per language its readers need: the agents following
 * the conversation and its assignee, for whom the conversation translates. Never the bot's
 * messages (they come from the culture templates) and never notes.
 */
export function subscribeTranslationFanout(feature: AgentFeature, events: ConversationEvents): void {
  events.on('message.created', ({ region, conversation, message }) => {
    if (message.author.kind !== 'visitor' || !feature.translation.isConfigured) return;
    void (async () => {
      const rooms = [followRoom(conversation.id), ...(conversation.assigneeId ? [agentRoom(conversation.assigneeId)] : [])];
      const languages = new Set<string>();
      const seen = new Set<string>();
      for (const socket of await feature.namespace.in(rooms).fetchSockets()) {
        const agent = socket.data.agent;
        if (seen.has(agent.id)) continue;
        seen.add(agent.id);
        const state = await feature.translation.state(region, conversation, agent);
        if (state.isActive) languages.add(state.agentLang);
      }
      for (const agentLang of languages) {
        feature.namespace.to(rooms).emit('message:translated', await translateForAgent(feature, region, conversation, message, agentLang));
      }
    })().catch((error: unknown) => feature.log.warn({ err: error, conversationId: conversation.id }, 'translation fan-out failed'));
  });
}

/**
 * After an agent opens a conversation that translates: the shopper messages of the history not
 * yet in their language, newest {@link OPEN_BACKLOG_MAX}, one at a time, to that socket. The
 * open itself never waits for a provider.
 */
export function translateBacklog(feature: AgentFeature, socket: AgentSocket, region: Region, conversation: ConversationRecord, messages: readonly Message[], agentLang: string): void {
  const lang = languageOf(agentLang);
  const untranslated = messages.filter((message) => message.author.kind === 'visitor' && !message.translations?.[lang]);
  const owed = untranslated.slice(-OPEN_BACKLOG_MAX);
  // Older ones are not translated on open: say so, so no console waits for them ("Translating…").
  const skipped = untranslated.slice(0, Math.max(0, untranslated.length - OPEN_BACKLOG_MAX));
  // Opening the same conversation again while its backlog runs does not start a second one.
  const running = backlogs.get(socket) ?? new Set<string>();
  if (owed.length === 0 || running.has(conversation.id)) return;
  running.add(conversation.id);
  backlogs.set(socket, running);
  // After the open's ack has gone out: the console knows the messages before their translations.
  setImmediate(() => void (async () => {
    for (const message of skipped) {
      socket.emit('message:translated', { conversationId: conversation.id, messageId: message.id, lang, error: { code: 'PARLEY_ERR_TRANSLATION_UNAVAILABLE', reason: 'older_than_backlog' } });
    }
    for (const message of owed) {
      // Stopped following (closed it, or evicted when it was reassigned away): no more of it.
      if (socket.disconnected || !socket.rooms.has(followRoom(conversation.id))) return;
      const event = await translateForAgent(feature, region, conversation, message, agentLang);
      if (socket.rooms.has(followRoom(conversation.id))) socket.emit('message:translated', event);
    }
  })()
    .catch((error: unknown) => feature.log.warn({ err: error, conversationId: conversation.id }, 'translation backlog failed'))
    .finally(() => running.delete(conversation.id)));
}

/** The conversations whose backlog each socket is translating now. */
const backlogs = new WeakMap<AgentSocket, Set<string>>();
