import { CULTURE_PROFILES, SUPPORTED_LOCALES, isSupportedLocale } from '@parley/culture';
import type { SupportedLocale } from '@parley/culture';
import type { Formality } from '@parley/translation';
import type { AgentRecord } from '../../storage/directory/directory-store.ts';
import { languageOf } from '../routing/choose-agent.ts';

/**
 * The language an agent reads and writes in: their first answering language, with their
 * console's regional variant when it is the same language (`en` + `en-GB` → `en-GB`), else
 * English.
 */
export function readingLanguageOf(agent: Pick<AgentRecord, 'languages' | 'uiLocale'>): string {
  const first = agent.languages[0];
  if (!first) return agent.uiLocale ?? 'en';
  return agent.uiLocale && languageOf(agent.uiLocale) === languageOf(first) ? agent.uiLocale : first;
}

/** Whether the agent answers in the conversation's language themself (no translation needed). */
export function speaks(agent: Pick<AgentRecord, 'languages'>, locale: string): boolean {
  return agent.languages.some((language) => languageOf(language) === languageOf(locale));
}

/** The supported locale closest to a tag: itself, else the first with its language (`de` → `de-DE`). */
export function supportedLocaleFor(tag: string): SupportedLocale | undefined {
  if (isSupportedLocale(tag)) return tag;
  const exact = SUPPORTED_LOCALES.find((locale) => locale.toLowerCase() === tag.toLowerCase());
  return exact ?? SUPPORTED_LOCALES.find((locale) => languageOf(locale) === languageOf(tag));
}

/**
 * The register the target culture asks for: honorific and formal profiles (keigo, Sie, vous)
 * want `more`, neutral ones (tú, você, you) `less`. Providers that cannot do it ignore it.
 */
export function formalityFor(targetTag: string): Formality | undefined {
  const locale = supportedLocaleFor(targetTag);
  if (!locale) return undefined;
  return CULTURE_PROFILES[locale].register === 'neutral' ? 'less' : 'more';
}
