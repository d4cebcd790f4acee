import { z } from 'zod';
import { LIMITS } from '../../limits.ts';
import { ConversationStatusSchema, MessageTextSchema } from '../common.ts';
import { ConversationRefSchema, NoteTextSchema, SnoozeUntilSchema } from './conversation.ts';
import { PresenceStatusSchema } from './agent-profile.ts';

/** `conversation:open` — start following a conversation: its history, notes, context, viewers.
 * Audited. The agent's sockets receive its messages, typing and receipts until `conversation:leave`. */
export const ConversationOpenSchema = ConversationRefSchema;
/** `conversation:leave` — stop following (the agent closed it in the console). */
export const ConversationLeaveSchema = ConversationRefSchema;

/** `conversation:assign` — to me (no `agentId`), to another agent, or back to the queue (`null`). */
export const ConversationAssignSchema = ConversationRefSchema.extend({
  agentId: z.string().min(1).max(64).nullable().optional(),
});
export type ConversationAssign = z.infer<typeof ConversationAssignSchema>;

/** `conversation:status` — `snoozedUntil` is required with `snoozed` and ignored otherwise. */
export const ConversationStatusSetSchema = ConversationRefSchema.extend({
  status: ConversationStatusSchema.exclude(['bot']),
  snoozedUntil: SnoozeUntilSchema.optional(),
});
export type ConversationStatusSet = z.infer<typeof ConversationStatusSetSchema>;

/** `agent:message:send` — an agent's reply to the shopper, idempotent on `clientMsgId`. Refused
 * with `PARLEY_ERR_CONVERSATION_RECENT_REPLY` when another agent replied in the last seconds,
 * unless `force` (the console asks first). */
export const AgentMessageSendSchema = ConversationRefSchema.extend({
  clientMsgId: z.uuid(),
  text: MessageTextSchema,
  force: z.boolean().optional(),
  /**
   * Send the text as written even though the conversation translates and the translation
   * failed: the console sets it only after the agent confirmed. Without it such a send is
   * refused with `PARLEY_ERR_TRANSLATION_UNAVAILABLE` and nothing is stored.
   */
  untranslated: z.boolean().optional(),
  /** A canned reply by key: the shopper gets its native version in their locale; `text` is what the agent saw. */
  cannedKey: z.string().min(1).max(64).regex(/^[A-Za-z0-9_.-]+$/).optional(),
});
export type AgentMessageSend = z.infer<typeof AgentMessageSendSchema>;

/** `note:add` — an internal note, idempotent on `clientNoteId`. The shopper never receives it. */
export const NoteAddSchema = ConversationRefSchema.extend({
  clientNoteId: z.uuid(),
  text: NoteTextSchema,
});
export type NoteAdd = z.infer<typeof NoteAddSchema>;

/** `agent:history:fetch` — the conversation's messages after `afterSeq`. */
export const AgentHistoryFetchSchema = ConversationRefSchema.extend({
  afterSeq: z.int().nonnegative(),
  limit: z.int().min(1).max(LIMITS.historyPageMax).optional(),
});
export type AgentHistoryFetch = z.infer<typeof AgentHistoryFetchSchema>;

/** `agent:typing:set` — not acked; the shopper sees "<name> is typing". */
export const AgentTypingSetSchema = ConversationRefSchema.extend({ isTyping: z.boolean() });
export type AgentTypingSet = z.infer<typeof AgentTypingSetSchema>;

/** `agent:read:set` — the agent has read up to `seq`; the shopper sees "Seen". Not acked. */
export const AgentReadSetSchema = ConversationRefSchema.extend({ seq: z.int().nonnegative() });
export type AgentReadSet = z.infer<typeof AgentReadSetSchema>;

/** `presence:set` — online or away (offline is having no console open). */
export const PresenceSetSchema = z.object({ status: PresenceStatusSchema.exclude(['offline']) });
export type PresenceSet = z.infer<typeof PresenceSetSchema>;

/** `pii:reveal` — the unmasked value of one masked span, for agents allowed to; audited with the reason. */
export const PiiRevealSchema = ConversationRefSchema.extend({
  messageId: z.string().min(1).max(64),
  /** Which masked span of the message, counted from 0 in text order. */
  index: z.int().nonnegative().max(100),
  reason: z.string().trim().min(3).max(200),
});
export type PiiReveal = z.infer<typeof PiiRevealSchema>;

/** `translation:preview` — what the shopper would read if the agent sent `text` now. Not stored. */
export const TranslationPreviewSchema = ConversationRefSchema.extend({ text: MessageTextSchema });
export type TranslationPreview = z.infer<typeof TranslationPreviewSchema>;

/** `conversation:translation` — switch live translation off (or back on) for one conversation. Audited. */
export const ConversationTranslationSetSchema = ConversationRefSchema.extend({ isOff: z.boolean() });
export type ConversationTranslationSet = z.infer<typeof ConversationTranslationSetSchema>;

/** `canned:list` — the canned replies for a conversation: titles in the agent's language, bodies in the shopper's. */
export const CannedListSchema = ConversationRefSchema;

export const AGENT_COMMAND_SCHEMAS = {
  'conversation:open': ConversationOpenSchema,
  'conversation:leave': ConversationLeaveSchema,
  'conversation:assign': ConversationAssignSchema,
  'conversation:status': ConversationStatusSetSchema,
  'agent:message:send': AgentMessageSendSchema,
  'note:add': NoteAddSchema,
  'agent:history:fetch': AgentHistoryFetchSchema,
  'agent:typing:set': AgentTypingSetSchema,
  'agent:read:set': AgentReadSetSchema,
  'presence:set': PresenceSetSchema,
  'pii:reveal': PiiRevealSchema,
  'translation:preview': TranslationPreviewSchema,
  'conversation:translation': ConversationTranslationSetSchema,
  'canned:list': CannedListSchema,
} as const;
