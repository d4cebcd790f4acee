import { z } from 'zod';
import { LocaleTagSchema, RegionSchema, safeString } from '../common.ts';
import type { Author, Channel, ConversationStatus, HandoffReason, Message, Region } from '../common.ts';
import type { LocaleSource } from '../visitor/session.ts';
import type { AgentPresence } from './agent-profile.ts';
import type { TranslationState } from './translation.ts';

/** What the bot knew when it handed over: shown in the inbox so nobody has to scroll. */
export interface BotSummary {
  intent?: string;
  orderNumber?: string;
  country?: string;
  /** The shopper left an email for the team (offline hand-off): a ticket is open. */
  hasTicket?: boolean;
}

/** One conversation as the inbox lists it. `lastMessage` is masked personal data included. */
export interface ConversationSummary {
  id: string;
  siteKey: string;
  region: Region;
  channel: Channel;
  locale: string;
  /** ISO country of the shopper, when known (edge header or named in the conversation). */
  country?: string;
  status: ConversationStatus;
  assigneeId: string | null;
  handoffReason?: HandoffReason;
  botSummary?: BotSummary;
  /** Since when the shopper has been waiting for a person (ISO time); absent when nobody owes an answer. */
  waitingSince?: string;
  snoozedUntil?: string;
  lastMessage?: { author: Author; text: string; createdAt: string; seq: number };
  /** First/next response due (ISO), counted in the market's business hours; absent when none is owed. */
  slaDueAt?: string;
  createdAt: string;
  updatedAt: string;
}

/** An internal note: only agents ever receive it. */
export interface Note {
  id: string;
  conversationId: string;
  clientNoteId: string;
  author: Author;
  text: string;
  createdAt: string;
}

/** Everything beside the conversation that helps the agent answer well. */
export interface ConversationContext {
  locale: string;
  localeSource?: LocaleSource;
  localeCandidates?: Array<{ source: LocaleSource; tags: string[] }>;
  country?: string;
  region: Region;
  timeZone?: string;
  /** The page the conversation started on. */
  pageUrl?: string;
  /** A logged-in shopper (masked email). */
  identity?: { userId: string; name?: string; email?: string };
  /** Earlier conversations of the same visitor or verified user, in this region only. */
  earlier: Array<{ id: string; createdAt: string; status: ConversationStatus }>;
  /** Orders named in the conversation, looked up through the site's order webhook. */
  orders: Array<{ number: string; status?: string; summary?: string; error?: string }>;
  /** Tickets the shopper opened by leaving an email outside hours (email masked). */
  tickets: Array<{ id: string; email: string; createdAt: string }>;
}

/** Who else has the conversation open, and whether they are typing. */
export interface Viewer {
  agentId: string;
  name: string;
  isTyping: boolean;
}

/** What `conversation:open` answers. */
export interface ConversationDetail {
  conversation: ConversationSummary;
  messages: Message[];
  notes: Note[];
  context: ConversationContext;
  viewers: Viewer[];
  /** The highest seq the shopper has read, for "Seen" marks on the agent's side. */
  visitorReadSeq: number;
  /** The highest seq any agent has read. */
  agentReadSeq: number;
  /** Whether and how this conversation translates for the agent who opened it. */
  translation: TranslationState;
}

/** A reference to a conversation: the id, and its region when the caller knows it (saves a lookup). */
export const ConversationRefSchema = z.object({
  conversationId: z.string().min(1).max(64),
  region: RegionSchema.optional(),
});
export type ConversationRef = z.infer<typeof ConversationRefSchema>;

export const NoteTextSchema = safeString(4000).refine((text) => text.trim().length > 0, { message: 'must not be empty' });
export const SnoozeUntilSchema = z.iso.datetime();
export const LanguageFilterSchema = LocaleTagSchema;

export type { AgentPresence };
