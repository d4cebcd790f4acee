import type { Region } from '@parley/protocol';
import type { AuditPort } from './ports/audit-port.ts';
import type { ConversationPort } from './ports/conversation-port.ts';
import type { MessagePort } from './ports/message-port.ts';
import type { NotePort } from './ports/note-port.ts';
import type { TicketPort } from './ports/ticket-port.ts';
import type { TranslationPort } from './ports/translation-port.ts';
import type { VisitorPort } from './ports/visitor-port.ts';

export type * from './ports/audit-port.ts';
export type * from './ports/conversation-port.ts';
export type * from './ports/message-port.ts';
export type * from './ports/note-port.ts';
export type * from './ports/ticket-port.ts';
export type * from './ports/translation-port.ts';
export type * from './ports/visitor-port.ts';

/**
 * Everything one region stores, one port per kind of record, bundled. One instance serves one
 * region; only the region router decides which. Both adapters (SQLite, MongoDB) pass the same
 * contract suite. Schema changes are numbered migrations run by `init()`.
 */
export interface RegionStore extends VisitorPort, ConversationPort, MessagePort, TicketPort, NotePort, AuditPort, TranslationPort {
  readonly region: Region;
  /** Creates or migrates tables/indexes to the newest schema version; idempotent; called once at start-up. */
  init(): Promise<void>;
  /** Resolves when the store answers; rejects otherwise (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * How many times an append retries after losing a `seq` race before giving up. Real
 * conversations have a handful of writers; the contract suite runs 35 at once.
 */
export const SEQ_RETRY_LIMIT = 60;
