import type { Message, MessageOriginal, MessageTranslation } from '@parley/protocol';

/** What `addMessageTranslations` merges into a stored message. */
export interface MessageTranslationsPatch {
  /** Set when given (the author's words and language); left as it is otherwise. */
  original?: MessageOriginal | undefined;
  /** Merged by language into the message's translations: a language given here replaces its entry. */
  translations?: Record<string, MessageTranslation> | undefined;
}

/** One cached machine translation, in the region of the conversation it came from. */
export interface CachedTranslation {
  /**
   * SHA-256 (hex) of provider, source and target language, formality, glossary version and the
   * shielded text (placeholders, never personal data): same key, same translation.
   */
  key: string;
  /** The provider's answer, still shielded (placeholders in), restored per message. */
  text: string;
  provider: string;
  storedAt: string;
}

/**
 * Translations of one region: on messages (kept beside the original) and in a cache that saves
 * the provider's characters when the same text in the same pair comes again. Both stay in the
 * region, like the message itself.
 */
export interface TranslationPort {
  /** Merges into the message; the updated message, or null when there is no such message. */
  addMessageTranslations(conversationId: string, messageId: string, patch: MessageTranslationsPatch): Promise<Message | null>;
  getCachedTranslation(key: string): Promise<CachedTranslation | null>;
  /** Stores (or replaces) an entry; idempotent. */
  putCachedTranslation(entry: CachedTranslation): Promise<void>;
}
