import type { SQLInputValue, SQLOutputValue } from 'node:sqlite';
import { CONVERSATION_FIELDS, PATCH_KEYS, conversationRecord } from '../conversation-fields.ts';
import type { FieldValue, PatchKey } from '../conversation-fields.ts';
import type { ConversationRecord } from '../region-store.ts';

/** A row as node:sqlite returns it. */
export type SqliteRow = Record<string, SQLOutputValue>;

/** The column of a patchable field: its name in snake case (`assigneeId` → `assignee_id`). */
export function columnOf(key: PatchKey): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** A field value as a column holds it: JSON kinds as JSON text, null as NULL. */
export function toColumnValue(key: PatchKey, value: FieldValue | null): SQLInputValue {
  if (value === null) return null;
  return CONVERSATION_FIELDS[key] === 'json' ? JSON.stringify(value) : (value as string | number);
}

/** Reads a `conversations` row into a record (legacy rows included: see `conversationRecord`). */
export function toConversation(row: SqliteRow): ConversationRecord {
  const values: Partial<Record<PatchKey, unknown>> = {};
  for (const key of PATCH_KEYS) {
    const raw = row[columnOf(key)];
    if (raw === null || raw === undefined) continue;
    const kind = CONVERSATION_FIELDS[key];
    values[key] = kind === 'json' ? JSON.parse(String(raw)) : kind === 'int' ? Number(raw) : String(raw);
  }
  return conversationRecord(
    { id: String(row['id']), visitorId: String(row['visitor_id']), siteKey: String(row['site_key']), createdAt: String(row['created_at']) },
    values,
  );
}
