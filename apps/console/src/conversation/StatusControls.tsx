import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { ConversationSummary } from '@parley/protocol';
import type { SettableStatus } from '../app/agent-api.ts';
import { t } from '../i18n/i18n.ts';

interface StatusControlsProps {
  summary: ConversationSummary;
  onStatus: (status: SettableStatus, until?: string) => void;
}

/** `YYYY-MM-DDTHH:mm` for a datetime-local input, in the browser's time zone. */
function localInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Tomorrow at 09:00: the snooze most agents want. */
function tomorrowMorning(): Date {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  date.setHours(9, 0, 0, 0);
  return date;
}

/** Open, Pending, Snooze until…, Resolve; the current status is pressed. */
export function StatusControls({ summary, onStatus }: StatusControlsProps) {
  const [until, setUntil] = useState(() => localInputValue(tomorrowMorning()));
  const simple: Array<{ status: SettableStatus; label: string }> = [
    { status: 'open', label: t('statusctl.open') },
    { status: 'pending', label: t('statusctl.pending') },
  ];
  return (
    <div class="control-group" role="group" aria-labelledby="status-heading">
      <span id="status-heading" class="group-label">
        {t('statusctl.heading')}
      </span>
      {simple.map((item) => (
        <button key={item.status} type="button" aria-pressed={summary.status === item.status} onClick={() => onStatus(item.status)}>
          {item.label}
        </button>
      ))}
      <details class="snooze">
        <summary class={summary.status === 'snoozed' ? 'pressed' : undefined}>{t('statusctl.snooze')}</summary>
        <form
          class="snooze-form"
          onSubmit={(event: JSX.TargetedEvent<HTMLFormElement>) => {
            event.preventDefault();
            const date = new Date(until);
            if (!Number.isNaN(date.getTime())) onStatus('snoozed', date.toISOString());
            event.currentTarget.closest('details')?.removeAttribute('open');
          }}
        >
          <label for="snooze-until">{t('statusctl.snoozeUntil')}</label>
          <input id="snooze-until" type="datetime-local" required value={until} min={localInputValue(new Date())}
            onInput={(event: JSX.TargetedEvent<HTMLInputElement>) => setUntil(event.currentTarget.value)} />
          <button type="submit">{t('statusctl.snoozeApply')}</button>
        </form>
      </details>
      <button type="button" class="resolve" aria-pressed={summary.status === 'resolved'} onClick={() => onStatus('resolved')}>
        {t('statusctl.resolve')}
      </button>
    </div>
  );
}
