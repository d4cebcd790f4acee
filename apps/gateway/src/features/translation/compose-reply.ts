import { ParleyError } from '@parley/protocol';
import type { Region } from '@parley/protocol';
import type { CannedValues } from '@parley/culture';
import type { AgentRecord } from '../../storage/directory/directory-store.ts';
import type { ConversationRecord, NewMessage } from '../../storage/region-store.ts';
import type { AgentFeature } from '../agent/agent-feature.ts';
import { languageOf } from '../routing/choose-agent.ts';
import { cannedCatalogue } from './canned-catalogue.ts';
import { ConversationTranslation } from './conversation-translation.ts';
import type { TranslateOutcome } from './machine-translator.ts';

/** What an agent asked to send. */
export interface ReplyInput {
  text: string;
  untranslated?: boolean | undefined;
  cannedKey?: string | undefined;
}

/** The stored fields of a reply: what the shopper reads, and what the agent wrote. */
export type ComposedReply = Pick<NewMessage, 'text' | 'original' | 'translations' | 'canned'>;

/**
 * An agent's reply as it will be stored. In a conversation that translates for this agent the
 * text is translated for the shopper, the agent's words kept as `original`; if that fails the
 * send is refused (`PARLEY_ERR_TRANSLATION_UNAVAILABLE`, nothing stored) unless the agent
 * confirmed sending it as written (`untranslated`). A canned reply is sent as written natively
 * in the shopper's locale, and machine-translated only when it has no version there.
 */
export async function composeReply(feature: AgentFeature, region: Region, conversation: ConversationRecord, agent: AgentRecord, input: ReplyInput): Promise<ComposedReply> {
  if (input.cannedKey) return composeCanned(feature, region, conversation, agent, input.cannedKey, input.untranslated === true);
  const state = await feature.translation.state(region, conversation, agent);
  if (!state.isActive || input.untranslated) return { text: input.text };
  const outcome = await feature.translation.agentToShopper(region, conversation, input.text, state.agentLang);
  if (!outcome.ok) throw refusal(outcome);
  return {
    text: outcome.text,
    original: { text: input.text, lang: state.agentLang },
    translations: ConversationTranslation.entry(conversation.locale, outcome),
  };
}

/** The values a canned reply may use, from what the conversation knows. */
export async function cannedValues(feature: AgentFeature, region: Region, conversation: ConversationRecord, agent: AgentRecord): Promise<CannedValues> {
  const visitor = await feature.conversations.store(region).getVisitor(conversation.visitorId);
  return {
    shopper: { name: visitor?.identity?.name },
    order: { number: conversation.botSummary?.orderNumber },
    agent: { name: agent.name },
  };
}

async function composeCanned(feature: AgentFeature, region: Region, conversation: ConversationRecord, agent: AgentRecord, key: string, isUntranslated: boolean): Promise<ComposedReply> {
  const site = feature.sites.get(conversation.siteKey);
  const entry = (await cannedCatalogue(site, conversation.siteKey, feature.directory)).find((candidate) => candidate.key === key);
  if (!entry) throw new ParleyError('PARLEY_ERR_CANNED_REPLY_NOT_FOUND', undefined, { key });
  const values = await cannedValues(feature, region, conversation, agent);
  const state = await feature.translation.state(region, conversation, agent);
  const agentSide = entry.render(state.agentLang, values);
  const native = entry.render(conversation.locale, values);
  if (native) {
    if (!native.ok) throw new ParleyError('PARLEY_ERR_CANNED_REPLY_INCOMPLETE', undefined, { key, missing: native.missing });
    const sameLanguage = languageOf(state.agentLang) === languageOf(conversation.locale);
    // The agent reads their own language's version beside the shopper's: no translation spent.
    const translations = !sameLanguage && agentSide?.ok ? { [languageOf(state.agentLang)]: { text: agentSide.text, provider: 'canned' } } : undefined;
    return { text: native.text, canned: { key, isMachineTranslated: false }, ...(translations ? { translations } : {}) };
  }
  const source = entry.fallback(state.agentLang, values);
  if (!source.render.ok) throw new ParleyError('PARLEY_ERR_CANNED_REPLY_INCOMPLETE', undefined, { key, missing: source.render.missing });
  // No version in the shopper's locale: as written when the agent said so (or switched
  // translation off for this conversation), else machine-translated, names kept as they are.
  if (isUntranslated || state.isOff) return { text: source.render.text, canned: { key, isMachineTranslated: false } };
  if (!state.isActive && state.reason !== 'same_language') throw new ParleyError('PARLEY_ERR_TRANSLATION_UNAVAILABLE', undefined, { reason: state.reason });
  const names = [values.shopper?.name, values.agent?.name].filter((name): name is string => Boolean(name));
  const outcome = await feature.translation.agentToShopper(region, conversation, source.render.text, source.lang, names);
  if (!outcome.ok) throw refusal(outcome);
  return {
    text: outcome.text,
    original: { text: source.render.text, lang: source.lang },
    translations: ConversationTranslation.entry(conversation.locale, outcome),
    canned: { key, isMachineTranslated: true },
  };
}

function refusal(outcome: Extract<TranslateOutcome, { ok: false }>): ParleyError {
  return new ParleyError('PARLEY_ERR_TRANSLATION_UNAVAILABLE', undefined, { reason: outcome.reason });
}
