import type { TemplateValues } from '@parley/culture';
import type { QuickReplyId } from '@parley/protocol';
import type { BotStateRecord } from '../../storage/region-store.ts';

/** One bot message to send: a reply template and its values, rendered later in the shopper's locale. */
export interface PlannedReply {
  key: string;
  values?: TemplateValues;
  /** ISO 4217 currency of the money values, when it is not the shopper's own (a €120 order). */
  currency?: string;
  /** Buttons to offer under the message. */
  quickReplies?: QuickReplyId[];
}

/** What the bot decided for one shopper message. */
export interface BotTurn {
  /** The intent the turn answered (recorded on every reply). */
  intent: string;
  replies: PlannedReply[];
  /** The bot's memory after this turn. */
  state: BotStateRecord;
  /** An email left for a person to write back: opens a ticket. */
  ticketEmail?: string;
}

/** The "did that help?" question that follows an answer. */
export const FEEDBACK_QUESTION: PlannedReply = { key: 'feedback.ask', quickReplies: ['helped', 'not_helped', 'human'] };

/** Template key of each quick reply's label. */
export const QUICK_REPLY_LABEL_KEYS: Record<QuickReplyId, string> = {
  helped: 'quick.helped',
  not_helped: 'quick.notHelped',
  human: 'quick.human',
};

/** An answer followed by "did that help?"; the bot then waits for that feedback. */
export function answered(intent: string, replies: PlannedReply[]): BotTurn {
  return { intent, replies: [...replies, FEEDBACK_QUESTION], state: { unknownStreak: 0, awaiting: { kind: 'feedback', intent } } };
}
