import type { PresenceStatus } from '@parley/protocol';
import { t } from '../i18n/i18n.ts';

interface PresenceSwitchProps {
  status: PresenceStatus;
  onChange: (status: 'online' | 'away') => void;
}

/** Online (takes new conversations) or Away (signed in, takes none), as a two-way radio group. */
export function PresenceSwitch({ status, onChange }: PresenceSwitchProps) {
  const options = ['online', 'away'] as const;
  return (
    <fieldset class="presence-switch">
      <legend class="visually-hidden">{t('presence.label')}</legend>
      {options.map((option) => (
        <label key={option} class={`presence-option ${option}${status === option ? ' checked' : ''}`}>
          <input type="radio" name="presence" value={option} checked={status === option} onChange={() => onChange(option)} />
          <span class={`dot ${option}`} aria-hidden="true" />
          {t(`presence.${option}`)}
        </label>
      ))}
    </fieldset>
  );
}
