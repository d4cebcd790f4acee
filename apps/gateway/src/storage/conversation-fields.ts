import { ParleyError } from '@parley/protocol';
import type { ConversationPatch, ConversationPort, ConversationQuery, ConversationRecord } from './region-store.ts';
import { assertStorable } from './storable.ts';

/**
 * How each adapter stores a field: `text` and `int` as themselves, `json` as a nested value
 * (a JSON column in SQLite, a sub-document in MongoDB), `time` as an instant (ISO text in
 * SQLite, a Date in MongoDB) so range filters and sorts compare instants, not spellings.
 */
export type FieldKind = 'text' | 'int' | 'json' | 'time';

/** A field `updateConversation` may change. */
export type PatchKey = keyof ConversationPatch;

/**
 * Every patchable conversation field and its kind. `satisfies` turns a field added to the port
 * without a kind here into a type error, so neither adapter can silently drop it.
 */
export const CONVERSATION_FIELDS = {
  locale: 'text',
  localeSource: 'text',
  localeCandidates: 'json',
  botState: 'json',
  status: 'text',
  assigneeId: 'text',
  channel: 'text',
  country: 'text',
  timeZone: 'text',
  pageUrl: 'text',
  userId: 'text',
  handoffReason: 'text',
  botSummary: 'json',
  waitingSince: 'time',
  snoozedUntil: 'time',
  lastMessage: 'json',
  lastAgentReply: 'json',
  slaDueAt: 'time',
  visitorReadSeq: 'int',
  agentReadSeq: 'int',
  translation: 'json',
  updatedAt: 'time',
} as const satisfies Record<PatchKey, FieldKind>;

/** The patchable keys, in a fixed order. */
export const PATCH_KEYS = Object.keys(CONVERSATION_FIELDS) as PatchKey[];

/** A normalised field value: a string (text or ISO time), an integer, or a plain JSON value. */
export type FieldValue = string | number | object;

/** One change to apply: a value to store, or null to clear the field. */
export type FieldChange = readonly [key: PatchKey, value: FieldValue | null];

/** What `updateConversationIf` answers: the record after when it applied, else the record as it is (or null). */
export type ConditionalUpdate = Awaited<ReturnType<ConversationPort['updateConversationIf']>>;

/** The identity fields of a conversation, fixed at creation. */
export type ConversationIdentity = Pick<ConversationRecord, 'id' | 'visitorId' | 'siteKey' | 'createdAt'>;

/**
 * Validates a patch and turns it into changes. `null` clears, except that `locale` cannot be
 * cleared (it is required) and a cleared `status` is stored as `bot`, which is how a record
 * without one reads, so the status filter stays a plain equality.
 */
export function conversationChanges(patch: ConversationPatch): FieldChange[] {
  assertStorable(patch, 'patch');
  const changes: FieldChange[] = [];
  for (const key of PATCH_KEYS) {
    const value: unknown = patch[key];
    if (value === undefined) continue;
    changes.push([key, normaliseField(key, value)]);
  }
  return changes;
}

/**
 * The changes an update applies: the patch's, with `updatedAt` the patch's or now, because every
 * change is an update the inbox should see. Shared by `updateConversation` and
 * `updateConversationIf`, so both validate and stamp alike.
 */
export function updateChanges(patch: ConversationPatch): FieldChange[] {
  const changes = conversationChanges(patch).filter(([key]) => key !== 'updatedAt');
  const updatedAt = typeof patch.updatedAt === 'string' ? isoTime(patch.updatedAt, 'updatedAt') : new Date().toISOString();
  changes.push(['updatedAt', updatedAt]);
  return changes;
}

/** Validates the assignee a compare-and-set expects: a storable string, or null for unassigned. */
export function expectedAssignee(expected: { assigneeId: string | null }): string | null {
  // Callers outside TypeScript (a socket payload passed through) may send anything.
  const assigneeId: unknown = (expected as { assigneeId?: unknown } | undefined)?.assigneeId;
  if (assigneeId === null) return null;
  if (typeof assigneeId !== 'string') throw invalid('expected.assigneeId', 'must be a string or null');
  assertStorable(assigneeId, 'expected.assigneeId');
  return assigneeId;
}

/** The changes that create a conversation: everything given, `status` `bot` and `updatedAt` = `createdAt` unless given. */
export function creationChanges(conversation: ConversationRecord): FieldChange[] {
  assertStorable(conversation, 'conversation');
  const { id: _id, visitorId: _visitor, siteKey: _site, createdAt: _created, ...fields } = conversation;
  const changes = conversationChanges(fields);
  if (conversation.status === undefined) changes.push(['status', 'bot']);
  if (conversation.updatedAt === undefined) changes.push(['updatedAt', isoTime(conversation.createdAt, 'createdAt')]);
  return changes;
}

/**
 * Builds a record from stored values (already decoded by the adapter). A record written before
 * the agents' workspace has no status, assignee or updatedAt: it reads as `bot`, unassigned,
 * updated when created.
 */
export function conversationRecord(identity: ConversationIdentity, values: Partial<Record<PatchKey, unknown>>): ConversationRecord {
  const record: Record<string, unknown> = { ...identity, status: 'bot', assigneeId: null, updatedAt: identity.createdAt };
  for (const key of PATCH_KEYS) {
    const value = values[key];
    if (value !== null && value !== undefined) record[key] = value;
  }
  return record as unknown as ConversationRecord;
}

/** The primary language subtag of a locale, lower-case (`ja-JP` → `ja`): stored beside it for equality filters. */
export function languageOf(locale: string): string {
  return (locale.split(/[-_]/)[0] ?? locale).toLowerCase();
}

/** An instant as canonical ISO text; anything that is not a date is bad input. */
export function isoTime(value: unknown, path: string): string {
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw new ParleyError('PARLEY_ERR_PAYLOAD_INVALID', `${path} is not an ISO time`);
  return new Date(time).toISOString();
}

/** Validates an inbox query and normalises what it compares (language case, the SLA and snooze instants). */
export function normaliseQuery<Q extends Omit<ConversationQuery, 'limit'>>(query: Q): Q {
  assertStorable(query, 'query');
  const normalised = { ...query };
  if (query.language !== undefined) normalised.language = query.language.toLowerCase();
  if (query.slaDueBefore !== undefined) normalised.slaDueBefore = isoTime(query.slaDueBefore, 'slaDueBefore');
  if (query.snoozedUntilBefore !== undefined) normalised.snoozedUntilBefore = isoTime(query.snoozedUntilBefore, 'snoozedUntilBefore');
  return normalised;
}

function normaliseField(key: PatchKey, value: unknown): FieldValue | null {
  if (value === null) {
    if (key === 'locale') throw invalid(key, 'cannot be cleared');
    return key === 'status' ? 'bot' : null;
  }
  switch (CONVERSATION_FIELDS[key]) {
    case 'time':
      return isoTime(value, key);
    case 'int':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw invalid(key, 'must be an integer');
      return value;
    case 'text':
      if (typeof value !== 'string') throw invalid(key, 'must be a string');
      return value;
    case 'json':
      if (typeof value !== 'object') throw invalid(key, 'must be an object');
      // A JSON round trip drops undefined members, which drivers would otherwise store as null.
      return JSON.parse(JSON.stringify(value)) as object;
  }
}

function invalid(key: string, problem: string): ParleyError {
  return new ParleyError('PARLEY_ERR_PAYLOAD_INVALID', `${key} ${problem}`);
}
