import type { Author, BotMeta, LocaleSource, Message, QuickReply, Region } from '@parley/protocol';

/** A logged-in shopper's identity, verified by the gateway before it is stored. */
export interface VisitorIdentityRecord {
  userId: string;
  name?: string | undefined;
  email?: string | undefined;
}

/** A shopper known to one site, in one region. */
export interface VisitorRecord {
  id: string;
  siteKey: string;
  createdAt: string;
  identity?: VisitorIdentityRecord | undefined;
}

/** One visitor's conversation with one site; lives in exactly one region. */
export interface ConversationRecord {
  id: string;
  visitorId: string;
  siteKey: string;
  locale: string;
  /** Why `locale` was chosen; `message` means the shopper's own writing, kept across reconnects. */
  localeSource?: LocaleSource | undefined;
  createdAt: string;
  /** The bot's memory of this conversation; absent until the bot first answers. */
  botState?: BotStateRecord | undefined;
}

/** What the bot remembers between a shopper's messages. */
export interface BotStateRecord {
  /** When a person was asked for; from then on the bot stays quiet in this conversation. */
  handedOffAt?: string | undefined;
  /** Messages in a row the bot did not understand; the second one hands off. */
  unknownStreak: number;
  /** What the bot's last question asked for, and the intent waiting on the answer. */
  awaiting?: { kind: 'order_number' | 'country' | 'email' | 'feedback'; intent?: string | undefined } | undefined;
}

/** A request for a person to write back, left by a shopper outside business hours. */
export interface TicketRecord {
  /** Derived from the message that carried the email, so a retried message opens one ticket. */
  id: string;
  conversationId: string;
  siteKey: string;
  email: string;
  locale: string;
  createdAt: string;
}

/** A message to append; the store assigns `id`, `seq` and `createdAt`. */
export interface NewMessage {
  conversationId: string;
  /** Idempotency key: a second append with the same one returns the first message. */
  clientMsgId: string;
  author: Author;
  text: string;
  locale?: string | undefined;
  /** Bot messages only: the intent and template behind the text. */
  bot?: BotMeta | undefined;
  quickReplies?: QuickReply[] | undefined;
}

/** Result of an append: the stored message, and whether it was stored before. */
export interface AppendResult {
  message: Message;
  isDuplicate: boolean;
}

/**
 * The storage port. One instance serves one region; only the region router decides which.
 * Both adapters (SQLite, MongoDB) pass the same contract suite (`conversation-store.contract.ts`).
 * Guarantees: `appendMessage` resolves only after the write is durable, assigns a `seq` strictly
 * increasing per conversation without gaps under concurrency, and is idempotent on
 * `(conversationId, clientMsgId)`.
 */
export interface ConversationStore {
  readonly region: Region;
  /** Creates tables or indexes; idempotent; called once at start-up. */
  init(): Promise<void>;
  createVisitor(visitor: VisitorRecord): Promise<void>;
  getVisitor(visitorId: string): Promise<VisitorRecord | null>;
  /** Attaches (or replaces) a verified identity on a visitor. */
  setVisitorIdentity(visitorId: string, identity: VisitorIdentityRecord): Promise<void>;
  createConversation(conversation: ConversationRecord): Promise<void>;
  getConversation(conversationId: string): Promise<ConversationRecord | null>;
  /** Records the conversation's current locale and why it was chosen. */
  setConversationLocale(conversationId: string, locale: string, source: LocaleSource): Promise<void>;
  /** Replaces the bot's memory of the conversation. */
  setBotState(conversationId: string, state: BotStateRecord): Promise<void>;
  /** Stores a ticket; a second call with the same id stores nothing new. */
  createTicket(ticket: TicketRecord): Promise<void>;
  /** The tickets opened from one conversation, oldest first. */
  listTickets(conversationId: string): Promise<TicketRecord[]>;
  appendMessage(message: NewMessage): Promise<AppendResult>;
  /** Messages with `seq > afterSeq`, oldest first, at most `limit`. */
  listMessages(conversationId: string, options: { afterSeq: number; limit: number }): Promise<Message[]>;
  /** Highest `seq` in the conversation, 0 when empty. */
  lastSeq(conversationId: string): Promise<number>;
  /** Resolves when the store answers; rejects otherwise (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * How many times an append retries after losing a `seq` race before giving up. Real
 * conversations have a handful of writers; the contract suite runs 35 at once.
 */
export const SEQ_RETRY_LIMIT = 60;
