import { ParleyError } from '@parley/protocol';
import type { Message, MessageOriginal, MessageTranslation } from '@parley/protocol';
import { isoTime } from './conversation-fields.ts';
import type { CachedTranslation, MessageTranslationsPatch, NewMessage } from './region-store.ts';
import { assertStorable } from './storable.ts';

/** The translation fields a message carries, as both adapters store them. */
export type TranslationFields = Pick<Message, 'original' | 'translations' | 'canned'>;

/**
 * The translation fields of a new message, only the known members of each (so both adapters
 * store the same thing), absent ones left out: a message appended without them reads back
 * without them.
 */
export function translationFieldsOf(input: Pick<NewMessage, 'original' | 'translations' | 'canned'>): TranslationFields {
  const fields: TranslationFields = {};
  if (input.original) fields.original = originalOf(input.original);
  if (input.translations) fields.translations = translationsOf(input.translations, 'message.translations');
  if (input.canned) fields.canned = { key: input.canned.key, isMachineTranslated: input.canned.isMachineTranslated };
  return fields;
}

/**
 * Validates a patch for `addMessageTranslations` (NUL, `$`/`.` and empty language keys are bad
 * input) and returns it in the stored shape. Language keys become MongoDB paths
 * (`translations.en`), hence the key rules.
 */
export function translationsPatchOf(patch: MessageTranslationsPatch): MessageTranslationsPatch {
  assertStorable(patch, 'patch');
  const normalised: MessageTranslationsPatch = {};
  if (patch.original) normalised.original = originalOf(patch.original);
  if (patch.translations) normalised.translations = translationsOf(patch.translations, 'patch.translations');
  return normalised;
}

/** The message's translation fields after `patch`: original replaced when given, translations merged by language. */
export function mergeTranslations(current: TranslationFields, patch: MessageTranslationsPatch): TranslationFields {
  const merged: TranslationFields = { ...current };
  if (patch.original) merged.original = patch.original;
  if (patch.translations) merged.translations = { ...current.translations, ...patch.translations };
  return merged;
}

/** Validates a cache entry (callers outside TypeScript may send anything) and canonicalises its time. */
export function cachedTranslationOf(entry: CachedTranslation): CachedTranslation {
  assertStorable(entry, 'entry');
  for (const field of ['key', 'text', 'provider'] as const) {
    if (typeof entry[field] !== 'string') throw new ParleyError('PARLEY_ERR_PAYLOAD_INVALID', `entry.${field} must be a string`);
  }
  if (entry.key.length === 0) throw new ParleyError('PARLEY_ERR_PAYLOAD_INVALID', 'entry.key is empty');
  return { key: entry.key, text: entry.text, provider: entry.provider, storedAt: isoTime(entry.storedAt, 'entry.storedAt') };
}

function originalOf(original: MessageOriginal): MessageOriginal {
  return { text: original.text, lang: original.lang };
}

function translationsOf(translations: Record<string, MessageTranslation | undefined>, path: string): Record<string, MessageTranslation> {
  const stored: Record<string, MessageTranslation> = {};
  for (const [language, translation] of Object.entries(translations)) {
    if (translation === undefined) continue;
    if (language.length === 0) throw new ParleyError('PARLEY_ERR_PAYLOAD_INVALID', `${path} has an empty language key`);
    stored[language] = { text: translation.text, provider: translation.provider };
  }
  return stored;
}
