import { z } from 'zod';
import {
  AuthorKindSchema,
  ChannelSchema,
  ConversationStatusSchema,
  ERROR_CATALOGUE,
  HandoffReasonSchema,
  InboxViewSchema,
  LIMITS,
  NoteTextSchema,
  QuickReplyIdSchema,
  RegionSchema,
  RestAgentMessageSchema,
} from '@parley/protocol';
import type { Author, BotSummary, ConversationSummary, ErrorCode, HistoryFetchAckData, InboxPage, Message, Note } from '@parley/protocol';

/**
 * The REST answers of `/v1/conversations…`, as zod schemas: the protocol has only TypeScript
 * types for them (the socket never validated its own answers). They serialize every REST
 * response and feed the OpenAPI document. Output schemas carry no length limits on purpose:
 * masking may lengthen a text (`0301234567` → `+49 ••• 4567`), and an answer must never fail
 * to serialize for that. Objects are open (not strict), so adding a field is not a breaking change.
 */

/** Who wrote a message or note. */
export const RestAuthorSchema = z.object({ kind: AuthorKindSchema, id: z.string().optional(), name: z.string().optional() });

/** A stored message as agents see it (personal data masked). */
export const RestMessageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  seq: z.int().positive(),
  clientMsgId: z.string(),
  author: RestAuthorSchema,
  text: z.string(),
  locale: z.string().optional(),
  createdAt: z.iso.datetime(),
  bot: z.object({ intent: z.string(), templateKey: z.string() }).optional(),
  quickReplies: z.array(z.object({ id: QuickReplyIdSchema, label: z.string() })).optional(),
  original: z.object({ text: z.string(), lang: z.string() }).optional().describe('What the author wrote, when the message was translated.'),
  translations: z.record(z.string(), z.object({ text: z.string(), provider: z.string() })).optional().describe('Machine renderings by language (`en`, `de`).'),
  canned: z.object({ key: z.string(), isMachineTranslated: z.boolean() }).optional().describe('A canned reply, by key.'),
});

/** An internal note (agents only). */
export const RestNoteSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  clientNoteId: z.string(),
  author: RestAuthorSchema,
  text: z.string(),
  createdAt: z.string(),
});

/** What the bot knew when it handed over. */
export const BotSummarySchema = z.object({ intent: z.string().optional(), orderNumber: z.string().optional(), country: z.string().optional(), hasTicket: z.boolean().optional() });
const LastMessageSchema = z.object({ author: RestAuthorSchema, text: z.string(), createdAt: z.string(), seq: z.int() });

/** One conversation as the inbox lists it; `lastMessage.text` is masked. */
export const ConversationSummarySchema = z.object({
  id: z.string(),
  siteKey: z.string(),
  region: RegionSchema,
  channel: ChannelSchema,
  locale: z.string(),
  country: z.string().optional(),
  status: ConversationStatusSchema,
  assigneeId: z.string().nullable(),
  handoffReason: HandoffReasonSchema.optional(),
  botSummary: BotSummarySchema.optional(),
  waitingSince: z.string().optional(),
  snoozedUntil: z.string().optional(),
  lastMessage: LastMessageSchema.optional(),
  slaDueAt: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const viewCount = z.int().nonnegative();
/** One page of an inbox view, with the counts of every view. */
export const InboxPageSchema = z.object({
  conversations: z.array(ConversationSummarySchema),
  counts: z.object({ mine: viewCount, unassigned: viewCount, all: viewCount, breaching: viewCount }),
});

/** `GET /v1/conversations/:id`. */
export const ConversationResponseSchema = z.object({ conversation: ConversationSummarySchema });

/** `GET /v1/conversations/:id/messages`. */
export const MessagePageSchema = z.object({ messages: z.array(RestMessageSchema), hasMore: z.boolean() });

const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as [ErrorCode, ...ErrorCode[]];
/** Every REST error: a catalogue code, its message, and details when the code has any. */
export const RestErrorBodySchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string(), details: z.unknown().optional() }),
});

/** `:id` of the conversation routes. */
export const ConversationParamsSchema = z.object({ id: z.string().min(1).max(64) });

/** `GET /v1/conversations` query: an InboxQuery with `view` defaulting to `all`; `status` may repeat. */
export const InboxQueryStringSchema = z.object({
  view: InboxViewSchema.default('all'),
  status: z
    .union([ConversationStatusSchema, z.array(ConversationStatusSchema).max(5)])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .optional(),
  region: RegionSchema.optional(),
  siteKey: z.string().min(1).max(64).optional(),
  language: z.string().min(2).max(8).optional(),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  channel: ChannelSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/** `POST /v1/conversations/:id/messages` body: the protocol's, plus the socket's `force`, so a
 * PARLEY_ERR_CONVERSATION_RECENT_REPLY can be overridden as the console does. */
export const RestMessageBodySchema = RestAgentMessageSchema.extend({
  force: z.boolean().optional(),
  untranslated: z.boolean().optional().describe('Send as written in a conversation that translates, after PARLEY_ERR_TRANSLATION_UNAVAILABLE.'),
  cannedKey: z.string().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/).optional().describe("A canned reply by key: the shopper gets its native version in their locale."),
});

/** `POST /v1/conversations/:id/notes` body. */
export const RestNoteBodySchema = z.object({ clientNoteId: z.uuid(), text: NoteTextSchema });

/** `GET /v1/conversations/:id/messages` query. */
export const MessagePageQuerySchema = z.object({
  afterSeq: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(LIMITS.historyPageMax).optional(),
});

// Compile-time proof that the schemas describe the protocol's types: every real value is
// accepted, and the schemas name no field the types lack (zod adds `| undefined` to optional
// fields, which exactOptionalPropertyTypes tells apart, hence the one-way check plus keys).
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type Fits<Type, Schema extends z.ZodType> = [Type] extends [z.output<Schema>] ? SameKeys<Type, z.output<Schema>> : false;
const proofs: [
  Fits<ConversationSummary, typeof ConversationSummarySchema>,
  Fits<BotSummary, typeof BotSummarySchema>,
  Fits<NonNullable<ConversationSummary['lastMessage']>, typeof LastMessageSchema>,
  Fits<Author, typeof RestAuthorSchema>,
  Fits<Message, typeof RestMessageSchema>,
  Fits<Note, typeof RestNoteSchema>,
  Fits<InboxPage, typeof InboxPageSchema>,
  Fits<HistoryFetchAckData, typeof MessagePageSchema>,
] = [true, true, true, true, true, true, true, true];
void proofs;
