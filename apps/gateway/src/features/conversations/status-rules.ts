import type { ConversationStatus } from '@parley/protocol';
import type { ConversationPatch, ConversationRecord } from '../../storage/region-store.ts';

/** The next-answer deadline for a conversation (undefined when the site sets no target). */
export type SlaClock = (conversation: ConversationRecord, kind: 'first' | 'next', since: Date) => Date | undefined;

/**
 * A shopper wrote. With the bot: nothing changes here (the bot answers). With people: a
 * resolved, pending or snoozed conversation reopens, and the wait (and its SLA) starts unless
 * the shopper was already waiting.
 */
export function afterShopperMessage(conversation: ConversationRecord, now: Date, sla: SlaClock): ConversationPatch | undefined {
  const status = conversation.status ?? 'bot';
  if (status === 'bot') return undefined;
  if (status === 'open' && conversation.waitingSince) return undefined;
  const waitingSince = conversation.waitingSince ?? now.toISOString();
  const kind = conversation.lastAgentReply ? 'next' : 'first';
  return {
    status: 'open',
    snoozedUntil: null,
    waitingSince,
    slaDueAt: sla(conversation, kind, new Date(waitingSince))?.toISOString() ?? null,
  };
}

/** An agent replied: the shopper no longer waits; a bot conversation becomes the agent's. */
export function afterAgentReply(conversation: ConversationRecord, agentId: string, now: Date): ConversationPatch {
  const patch: ConversationPatch = { waitingSince: null, slaDueAt: null, lastAgentReply: { agentId, at: now.toISOString() } };
  if ((conversation.status ?? 'bot') === 'bot' || conversation.status === 'resolved') Object.assign(patch, statusChange(conversation, 'open', undefined, now));
  if (!conversation.assigneeId) patch.assigneeId = agentId;
  return patch;
}

/** The fields a status change sets. Leaving the bot also silences it (its memory says handed off). */
export function statusChange(conversation: ConversationRecord, status: Exclude<ConversationStatus, 'bot'>, snoozedUntil: string | undefined, now: Date): ConversationPatch {
  const patch: ConversationPatch = { status, snoozedUntil: status === 'snoozed' ? (snoozedUntil ?? null) : null };
  if (status === 'resolved') Object.assign(patch, { waitingSince: null, slaDueAt: null });
  const bot = conversation.botState ?? { unknownStreak: 0 };
  if (!bot.handedOffAt) patch.botState = { ...bot, handedOffAt: now.toISOString() };
  return patch;
}
