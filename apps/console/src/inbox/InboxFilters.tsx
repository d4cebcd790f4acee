import type { JSX } from 'preact';
import type { ConversationSummary } from '@parley/protocol';
import { t } from '../i18n/i18n.ts';
import { countryName, languageName } from '../i18n/format.ts';
import type { InboxFilters as Filters } from './inbox-logic.ts';
import { CHANNEL_OPTIONS, REGION_OPTIONS, STATUS_OPTIONS } from './options.ts';

interface InboxFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
  /** Conversations seen so far: the site, language and country choices come from them. */
  known: Iterable<ConversationSummary>;
  languages: string[];
  sites: string[] | null;
  lang: string;
}

interface SelectProps {
  id: string;
  label: string;
  value: string | undefined;
  options: Array<{ value: string; label: string }>;
  onChange: (value: string | undefined) => void;
}

function FilterSelect({ id, label, value, options, onChange }: SelectProps) {
  return (
    <div class="filter">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event: JSX.TargetedEvent<HTMLSelectElement>) => onChange(event.currentTarget.value || undefined)}
      >
        <option value="">{t('filter.any')}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

const uniqueSorted = (values: Iterable<string | undefined>) => [...new Set([...values].filter((v): v is string => !!v))].sort();

/** The filter selects: status, site, region, language, country, channel. */
export function InboxFilters({ filters, onChange, known, languages, sites, lang }: InboxFiltersProps) {
  const list = [...known];
  const set = <K extends keyof Filters>(key: K) => (value: string | undefined) => {
    const next = { ...filters };
    if (value) next[key] = value as Filters[K];
    else delete next[key];
    onChange(next);
  };
  const siteKeys = uniqueSorted([...(sites ?? []), ...list.map((c) => c.siteKey)]);
  const languageTags = uniqueSorted([...languages, ...list.map((c) => c.locale.split('-')[0])]);
  const countries = uniqueSorted(list.map((c) => c.country));
  const hasAny = Object.keys(filters).length > 0;
  return (
    <div class="filters">
      <FilterSelect id="filter-status" label={t('filter.status')} value={filters.status} onChange={set('status')}
        options={STATUS_OPTIONS.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
      <FilterSelect id="filter-site" label={t('filter.site')} value={filters.siteKey} onChange={set('siteKey')}
        options={siteKeys.map((s) => ({ value: s, label: s }))} />
      <FilterSelect id="filter-region" label={t('filter.region')} value={filters.region} onChange={set('region')}
        options={REGION_OPTIONS.map((r) => ({ value: r, label: r.toUpperCase() }))} />
      <FilterSelect id="filter-language" label={t('filter.language')} value={filters.language} onChange={set('language')}
        options={languageTags.map((l) => ({ value: l, label: languageName(l, lang) }))} />
      <FilterSelect id="filter-country" label={t('filter.country')} value={filters.country} onChange={set('country')}
        options={countries.map((c) => ({ value: c, label: countryName(c, lang) }))} />
      <FilterSelect id="filter-channel" label={t('filter.channel')} value={filters.channel} onChange={set('channel')}
        options={CHANNEL_OPTIONS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
      {hasAny ? (
        <button type="button" class="link" onClick={() => onChange({})}>
          {t('filter.clear')}
        </button>
      ) : null}
    </div>
  );
}
