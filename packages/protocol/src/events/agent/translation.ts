import type { MessageTranslation } from '../common.ts';

/**
 * How a conversation translates for the agent asking: `agentLang` is what they read and write,
 * `shopperLang` the conversation's language. `isActive` when the two differ, a provider serves
 * the pair in the conversation's region, and nobody switched it off (`isOff`).
 */
export interface TranslationState {
  isActive: boolean;
  isOff: boolean;
  agentLang: string;
  shopperLang: string;
  /** The provider this region's conversations go to, or null when none is configured. */
  provider: string | null;
  /** Why it is not active, when it is not: `same_language`, `no_provider`, `unsupported_pair`, `switched_off`. */
  reason?: 'same_language' | 'no_provider' | 'unsupported_pair' | 'switched_off';
  /** The site's machine-translated characters this month and its monthly budget (null: unlimited). */
  usage: { month: string; characters: number; budget: number | null };
}

/** `message:translated` — a translation of a message arrived (or failed) for the agent's language. */
export interface MessageTranslated {
  conversationId: string;
  messageId: string;
  lang: string;
  translation?: MessageTranslation;
  /** Set when the translation failed: the console shows the original with "translation unavailable". */
  error?: { code: 'PARLEY_ERR_TRANSLATION_UNAVAILABLE'; reason: string };
}

/** What `translation:preview` answers. */
export interface TranslationPreviewResult {
  /** What the shopper will read. */
  text: string;
  provider: string;
  /** From the cache: no characters were spent. */
  isCached: boolean;
}

/** One canned reply as the agent's picker shows it. */
export interface CannedReplyOption {
  key: string;
  /** In the agent's language, for searching with `/`. */
  title: string;
  keywords: string;
  /** What the agent sees (their language, when the reply has a version in it). */
  preview: string;
  /** What the shopper will receive, in the conversation's locale; absent when `missing` is set. */
  shopperText?: string;
  /** How the shopper's version exists: `native` (Parley's or the site's own), `machine` (translated on send), `unavailable`. */
  source: 'native' | 'machine' | 'unavailable';
  /** Variables this conversation lacks (`order.number`): the reply cannot be sent yet. */
  missing?: string[];
  /** Parley's shipped set, or the site's own. */
  origin: 'parley' | 'site';
}
