import { z } from 'zod';
import { ChannelSchema, ConversationStatusSchema, RegionSchema } from '../common.ts';
import type { ConversationSummary } from './conversation.ts';

/** `mine`: assigned to me. `unassigned`: queued for anyone allowed. `all`: every conversation the
 * role may read. `breaching`: first/next response due within 15 minutes or overdue. */
export const INBOX_VIEWS = ['mine', 'unassigned', 'all', 'breaching'] as const;
export const InboxViewSchema = z.enum(INBOX_VIEWS);
export type InboxView = z.infer<typeof InboxViewSchema>;

/** `inbox:list` — one page of a view, longest-waiting first, with the counts of every view. */
export const INBOX_LIST = 'inbox:list';
export const InboxQuerySchema = z.object({
  view: InboxViewSchema,
  status: z.array(ConversationStatusSchema).max(5).optional(),
  siteKey: z.string().min(1).max(64).optional(),
  region: RegionSchema.optional(),
  /** Primary language tag (`ja`) of the conversation's locale. */
  language: z.string().min(2).max(8).optional(),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  channel: ChannelSchema.optional(),
  limit: z.int().min(1).max(200).optional(),
});
export type InboxQuery = z.infer<typeof InboxQuerySchema>;

export interface InboxPage {
  conversations: ConversationSummary[];
  /** Conversations in each view for this agent (open statuses only), whatever the filters. */
  counts: Record<InboxView, number>;
}
