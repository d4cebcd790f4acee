import type { Channel, ConversationStatus, ConversationSummary, InboxView, Region } from '@parley/protocol';
import { t } from '../i18n/i18n.ts';
import { formatDuration } from '../i18n/format.ts';

/** The inbox's tabs: the four server views, and `queue` (mine + unassigned), the first screen. */
export const INBOX_TABS = ['queue', 'mine', 'unassigned', 'all', 'breaching'] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

/** The server views a tab is made of. */
export function viewsOf(tab: InboxTab): InboxView[] {
  return tab === 'queue' ? ['mine', 'unassigned'] : [tab];
}

/** `breaching`: a response due within this window, or overdue (as the gateway counts it). */
export const BREACH_WINDOW_MS = 15 * 60_000;
/**
 * The statuses each view lists when no status filter is set, as the gateway reads them: mine
 * keeps pending and snoozed ones, the queue and "breaching" only open ones, and "all" also
 * shows what the bot is still handling. Live updates follow the same rules, or a snoozed
 * conversation would drop out of "Mine" until the next refetch put it back.
 */
const VIEW_STATUSES: Record<InboxView, readonly ConversationStatus[]> = {
  mine: ['open', 'pending', 'snoozed'],
  unassigned: ['open'],
  breaching: ['open'],
  all: ['bot', 'open', 'pending', 'snoozed'],
};

/** The inbox's filters; each absent field means "any". */
export interface InboxFilters {
  status?: ConversationStatus;
  siteKey?: string;
  region?: Region;
  language?: string;
  country?: string;
  channel?: Channel;
}

/** How long the shopper has waited for a person, or undefined when nobody owes an answer. */
export function waitingMs(summary: ConversationSummary, now: number): number | undefined {
  return summary.waitingSince ? Math.max(0, now - Date.parse(summary.waitingSince)) : undefined;
}

/** Longest-waiting first; conversations nobody owes an answer come after, most recent first. */
export function sortByWaiting(list: readonly ConversationSummary[]): ConversationSummary[] {
  return [...list].sort((a, b) => {
    if (a.waitingSince && b.waitingSince) return Date.parse(a.waitingSince) - Date.parse(b.waitingSince) || a.id.localeCompare(b.id);
    if (a.waitingSince) return -1;
    if (b.waitingSince) return 1;
    return Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || a.id.localeCompare(b.id);
  });
}

/** Where a conversation stands against its response target. */
export type SlaState = { kind: 'none' } | { kind: 'left'; ms: number; isSoon: boolean } | { kind: 'overdue'; ms: number };

/** The SLA state at `now` from `slaDueAt`. */
export function slaState(summary: ConversationSummary, now: number): SlaState {
  if (!summary.slaDueAt) return { kind: 'none' };
  const left = Date.parse(summary.slaDueAt) - now;
  return left < 0 ? { kind: 'overdue', ms: -left } : { kind: 'left', ms: left, isSoon: left <= BREACH_WINDOW_MS };
}

/** "SLA: 12 min left" / "SLA: overdue by 3 min", in the UI language; undefined when none is owed. */
export function slaLabel(state: SlaState, lang: string): string | undefined {
  if (state.kind === 'none') return undefined;
  const duration = formatDuration(state.ms, lang);
  return state.kind === 'left' ? t('row.slaLeft', { duration }) : t('row.slaOverdue', { duration });
}

/** "waiting 4 min", or undefined when the shopper is not waiting. */
export function waitingLabel(summary: ConversationSummary, now: number, lang: string): string | undefined {
  const ms = waitingMs(summary, now);
  return ms === undefined ? undefined : t('row.waiting', { duration: formatDuration(ms, lang) });
}

/** Whether a conversation belongs in a server view for this agent; `status` is the status filter. */
export function inView(summary: ConversationSummary, view: InboxView, meId: string, now: number, status?: ConversationStatus): boolean {
  if (!(status ? [status] : VIEW_STATUSES[view]).includes(summary.status)) return false;
  switch (view) {
    case 'mine':
      return summary.assigneeId === meId;
    case 'unassigned':
      return summary.assigneeId === null;
    case 'all':
      return true;
    case 'breaching':
      return summary.slaDueAt !== undefined && Date.parse(summary.slaDueAt) - now <= BREACH_WINDOW_MS;
  }
}

/** Whether a conversation passes the filters other than status (views decide statuses). */
export function passesFilters(summary: ConversationSummary, filters: InboxFilters): boolean {
  if (filters.siteKey && summary.siteKey !== filters.siteKey) return false;
  if (filters.region && summary.region !== filters.region) return false;
  if (filters.language && summary.locale.split('-')[0]?.toLowerCase() !== filters.language.toLowerCase()) return false;
  if (filters.country && summary.country !== filters.country) return false;
  if (filters.channel && summary.channel !== filters.channel) return false;
  return true;
}

/** Whether a live update keeps (or brings) a conversation in the list of `tab`. */
export function belongsTo(summary: ConversationSummary, tab: InboxTab, filters: InboxFilters, meId: string, now: number): boolean {
  return passesFilters(summary, filters) && viewsOf(tab).some((view) => inView(summary, view, meId, now, filters.status));
}

/** The count a tab shows (the queue adds mine and unassigned: they never overlap). */
export function tabCount(counts: Record<InboxView, number>, tab: InboxTab): number {
  return viewsOf(tab).reduce((sum, view) => sum + counts[view], 0);
}

/**
 * Counts after one conversation changed from `before` (undefined: not seen before) to `after`,
 * so the tabs move at once; the next page from the server corrects any drift.
 */
export function adjustCounts(
  counts: Record<InboxView, number>,
  before: ConversationSummary | undefined,
  after: ConversationSummary,
  meId: string,
  now: number,
): Record<InboxView, number> {
  const counted = (s: ConversationSummary | undefined, view: InboxView) => (s && inView(s, view, meId, now) ? 1 : 0);
  const next = { ...counts };
  for (const view of Object.keys(next) as InboxView[]) {
    next[view] = Math.max(0, next[view] - counted(before, view) + counted(after, view));
  }
  return next;
}

/** The list after a live update: replaced or added when it belongs, removed when it no longer does. */
export function applyUpdate(list: readonly ConversationSummary[], summary: ConversationSummary, belongs: boolean): ConversationSummary[] {
  const rest = list.filter((item) => item.id !== summary.id);
  return sortByWaiting(belongs ? [...rest, summary] : rest);
}

/** Client-side search over what is loaded: id, last message, site, country, locale. */
export function matchesSearch(summary: ConversationSummary, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  const haystack = [summary.id, summary.lastMessage?.text, summary.siteKey, summary.country, summary.locale, summary.botSummary?.orderNumber];
  return haystack.some((value) => value?.toLowerCase().includes(needle));
}
