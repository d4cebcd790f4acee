import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConversationSummary, InboxQuery, InboxView } from '@parley/protocol';
import type { AgentApi } from '../app/agent-api.ts';
import { adjustCounts, applyUpdate, belongsTo, sortByWaiting, viewsOf } from './inbox-logic.ts';
import type { InboxFilters, InboxTab } from './inbox-logic.ts';

/** What the inbox shows, live. */
export interface InboxState {
  list: ConversationSummary[];
  counts: Record<InboxView, number>;
  isLoading: boolean;
  hasError: boolean;
  /** Every summary seen so far, current as of the last live update (the title counts from it). */
  known: ReadonlyMap<string, ConversationSummary>;
  reload: () => void;
}

const ZERO: Record<InboxView, number> = { mine: 0, unassigned: 0, all: 0, breaching: 0 };
// Live updates move the list at once; a quiet refetch this long after the last one settles counts.
const SETTLE_MS = 2_000;

function query(view: InboxView, filters: InboxFilters): InboxQuery {
  const { status, ...rest } = filters;
  const result: InboxQuery = { view, ...rest, limit: 200 };
  if (status) result.status = [status];
  return result;
}

/**
 * The conversations of a tab under the filters, kept live from `conversation` events.
 * `onChange` sees every live update with the summary it replaces (for sounds and the title).
 */
export function useInbox(
  agent: AgentApi,
  meId: string,
  tab: InboxTab,
  filters: InboxFilters,
  onChange: (before: ConversationSummary | undefined, after: ConversationSummary) => void,
): InboxState {
  const [list, setList] = useState<ConversationSummary[]>([]);
  const [counts, setCounts] = useState(ZERO);
  const [isLoading, setLoading] = useState(true);
  const [hasError, setError] = useState(false);
  const [generation, setGeneration] = useState(0);
  const known = useRef(new Map<string, ConversationSummary>());
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const filterKey = JSON.stringify(filters);

  useEffect(() => {
    let isCurrent = true;
    let settleTimer: ReturnType<typeof setTimeout> | undefined;
    const load = async (isQuiet: boolean) => {
      if (!isQuiet) setLoading(true);
      try {
        const pages = await Promise.all(viewsOf(tab).map((view) => agent.inbox(query(view, filters))));
        if (!isCurrent) return;
        const merged = new Map(pages.flatMap((page) => page.conversations).map((c) => [c.id, c]));
        for (const summary of merged.values()) known.current.set(summary.id, summary);
        setList(sortByWaiting([...merged.values()]));
        setCounts(pages[0]?.counts ?? ZERO);
        setError(false);
      } catch {
        if (isCurrent && !isQuiet) setError(true);
      } finally {
        if (isCurrent) setLoading(false);
      }
    };
    void load(false);
    const unsubscribe = agent.on('conversation', (summary) => {
      const before = known.current.get(summary.id);
      known.current.set(summary.id, summary);
      const now = Date.now();
      setList((current) => applyUpdate(current, summary, belongsTo(summary, tab, filters, meId, now)));
      setCounts((current) => adjustCounts(current, before, summary, meId, now));
      onChangeRef.current(before, summary);
      clearTimeout(settleTimer);
      settleTimer = setTimeout(() => void load(true), SETTLE_MS);
    });
    return () => {
      isCurrent = false;
      clearTimeout(settleTimer);
      unsubscribe();
    };
    // filterKey stands for filters (a fresh object each render).
  }, [agent, meId, tab, filterKey, generation]);

  return { list, counts, isLoading, hasError, known: known.current, reload: () => setGeneration((g) => g + 1) };
}
