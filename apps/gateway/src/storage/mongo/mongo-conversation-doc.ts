import { CONVERSATION_FIELDS, PATCH_KEYS, conversationRecord, languageOf } from '../conversation-fields.ts';
import type { FieldChange, PatchKey } from '../conversation-fields.ts';
import type { ConversationRecord } from '../region-store.ts';
import type { ConversationDoc } from './mongo-docs.ts';

/** A change set as MongoDB update operators; `$unset` is left out when empty (some servers refuse `{}`). */
export interface DocUpdate {
  $set: Record<string, unknown>;
  $unset?: Record<string, ''>;
}

/** Turns field changes into `$set`/`$unset`, keeping the derived `language` and `waitRank` in step. */
export function toDocUpdate(changes: readonly FieldChange[]): DocUpdate {
  const set: Record<string, unknown> = {};
  const unset: Record<string, ''> = {};
  for (const [key, value] of changes) {
    if (value === null) unset[key] = '';
    else set[key] = CONVERSATION_FIELDS[key] === 'time' ? new Date(value as string) : value;
    if (key === 'locale' && typeof value === 'string') set['language'] = languageOf(value);
    if (key === 'waitingSince') {
      if (typeof value === 'string') set['waitRank'] = -Date.parse(value);
      else unset['waitRank'] = '';
    }
  }
  return Object.keys(unset).length > 0 ? { $set: set, $unset: unset } : { $set: set };
}

/** Reads a conversation document into a record (legacy documents included: see `conversationRecord`). */
export function toConversation(doc: ConversationDoc): ConversationRecord {
  const values: Partial<Record<PatchKey, unknown>> = {};
  for (const key of PATCH_KEYS) {
    const raw = doc[key];
    if (raw === null || raw === undefined) continue;
    values[key] = raw instanceof Date ? raw.toISOString() : raw;
  }
  return conversationRecord(
    { id: doc._id, visitorId: doc.visitorId, siteKey: doc.siteKey, createdAt: doc.createdAt.toISOString() },
    values,
  );
}
