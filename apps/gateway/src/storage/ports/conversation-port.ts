import type { BotSummary, Channel, ConversationStatus, HandoffReason, LocaleSource, Region } from '@parley/protocol';
import type { NewMessage } from './message-port.ts';

/**
 * What is stored about a conversation itself (site, region, locale, time zone, country, where
 * it stands with people), apart from anything that belongs to one connection (IP, socket id,
 * token). An email reply or a webhook can continue a conversation with no socket at all.
 */
export interface ConversationRecord {
  id: string;
  visitorId: string;
  siteKey: string;
  locale: string;
  /** Why `locale` was chosen; `message` means the shopper's own writing, kept across reconnects. */
  localeSource?: LocaleSource | undefined;
  /** Every locale-chain source that offered tags when the locale was last decided. */
  localeCandidates?: Array<{ source: LocaleSource; tags: string[] }> | undefined;
  createdAt: string;
  /** The bot's memory of this conversation; absent until the bot first answers. */
  botState?: BotStateRecord | undefined;
  /** Absent on rows from before the agents' workspace: read as `bot`. */
  status?: ConversationStatus | undefined;
  /** The agent who has it; null (or absent) when queued or with the bot. */
  assigneeId?: string | null | undefined;
  channel?: Channel | undefined;
  /** ISO country of the shopper (edge header, or the country the bot learnt). */
  country?: string | undefined;
  /** The shopper's IANA time zone, as last reported. */
  timeZone?: string | undefined;
  /** The page the conversation started on. */
  pageUrl?: string | undefined;
  /** A verified user id, copied from the visitor so earlier conversations can be found by it. */
  userId?: string | undefined;
  handoffReason?: HandoffReason | undefined;
  botSummary?: BotSummary | undefined;
  /** Since when the shopper has waited for a person; cleared when an agent replies. */
  waitingSince?: string | undefined;
  snoozedUntil?: string | undefined;
  /** The newest message, unmasked as stored (the gateway masks it for agents). */
  lastMessage?: { authorKind: string; authorName?: string | undefined; text: string; seq: number; createdAt: string } | undefined;
  /** When an agent last replied, and who: the "someone just replied" guard reads it. */
  lastAgentReply?: { agentId: string; at: string } | undefined;
  /** First-response (or next-response) deadline, ISO; absent when nobody owes an answer. */
  slaDueAt?: string | undefined;
  visitorReadSeq?: number | undefined;
  agentReadSeq?: number | undefined;
  /** Live translation for this conversation; absent means on (when languages differ). */
  translation?: { isOff: boolean; by: string; at: string } | undefined;
  updatedAt?: string | undefined;
}

/** What the bot remembers between a shopper's messages. */
export interface BotStateRecord {
  /** When a person was asked for; from then on the bot stays quiet in this conversation. */
  handedOffAt?: string | undefined;
  /** Messages in a row the bot did not understand; the second one hands off. */
  unknownStreak: number;
  /** What the bot's last question asked for, and the intent waiting on the answer. */
  awaiting?: { kind: 'order_number' | 'country' | 'email' | 'feedback'; intent?: string | undefined } | undefined;
  /** Topics (intents) the bot already asked "did that answer your question?" about: once each. */
  feedbackAskedFor?: string[] | undefined;
  /**
   * The turn decided for one shopper message, stored with the new memory before any reply:
   * a crash halfway through is finished from this (the same replies and hand-off) instead of
   * being decided again from memory that has already moved on. (A ticket is opened before it,
   * by its own idempotent id, so no email is kept here.)
   */
  pendingTurn?: PendingBotTurn | undefined;
}

/** What one bot turn will write, each step idempotent (ids derive from the shopper's message). */
export interface PendingBotTurn {
  /** The shopper message the turn answers. */
  messageId: string;
  replies: NewMessage[];
  handoff?: { reason: HandoffReason; summary: BotSummary } | undefined;
}

/** Fields `updateConversation` may change; `null` clears an optional field. Others stay. */
export type ConversationPatch = {
  [K in Exclude<keyof ConversationRecord, 'id' | 'visitorId' | 'siteKey' | 'createdAt'>]?: ConversationRecord[K] | null;
};

/** An inbox query against one region. Every given field narrows; absent ones do not. */
export interface ConversationQuery {
  statuses?: readonly ConversationStatus[] | undefined;
  /** Only these sites (an agent's allowed sites); undefined = every site. */
  siteKeys?: readonly string[] | undefined;
  /** A string: that agent's. `null`: unassigned only. undefined: anyone's. */
  assigneeId?: string | null | undefined;
  /** Primary language of the locale (`ja` matches `ja-JP`). */
  language?: string | undefined;
  country?: string | undefined;
  channel?: Channel | undefined;
  /** Only conversations whose `slaDueAt` is before this ISO time. */
  slaDueBefore?: string | undefined;
  /** Only conversations whose `snoozedUntil` is at or before this ISO time (the snooze sweep). */
  snoozedUntilBefore?: string | undefined;
  /** Longest-waiting first (waitingSince ascending, never-waited last, then updatedAt descending). */
  limit: number;
}

/** The conversations of one region. */
export interface ConversationPort {
  readonly region: Region;
  createConversation(conversation: ConversationRecord): Promise<void>;
  getConversation(conversationId: string): Promise<ConversationRecord | null>;
  /** Records the conversation's current locale and why it was chosen. */
  setConversationLocale(conversationId: string, locale: string, source: LocaleSource): Promise<void>;
  /** Replaces the bot's memory of the conversation. */
  setBotState(conversationId: string, state: BotStateRecord): Promise<void>;
  /** Sets the given fields (null clears), leaves the rest; returns the record after, or null. */
  updateConversation(conversationId: string, patch: ConversationPatch): Promise<ConversationRecord | null>;
  /**
   * Compare-and-set on the assignee: applies `patch` only while the stored `assigneeId` is
   * still `expected.assigneeId` (null = unassigned), atomically (one conditional UPDATE /
   * updateOne), so two agents claiming at once cannot both win. `ok: false` carries the record
   * as it is now (null when there is no such conversation).
   */
  updateConversationIf(
    conversationId: string,
    expected: { assigneeId: string | null },
    patch: ConversationPatch,
  ): Promise<{ ok: true; conversation: ConversationRecord } | { ok: false; conversation: ConversationRecord | null }>;
  /** One page of an inbox query, in the order `ConversationQuery.limit` documents. */
  listConversations(query: ConversationQuery): Promise<ConversationRecord[]>;
  /** How many conversations match (the `limit` is ignored). */
  countConversations(query: Omit<ConversationQuery, 'limit'>): Promise<number>;
  /** A visitor's conversations, or a verified user's (by `userId`), newest first, at most `limit`. */
  listConversationsOf(subject: { visitorId?: string | undefined; userId?: string | undefined }, limit: number): Promise<ConversationRecord[]>;
}
