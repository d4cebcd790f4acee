import { AGENT_COMMAND_SCHEMAS, ParleyError } from '@parley/protocol';
import type { CannedReplyOption, TranslationPreviewResult, TranslationState } from '@parley/protocol';
import { answer, parsePayload } from '../../socket/socket-edge.ts';
import type { AgentActions } from '../agent/agent-actions.ts';
import { assertMayWrite } from '../agent/agent-handshake.ts';
import type { AgentFeature } from '../agent/agent-feature.ts';
import type { AgentSocket } from '../agent/agent-types.ts';
import { cannedCatalogue, cannedOption } from './canned-catalogue.ts';
import { cannedValues } from './compose-reply.ts';
import { announceTranslationState } from './translation-fanout.ts';

/**
 * The translation commands of one agent socket: the preview of what the shopper will read,
 * switching translation off or on for a conversation, and the canned replies for it.
 */
export function registerTranslationCommands(feature: AgentFeature, actions: AgentActions, socket: AgentSocket): void {
  const log = feature.log.child({ socketId: socket.id, agentId: socket.data.agent.id });
  const me = () => socket.data.agent;
  const throttled = () => feature.limits.consumeEvent(me().id, feature.ipOf(socket.request));

  socket.on('translation:preview', (raw, ack) =>
    answer(ack, log, async (): Promise<TranslationPreviewResult> => {
      // A preview spends the site's characters: a read-only token may not.
      assertMayWrite(socket);
      await throttled();
      const payload = parsePayload(AGENT_COMMAND_SCHEMAS['translation:preview'], raw);
      const { region, conversation } = await actions.locate(me(), payload);
      const state = await feature.translation.state(region, conversation, me());
      if (!state.isActive) throw new ParleyError('PARLEY_ERR_TRANSLATION_UNAVAILABLE', 'This conversation does not translate for you.', { reason: state.reason });
      const outcome = await feature.translation.agentToShopper(region, conversation, payload.text, state.agentLang);
      if (!outcome.ok) throw new ParleyError('PARLEY_ERR_TRANSLATION_UNAVAILABLE', undefined, { reason: outcome.reason });
      if (!outcome.isCached) void announceTranslationState(feature, region, conversation).catch(() => undefined);
      return { text: outcome.text, provider: outcome.provider, isCached: outcome.isCached };
    }),
  );

  socket.on('conversation:translation', (raw, ack) =>
    answer(ack, log, async (): Promise<TranslationState> => {
      assertMayWrite(socket);
      await throttled();
      const payload = parsePayload(AGENT_COMMAND_SCHEMAS['conversation:translation'], raw);
      const { region, conversation } = await actions.locate(me(), payload);
      const at = feature.now().toISOString();
      const updated = (await feature.conversations.store(region).updateConversation(conversation.id, { translation: { isOff: payload.isOff, by: me().id, at } })) ?? conversation;
      await feature.conversations.audit(region, { conversationId: conversation.id, actorId: me().id, action: 'conversation.translation', details: { isOff: payload.isOff } });
      // Every follower's console switches; each reads the state for their own language.
      await announceTranslationState(feature, region, updated);
      return feature.translation.state(region, updated, me());
    }),
  );

  socket.on('canned:list', (raw, ack) =>
    answer(ack, log, async (): Promise<{ replies: CannedReplyOption[] }> => {
      await throttled();
      const ref = parsePayload(AGENT_COMMAND_SCHEMAS['canned:list'], raw);
      const { region, conversation } = await actions.locate(me(), ref);
      const state = await feature.translation.state(region, conversation, me());
      const values = await cannedValues(feature, region, conversation, me());
      const canTranslate = feature.translation.isConfigured && state.reason !== 'no_provider' && state.reason !== 'unsupported_pair';
      const entries = await cannedCatalogue(feature.sites.get(conversation.siteKey), conversation.siteKey, feature.directory);
      const agentLocale = me().uiLocale ?? state.agentLang;
      return { replies: entries.map((entry) => cannedOption(entry, { agentLocale, shopperLocale: conversation.locale, values, canTranslate })) };
    }),
  );
}
