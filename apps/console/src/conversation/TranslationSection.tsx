import { useState } from 'preact/hooks';
import type { TranslationState } from '@parley/protocol';
import { t } from '../i18n/i18n.ts';
import { canSwitch, inactiveReason, pairLabel, usageLabel } from './translation-labels.ts';

interface TranslationSectionProps {
  state: TranslationState;
  lang: string;
  /** Switches translation off (`true`) or back on; resolves once the gateway has. */
  onSwitch: (isOff: boolean) => Promise<unknown>;
}

/**
 * The context panel's "Translation": which languages and provider, a switch for this
 * conversation (every agent following it sees the change), why it is off, and the month's usage.
 */
export function TranslationSection({ state, lang, onSwitch }: TranslationSectionProps) {
  const [isBusy, setBusy] = useState(false);
  const reason = inactiveReason(state);
  const isOn = !state.isOff && state.isActive;
  const toggle = () => {
    setBusy(true);
    void onSwitch(!state.isOff).finally(() => setBusy(false));
  };
  return (
    <section class="ctx-translation" aria-labelledby="ctx-translation-heading">
      <h3 id="ctx-translation-heading">{t('ctx.translation')}</h3>
      <p class="pair">{pairLabel(state, lang)}</p>
      <button
        type="button"
        role="switch"
        class="switch"
        aria-checked={isOn}
        disabled={isBusy || !canSwitch(state)}
        data-testid="translation-switch"
        onClick={toggle}
      >
        <span class="switch-track" aria-hidden="true">
          <span class="switch-thumb" />
        </span>
        <span>{t('ctx.translationSwitch')}</span>
      </button>
      {reason ? (
        <p class="why" data-testid="translation-reason">
          {reason}
        </p>
      ) : null}
      <p class="why usage">{usageLabel(state.usage, lang)}</p>
    </section>
  );
}
