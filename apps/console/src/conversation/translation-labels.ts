import type { TranslationState } from '@parley/protocol';
import { t } from '../i18n/i18n.ts';
import { languageName } from '../i18n/format.ts';
import { primaryLang } from './translation-view.ts';

/** A language by its primary subtag, named in the UI language ("Spanish", "スペイン語"). */
export function langName(tag: string | undefined, uiLang: string): string {
  return tag ? languageName(primaryLang(tag), uiLang) : '?';
}

/** "Spanish ⇄ English via apertium", or the pair alone when no provider is configured. */
export function pairLabel(state: TranslationState, uiLang: string): string {
  const shopper = langName(state.shopperLang, uiLang);
  const agent = langName(state.agentLang, uiLang);
  return state.provider ? t('ctx.translationPair', { shopper, agent, provider: state.provider }) : `${shopper} ⇄ ${agent}`;
}

/** Why the conversation does not translate, in words; undefined while it does. */
export function inactiveReason(state: TranslationState): string | undefined {
  if (state.isActive) return undefined;
  const reason = state.reason ?? (state.isOff ? 'switched_off' : state.provider ? 'same_language' : 'no_provider');
  return t(`ctx.translationReason.${reason}`);
}

/** "12,345 of 500,000 characters this month", or without the budget when it is unlimited. */
export function usageLabel(usage: TranslationState['usage'], uiLang: string): string {
  const number = new Intl.NumberFormat(uiLang);
  const used = number.format(usage.characters);
  return usage.budget === null ? t('ctx.translationUsageNoBudget', { used }) : t('ctx.translationUsage', { used, budget: number.format(usage.budget) });
}

/**
 * Whether the switch can change anything: it turns a working translation off, and back on;
 * a same-language conversation or a missing provider is not the agent's to fix here.
 */
export function canSwitch(state: TranslationState): boolean {
  return state.isActive || state.isOff;
}
