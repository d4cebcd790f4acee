import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { hasVisibleText } from '../text.ts';

/** Strings stored by Parley may not carry NUL: MongoDB and C-string tooling truncate on it. */
export const safeString = (max: number) =>
  z.string().max(max).refine((value) => !value.includes('\0'), { message: 'must not contain NUL (\\0)' });

/** A BCP 47 language tag as sent by browsers; validated loosely here, canonicalised by culture. */
export const LocaleTagSchema = z.string().min(2).max(35).regex(/^[A-Za-z0-9-]+$/);

export const AuthorKindSchema = z.enum(['visitor', 'agent', 'bot', 'system']);
/** Who wrote a message. */
export type AuthorKind = z.infer<typeof AuthorKindSchema>;

export const AuthorSchema = z.object({
  kind: AuthorKindSchema,
  /** Who exactly: the agent's id for agents (`a_…`), the visitor's for visitors; absent for the bot. */
  id: z.string().min(1).max(64).optional(),
  name: safeString(80).optional(),
});
/** A message's author; `name` is shown for agents and bots, `id` tells two agents apart. */
export type Author = z.infer<typeof AuthorSchema>;

export const MessageTextSchema = safeString(LIMITS.messageTextMax).refine(hasVisibleText, {
  message: 'must have visible text (not only spaces or invisible characters)',
});

/** The answers a bot message offers as buttons; the id travels back with the shopper's pick. */
export const QUICK_REPLY_IDS = ['helped', 'not_helped', 'human'] as const;
export const QuickReplyIdSchema = z.enum(QUICK_REPLY_IDS);
export type QuickReplyId = z.infer<typeof QuickReplyIdSchema>;

export const QuickReplySchema = z.object({ id: QuickReplyIdSchema, label: z.string().min(1).max(80) });
/** A button under a bot message: `label` in the conversation's locale, sent back as text. */
export type QuickReply = z.infer<typeof QuickReplySchema>;

export const BotMetaSchema = z.object({
  /** What the bot understood the shopper wanted (an intent name, or `system` for greetings). */
  intent: z.string().max(40),
  /** The reply template the text came from (`order.status`), so agents see why it said it. */
  templateKey: z.string().max(64),
});
/** Why a bot message says what it says. Present on every bot message, never on others. */
export type BotMeta = z.infer<typeof BotMetaSchema>;

/** Which machine translation produced a text: a provider id, or `canned` for a native canned reply. */
export const TranslationSourceSchema = z.string().min(1).max(32);

export const MessageTranslationSchema = z.object({
  text: z.string().max(LIMITS.messageTextMax * 2),
  /** `deepl`, `google`, `azure`, `amazon`, `libretranslate`, `apertium`, or `canned` (written natively, not translated). */
  provider: TranslationSourceSchema,
});
/** One rendering of a message in another language. */
export type MessageTranslation = z.infer<typeof MessageTranslationSchema>;

export const MessageOriginalSchema = z.object({
  text: z.string().max(LIMITS.messageTextMax),
  /** BCP 47 language the author wrote in (`es`, `en-GB`). */
  lang: LocaleTagSchema,
});
/** What the author actually wrote, kept beside every translation of it. */
export type MessageOriginal = z.infer<typeof MessageOriginalSchema>;

export const MessageSchema = z.object({
  id: z.string().min(1).max(64),
  conversationId: z.string().min(1).max(64),
  seq: z.int().positive(),
  clientMsgId: z.string().min(1).max(64),
  author: AuthorSchema,
  /** Up to twice the send limit: a translated reply may run longer than what the agent wrote. */
  text: z.string().max(LIMITS.messageTextMax * 2),
  locale: LocaleTagSchema.optional(),
  createdAt: z.iso.datetime(),
  bot: BotMetaSchema.optional(),
  /** Buttons offered under this message (bot messages only); the newest message's are live. */
  quickReplies: z.array(QuickReplySchema).max(4).optional(),
  /**
   * Present when the message was translated: the author's own words and language. `text` is
   * always what the shopper reads (the conversation's language): for a shopper's message the
   * original itself, for an agent's translated reply the translation.
   */
  original: MessageOriginalSchema.optional(),
  /**
   * Renderings in other languages, by BCP 47 primary language (`en`, `de`): what agents read.
   * Agents only; the shopper's client never receives this field.
   */
  translations: z.record(z.string().min(2).max(16), MessageTranslationSchema).optional(),
  /** An agent's canned reply, sent in the shopper's language as written natively (`key`), or machine-translated when `isMachineTranslated`. */
  canned: z.object({ key: z.string().min(1).max(64), isMachineTranslated: z.boolean() }).optional(),
});
/** A stored message, as every server event and ack carries it. */
export type Message = z.infer<typeof MessageSchema>;

export const REGIONS = ['eu', 'us', 'br', 'sg', 'in'] as const;
export const RegionSchema = z.enum(REGIONS);
/** A data-residency region: a conversation lives in exactly one. */
export type Region = z.infer<typeof RegionSchema>;

/** Where a conversation stands. `bot`: the bot has it; `open`: with people (queued when it has
 * no assignee); `pending`: waiting on the shopper; `snoozed`: until a time; `resolved`: done,
 * reopened by the shopper's next message. */
export const CONVERSATION_STATUSES = ['bot', 'open', 'pending', 'snoozed', 'resolved'] as const;
export const ConversationStatusSchema = z.enum(CONVERSATION_STATUSES);
export type ConversationStatus = z.infer<typeof ConversationStatusSchema>;

/** Why the bot handed a conversation to people. */
export const HANDOFF_REASONS = ['asked_for_person', 'complaint', 'not_understood', 'unhappy_with_answer', 'privacy_request', 'bot_action'] as const;
export const HandoffReasonSchema = z.enum(HANDOFF_REASONS);
export type HandoffReason = z.infer<typeof HandoffReasonSchema>;

/** How a conversation reached Parley; only the widget exists today, channels come later. */
export const CHANNELS = ['widget', 'email', 'whatsapp', 'line', 'messenger', 'api'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;
