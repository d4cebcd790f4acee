import type { ConversationSummary } from '@parley/protocol';

/** A shopper message younger than this is news worth a sound; older ones are catching up. */
const FRESH_MS = 60_000;

/** The tab title: "(3) Parley" with unread conversations, "Parley" without. */
export function formatTitle(unread: number, name = 'Parley'): string {
  return unread > 0 ? `(${unread}) ${name}` : name;
}

/** Whether the conversation is the agent's to answer: theirs, or queued for anyone. */
export function isForMe(summary: ConversationSummary, meId: string): boolean {
  return summary.assigneeId === meId || (summary.assigneeId === null && summary.status === 'open');
}

/** Whether its last message is the shopper's and newer than what the agent has read. */
export function isUnread(summary: ConversationSummary, readSeqs: ReadonlyMap<string, number>): boolean {
  const last = summary.lastMessage;
  return last !== undefined && last.author.kind === 'visitor' && last.seq > (readSeqs.get(summary.id) ?? 0);
}

/** Conversations the agent should answer that hold an unread shopper message. */
export function unreadCount(list: readonly ConversationSummary[], readSeqs: ReadonlyMap<string, number>, meId: string): number {
  return list.filter((summary) => isForMe(summary, meId) && isUnread(summary, readSeqs)).length;
}

/**
 * Whether a live update brings a new shopper message the agent should hear about: in their
 * queue, newer than the last one seen, and recent (a reconnect replaying old news stays quiet).
 */
export function isFreshShopperMessage(before: ConversationSummary | undefined, after: ConversationSummary, meId: string, now: number): boolean {
  const last = after.lastMessage;
  if (!last || last.author.kind !== 'visitor' || !isForMe(after, meId)) return false;
  if (before?.lastMessage && before.lastMessage.seq >= last.seq) return false;
  return now - Date.parse(last.createdAt) < FRESH_MS;
}
