import { INBOX_VIEWS } from '@parley/protocol';
import type { ConversationStatus, InboxPage, InboxQuery, InboxView, Region } from '@parley/protocol';
import type { AgentRecord } from '../../storage/directory/directory-store.ts';
import type { ConversationQuery, ConversationRecord, RegionStore } from '../../storage/region-store.ts';
import { isOverseer, regionsOf } from './access.ts';

/** Statuses that still need people; resolved ones leave the inbox unless asked for. */
const ACTIVE: readonly ConversationStatus[] = ['open', 'pending', 'snoozed'];
const BREACHING_SOON_MS = 15 * 60 * 1000;
const DEFAULT_LIMIT = 50;

/** A conversation found for the inbox, with its region. */
export interface RegionalConversation {
  region: Region;
  conversation: ConversationRecord;
}

/**
 * The store queries one view needs for one agent. An `agent`'s "all" is their own plus the
 * queue, never colleagues' conversations (no previews of other teams' chats); overseers'
 * "all" also shows conversations the bot is still handling.
 */
function viewQueries(agent: AgentRecord, view: InboxView, statuses: readonly ConversationStatus[] | undefined, now: Date): Array<Omit<ConversationQuery, 'limit'>> {
  const breaching = new Date(now.getTime() + BREACHING_SOON_MS).toISOString();
  const mine = { assigneeId: agent.id, statuses: statuses ?? ACTIVE };
  const queue = { assigneeId: null, statuses: statuses ?? ['open'] };
  switch (view) {
    case 'mine':
      return [mine];
    case 'unassigned':
      return [queue];
    case 'breaching':
      return isOverseer(agent) ? [{ statuses: statuses ?? ['open'], slaDueBefore: breaching }] : [{ ...mine, statuses: statuses ?? ['open'], slaDueBefore: breaching }, { ...queue, slaDueBefore: breaching }];
    case 'all':
      return isOverseer(agent) ? [{ statuses: statuses ?? ['bot', ...ACTIVE] }] : [mine, { assigneeId: null, statuses: statuses ?? ['bot', ...ACTIVE] }];
  }
}

/** Longest-waiting first; never-waited after, newest activity first. */
export function compareForInbox(a: ConversationRecord, b: ConversationRecord): number {
  if (a.waitingSince && b.waitingSince) return a.waitingSince.localeCompare(b.waitingSince);
  if (a.waitingSince) return -1;
  if (b.waitingSince) return 1;
  return (b.updatedAt ?? b.createdAt).localeCompare(a.updatedAt ?? a.createdAt);
}

/**
 * Reads one inbox page across every region the agent may read, at request time (nothing is
 * copied out of its region), and the counts of every view.
 */
export async function readInbox(options: { agent: AgentRecord; query: InboxQuery; store: (region: Region) => RegionStore; now: Date }): Promise<{ rows: RegionalConversation[]; counts: InboxPage['counts'] }> {
  const { agent, query, now } = options;
  const regions = regionsOf(agent).filter((region) => !query.region || region === query.region);
  const siteKeys = agent.sites === null ? (query.siteKey ? [query.siteKey] : undefined) : agent.sites.filter((key) => !query.siteKey || key === query.siteKey);
  const filters = { siteKeys, language: query.language, country: query.country, channel: query.channel };
  const limit = query.limit ?? DEFAULT_LIMIT;
  const found: RegionalConversation[] = [];
  const seen = new Set<string>();
  for (const region of regions) {
    for (const part of viewQueries(agent, query.view, query.status, now)) {
      const rows = await options.store(region).listConversations({ ...part, ...filters, limit });
      for (const conversation of rows) {
        if (seen.has(conversation.id)) continue;
        seen.add(conversation.id);
        found.push({ region, conversation });
      }
    }
  }
  found.sort((a, b) => compareForInbox(a.conversation, b.conversation));
  const counts = Object.fromEntries(INBOX_VIEWS.map((view) => [view, 0])) as InboxPage['counts'];
  const siteFilter = { siteKeys: agent.sites ?? undefined };
  for (const view of INBOX_VIEWS) {
    for (const region of regionsOf(agent)) {
      for (const part of viewQueries(agent, view, undefined, now)) counts[view] += await options.store(region).countConversations({ ...part, ...siteFilter });
    }
  }
  return { rows: found.slice(0, limit), counts };
}
