import type { JSX, RefObject } from 'preact';
import type { AgentPresence, AgentProfile, ConversationSummary } from '@parley/protocol';
import { t } from '../i18n/i18n.ts';
import type { StringKey } from '../i18n/locales/en.ts';
import { isUnread } from '../app/attention.ts';
import { INBOX_TABS, matchesSearch, tabCount } from './inbox-logic.ts';
import type { InboxFilters as Filters, InboxTab } from './inbox-logic.ts';
import { InboxFilters } from './InboxFilters.tsx';
import { InboxRow } from './InboxRow.tsx';
import type { InboxState } from './use-inbox.ts';

interface InboxProps {
  inbox: InboxState;
  me: AgentProfile;
  team: AgentPresence[];
  tab: InboxTab;
  onTab: (tab: InboxTab) => void;
  filters: Filters;
  onFilters: (filters: Filters) => void;
  search: string;
  onSearch: (search: string) => void;
  searchRef: RefObject<HTMLInputElement>;
  selectedId: string | undefined;
  openId: string | undefined;
  readSeqs: ReadonlyMap<string, number>;
  now: number;
  lang: string;
  timeZone: string;
  onSelect: (id: string) => void;
  onOpen: (id: string) => void;
}

/** What the list shows once search is applied (shortcuts move through the same rows). */
export function visibleRows(inbox: InboxState, search: string): ConversationSummary[] {
  return inbox.list.filter((summary) => matchesSearch(summary, search));
}

const EMPTY_TEXT = {
  queue: 'inbox.empty',
  mine: 'inbox.emptyMine',
  unassigned: 'inbox.emptyUnassigned',
  all: 'inbox.emptyAll',
  breaching: 'inbox.emptyBreaching',
} as const satisfies Record<InboxTab, StringKey>;

/** The inbox: views with counts, search, filters and the conversation list. */
export function Inbox(props: InboxProps) {
  const { inbox, me, tab, filters, search, now, lang } = props;
  const rows = visibleRows(inbox, search);
  const onListKey = (event: JSX.TargetedKeyboardEvent<HTMLUListElement>) => {
    // Arrow keys work inside the list as j/k do everywhere.
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const index = rows.findIndex((row) => row.id === props.selectedId);
    const next = rows[Math.min(rows.length - 1, Math.max(0, index + (event.key === 'ArrowDown' ? 1 : -1)))];
    if (next) props.onSelect(next.id);
  };
  return (
    <section class="inbox" aria-labelledby="inbox-heading">
      <h2 id="inbox-heading" class="visually-hidden">
        {t('inbox.heading')}
      </h2>
      <div class="views" role="group" aria-label={t('inbox.views')}>
        {INBOX_TABS.map((name) => (
          <button key={name} type="button" class="view" aria-pressed={tab === name} onClick={() => props.onTab(name)}>
            <span>{t(`view.${name}`)}</span>
            <span class={name === 'breaching' && tabCount(inbox.counts, name) > 0 ? 'count alert' : 'count'}>{tabCount(inbox.counts, name)}</span>
          </button>
        ))}
      </div>
      <div class="inbox-tools">
        <label class="visually-hidden" for="inbox-search">
          {t('inbox.search')}
        </label>
        <input
          id="inbox-search"
          ref={props.searchRef}
          type="search"
          class="search"
          placeholder={`${t('inbox.search')}  /`}
          value={search}
          onInput={(event: JSX.TargetedEvent<HTMLInputElement>) => props.onSearch(event.currentTarget.value)}
        />
        <details class="filters-box" open={Object.keys(filters).length > 0}>
          <summary>{t('inbox.filters')}{Object.keys(filters).length > 0 ? ` (${Object.keys(filters).length})` : ''}</summary>
          <InboxFilters filters={filters} onChange={props.onFilters} known={inbox.known.values()} languages={me.languages} sites={me.sites} lang={lang} />
        </details>
      </div>
      {inbox.hasError ? (
        <p class="inbox-status" role="alert">
          {t('inbox.error')}{' '}
          <button type="button" class="link" onClick={inbox.reload}>
            {t('inbox.retry')}
          </button>
        </p>
      ) : inbox.isLoading && rows.length === 0 ? (
        <p class="inbox-status">{t('inbox.loading')}</p>
      ) : rows.length === 0 ? (
        <p class="inbox-status">{Object.keys(filters).length > 0 || search ? t('inbox.emptyFiltered') : t(EMPTY_TEXT[tab])}</p>
      ) : null}
      <ul class="rows" aria-label={t('inbox.list')} onKeyDown={onListKey}>
        {rows.map((summary, index) => (
          <InboxRow
            key={summary.id}
            summary={summary}
            meId={me.agentId}
            meName={me.name}
            team={props.team}
            now={now}
            lang={lang}
            timeZone={props.timeZone}
            isSelected={props.selectedId === undefined ? index === 0 : summary.id === props.selectedId}
            isOpen={summary.id === props.openId}
            isUnread={isUnread(summary, props.readSeqs)}
            onOpen={props.onOpen}
            onFocusRow={props.onSelect}
          />
        ))}
      </ul>
    </section>
  );
}
