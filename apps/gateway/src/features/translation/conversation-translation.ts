import type { Message, MessageTranslation, Region, TranslationState } from '@parley/protocol';
import type { DirectoryStore, AgentRecord } from '../../storage/directory/directory-store.ts';
import type { ConversationRecord } from '../../storage/region-store.ts';
import type { SiteRegistry } from '../../sites/site-registry.ts';
import type { MaskingOptions } from '../agent/agent-views.ts';
import { findPersonalData } from '../privacy/masking.ts';
import { languageOf } from '../routing/choose-agent.ts';
import { readingLanguageOf, speaks } from './languages.ts';
import { monthOf } from './machine-translator.ts';
import type { MachineTranslator, TranslateOutcome } from './machine-translator.ts';

/** How long an agent's reply or preview may wait for its translation, retries included (their client retries at 10 s). */
export const AGENT_DEADLINE_MS = 6_000;

/** What translating for one conversation needs besides the translator. */
export interface ConversationTranslationDeps {
  translator: MachineTranslator;
  sites: SiteRegistry;
  directory: DirectoryStore;
  /** How the conversation is masked for agents: its order formats and phone country. */
  masking: (conversation: ConversationRecord) => MaskingOptions;
  now: () => Date;
}

/**
 * Live translation for conversations: whether one translates for an agent, and the two
 * directions (a shopper's message into the agent's language; an agent's reply into the
 * shopper's). Every text goes through the MachineTranslator (shield, cache, budget).
 */
export class ConversationTranslation {
  readonly #deps: ConversationTranslationDeps;

  constructor(deps: ConversationTranslationDeps) {
    this.#deps = deps;
  }

  /** Whether any region has a provider at all (the console hides translation when none does). */
  get isConfigured(): boolean {
    return (['eu', 'us', 'br', 'sg', 'in'] as const).some((region) => this.#deps.translator.providerOf(region));
  }

  /** How the conversation translates for this agent, with the site's usage this month. */
  async state(region: Region, conversation: ConversationRecord, agent: Pick<AgentRecord, 'languages' | 'uiLocale'>): Promise<TranslationState> {
    const agentLang = readingLanguageOf(agent);
    const provider = this.#deps.translator.providerOf(region);
    const month = monthOf(this.#deps.now());
    const budget = this.#deps.sites.get(conversation.siteKey)?.translation?.monthlyCharacterBudget ?? null;
    const usage = { month, characters: await this.#deps.directory.getTranslationUsage(conversation.siteKey, month), budget };
    const isOff = conversation.translation?.isOff === true;
    const base = { isOff, agentLang, shopperLang: conversation.locale, provider: provider?.id ?? null, usage };
    if (speaks(agent, conversation.locale) || languageOf(agentLang) === languageOf(conversation.locale)) return { ...base, isActive: false, reason: 'same_language' };
    if (!provider) return { ...base, isActive: false, reason: 'no_provider' };
    if (isOff) return { ...base, isActive: false, reason: 'switched_off' };
    const both = (await provider.supports(conversation.locale, agentLang)) && (await provider.supports(agentLang, conversation.locale));
    return both ? { ...base, isActive: true } : { ...base, isActive: false, reason: 'unsupported_pair' };
  }

  /** A shopper's (stored, unmasked) message in `agentLang`; personal data never leaves. */
  async shopperToAgent(region: Region, conversation: ConversationRecord, message: Message, agentLang: string): Promise<TranslateOutcome> {
    return this.#translate(region, conversation, message.text, message.original?.lang ?? conversation.locale, agentLang);
  }

  /**
   * An agent's text in the shopper's language. The agent is waiting (and their client retries
   * after 10 s), so the whole call, retries included, has {@link AGENT_DEADLINE_MS}. `keep`:
   * more words never to translate (the names a canned reply filled in).
   */
  async agentToShopper(region: Region, conversation: ConversationRecord, text: string, agentLang: string, keep: readonly string[] = []): Promise<TranslateOutcome> {
    return this.#translate(region, conversation, text, agentLang, conversation.locale, { keep, signal: AbortSignal.timeout(AGENT_DEADLINE_MS) });
  }

  /** The stored form of a translation: by primary language, with the provider that made it. */
  static entry(lang: string, outcome: Extract<TranslateOutcome, { ok: true }>): Record<string, MessageTranslation> {
    return { [languageOf(lang)]: { text: outcome.text, provider: outcome.provider } };
  }

  async #translate(region: Region, conversation: ConversationRecord, text: string, from: string, to: string, options: { keep?: readonly string[]; signal?: AbortSignal } = {}): Promise<TranslateOutcome> {
    const site = this.#deps.sites.get(conversation.siteKey);
    const masking = this.#deps.masking(conversation);
    const personalData = findPersonalData(text, masking);
    const outcome = await this.#deps.translator.translate({
      region,
      siteKey: conversation.siteKey,
      text,
      from,
      to,
      personalData,
      orderPatterns: masking.keepPatterns ?? [],
      glossary: [...(site?.translation?.glossary ?? []), ...(options.keep ?? []).filter(Boolean)],
      monthlyBudget: site?.translation?.monthlyCharacterBudget,
      signal: options.signal,
    });
    // Agents see translations masked by finding the personal data again: a translation where it
    // can no longer be found would reach them unmasked, so it is refused instead.
    if (outcome.ok && findPersonalData(outcome.text, masking).length < personalData.length) return { ok: false, reason: 'unfaithful' };
    return outcome;
  }
}
