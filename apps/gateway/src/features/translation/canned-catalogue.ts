import { CANNED_REPLY_KEYS, cannedReplyLabel, renderCannedReply, renderCannedTemplate } from '@parley/culture';
import type { CannedRender, CannedReplyKey, CannedValues } from '@parley/culture';
import type { CannedReplyOption } from '@parley/protocol';
import type { DirectoryStore, SiteCannedReplyRecord } from '../../storage/directory/directory-store.ts';
import type { Site } from '../../sites/site.ts';
import { languageOf } from '../routing/choose-agent.ts';
import { supportedLocaleFor } from './languages.ts';

/** One canned reply whatever its origin, rendered for one locale. */
export interface CannedEntry {
  key: string;
  origin: 'parley' | 'site';
  title(agentLocale: string): { title: string; keywords: string };
  /** The reply written for `locale` (no machine translation), or undefined when it has none. */
  render(locale: string, values: CannedValues): CannedRender | undefined;
  /** The version to machine-translate when `render` has none: its locale and text. */
  fallback(agentLocale: string, values: CannedValues): { lang: string; render: CannedRender };
}

const SHIPPED: ReadonlySet<string> = new Set(CANNED_REPLY_KEYS);

function shipped(key: CannedReplyKey): CannedEntry {
  const localeOf = (tag: string) => supportedLocaleFor(tag) ?? 'en-US';
  return {
    key,
    origin: 'parley',
    title: (agentLocale) => cannedReplyLabel(localeOf(agentLocale), key),
    // Every supported locale has every shipped reply (the culture tests say so).
    render: (locale, values) => (supportedLocaleFor(locale) ? renderCannedReply(localeOf(locale), key, values) : undefined),
    fallback: (agentLocale, values) => ({ lang: localeOf(agentLocale), render: renderCannedReply(localeOf(agentLocale), key, values) }),
  };
}

/** A body for `locale`: its own tag, else one of the same language (`de` serves `de-DE`). */
function bodyFor(bodies: Record<string, string>, locale: string): [string, string] | undefined {
  const entries = Object.entries(bodies);
  return entries.find(([tag]) => tag.toLowerCase() === locale.toLowerCase()) ?? entries.find(([tag]) => languageOf(tag) === languageOf(locale));
}

function own(reply: Pick<SiteCannedReplyRecord, 'key' | 'title' | 'bodies'>): CannedEntry {
  return {
    key: reply.key,
    origin: 'site',
    title: (agentLocale) => ({ title: reply.title, keywords: bodyFor(reply.bodies, agentLocale)?.[1] ?? '' }),
    render: (locale, values) => {
      const body = bodyFor(reply.bodies, locale);
      return body ? renderCannedTemplate(body[1], values) : undefined;
    },
    fallback: (agentLocale, values) => {
      const [lang, body] = bodyFor(reply.bodies, agentLocale) ?? Object.entries(reply.bodies)[0]!;
      return { lang, render: renderCannedTemplate(body, values) };
    },
  };
}

/**
 * A site's canned replies: Parley's shipped set, then the site's own from sites.json, then the
 * ones its admins saved in the console; a later one with the same key replaces an earlier one.
 */
export async function cannedCatalogue(site: Site | undefined, siteKey: string, directory: DirectoryStore): Promise<CannedEntry[]> {
  const byKey = new Map<string, CannedEntry>();
  for (const key of CANNED_REPLY_KEYS) byKey.set(key, shipped(key));
  for (const reply of site?.translation?.cannedReplies ?? []) byKey.set(reply.key, own(reply));
  for (const reply of await directory.listSiteCannedReplies(siteKey)) byKey.set(reply.key, own(reply));
  return [...byKey.values()];
}

/** Whether a key names one of Parley's shipped replies. */
export const isShippedCannedKey = (key: string) => SHIPPED.has(key);

/** The picker's row for one entry. `canTranslate`: the conversation has a working provider. */
export function cannedOption(entry: CannedEntry, input: { agentLocale: string; shopperLocale: string; values: CannedValues; canTranslate: boolean }): CannedReplyOption {
  const { title, keywords } = entry.title(input.agentLocale);
  const agentSide = entry.render(input.agentLocale, input.values) ?? entry.fallback(input.agentLocale, input.values).render;
  const native = entry.render(input.shopperLocale, input.values);
  const shopperSide = native ?? entry.fallback(input.agentLocale, input.values).render;
  const missing = [...new Set([...(agentSide.ok ? [] : agentSide.missing), ...(shopperSide.ok ? [] : shopperSide.missing)])];
  const option: CannedReplyOption = {
    key: entry.key,
    title,
    keywords,
    preview: agentSide.ok ? agentSide.text : title,
    source: native ? 'native' : input.canTranslate ? 'machine' : 'unavailable',
    origin: entry.origin,
  };
  if (missing.length > 0) option.missing = missing;
  else if (native?.ok) option.shopperText = native.text;
  return option;
}
