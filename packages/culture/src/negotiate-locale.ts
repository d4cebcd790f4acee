import { match } from '@formatjs/intl-localematcher';
import { SUPPORTED_LOCALES } from './supported-locales.ts';
import type { SupportedLocale } from './supported-locales.ts';

/** Where a locale came from, in the chain's order (first that answers wins). */
export type LocaleSource = 'explicit' | 'message' | 'page' | 'navigator' | 'accept-language' | 'site-default';

/** Everything known about the shopper's language preferences at connect time. */
export interface LocaleHints {
  explicit?: string | undefined;
  /** The language the shopper writes in, when detection was reliable (`detectLanguage`). */
  written?: string | undefined;
  pageLang?: string | undefined;
  navigatorLocales?: readonly string[] | undefined;
  acceptLanguage?: string | undefined;
  siteDefault: string;
}

/** The negotiated locale, why it won, and what was considered (in chain order). */
export interface LocaleDecision {
  locale: SupportedLocale;
  source: LocaleSource;
  candidates: { source: LocaleSource; tags: string[] }[];
}

const NO_MATCH = 'und';

/**
 * Walks the locale chain (explicit → the shopper's own writing → page → browser →
 * Accept-Language → site default) and negotiates each source against the supported set with
 * `@formatjs/intl-localematcher` ("best fit": es-419→es-MX, zh-HK→zh-Hant, pt→pt-BR, iw→he-IL).
 * Invalid tags are dropped first, so hostile hints cannot throw.
 *
 * @example
 * negotiateLocale({ pageLang: 'en', navigatorLocales: ['de-AT'], siteDefault: 'en-US' })
 * // → { locale: 'en-US', source: 'page', … }
 */
export function negotiateLocale(hints: LocaleHints): LocaleDecision {
  const chain: { source: LocaleSource; tags: string[] }[] = [
    { source: 'explicit', tags: canonicalTags(hints.explicit ? [hints.explicit] : []) },
    { source: 'message', tags: canonicalTags(hints.written ? [refineWritten(hints.written, hints)] : []) },
    { source: 'page', tags: canonicalTags(hints.pageLang ? [hints.pageLang] : []) },
    { source: 'navigator', tags: canonicalTags(hints.navigatorLocales ?? []) },
    { source: 'accept-language', tags: canonicalTags(parseAcceptLanguage(hints.acceptLanguage)) },
    { source: 'site-default', tags: canonicalTags([hints.siteDefault]) },
  ];
  const candidates = chain.filter((entry) => entry.tags.length > 0);
  for (const entry of candidates) {
    const locale = match(entry.tags, SUPPORTED_LOCALES, NO_MATCH, { algorithm: 'best fit' });
    if (locale !== NO_MATCH) return { locale: locale as SupportedLocale, source: entry.source, candidates };
  }
  return { locale: 'en-US', source: 'site-default', candidates };
}

/**
 * Detection yields a bare language (`es`); if the page or browser named a regional variant of
 * that same language (`es-MX`), the shopper most likely wants that one.
 */
function refineWritten(written: string, hints: LocaleHints): string {
  const language = written.split('-')[0]?.toLowerCase();
  const others = canonicalTags([...(hints.pageLang ? [hints.pageLang] : []), ...(hints.navigatorLocales ?? []), ...parseAcceptLanguage(hints.acceptLanguage)]);
  const sameLanguage = others.find((tag) => tag.split('-')[0]?.toLowerCase() === language && tag.includes('-'));
  // Script-bearing detections (zh-Hans/zh-Hant) are already specific; keep them.
  return written.includes('-') ? written : (sameLanguage ?? written);
}

/** Keeps the tags `Intl` accepts, canonicalised (`EN-us` → `en-US`); drops `*` and garbage. */
export function canonicalTags(tags: readonly string[]): string[] {
  const valid: string[] = [];
  for (const tag of tags) {
    try {
      valid.push(...Intl.getCanonicalLocales(tag.trim()));
    } catch {
      // Invalid BCP 47 from a header or a page: ignore it, the next source will answer.
    }
  }
  return [...new Set(valid)];
}

/** `de-CH, de;q=0.9, en;q=0.5` → tags sorted by q (0 excluded), stable for equal q. */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const qParam = params.find((p) => p.trim().startsWith('q='));
      const q = qParam ? Number(qParam.trim().slice(2)) : 1;
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}
