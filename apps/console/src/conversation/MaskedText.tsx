import { useEffect, useRef, useState } from 'preact/hooks';
import { neutraliseBidi } from '@parley/protocol/display-text';
import type { JSX } from 'preact';
import { t } from '../i18n/i18n.ts';
import { splitMasked } from './timeline-logic.ts';

interface MaskedTextProps {
  text: string;
  /** The text's language, when it differs from the message's (a translation in the agent's). */
  lang?: string | undefined;
  canReveal: boolean;
  onReveal: (index: number, reason: string) => Promise<string>;
}

/**
 * Message text with masked personal data (•••) marked as such. Agents allowed to may reveal a
 * span after giving a reason (audited); the value is shown as text, in place, for this view only.
 */
export function MaskedText({ text, lang, canReveal, onReveal }: MaskedTextProps) {
  const [revealed, setRevealed] = useState<Record<number, string>>({});
  const [asking, setAsking] = useState<number | undefined>();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const reasonInput = useRef<HTMLInputElement>(null);
  // Override characters go before anything is shown, so a disguised file name reads as typed.
  const parts = splitMasked(neutraliseBidi(text));
  useEffect(() => {
    if (asking !== undefined) reasonInput.current?.focus();
  }, [asking]);

  const submit = async (event: JSX.TargetedEvent<HTMLFormElement>, index: number) => {
    event.preventDefault();
    setError(undefined);
    try {
      const value = await onReveal(index, reason.trim());
      setRevealed((current) => ({ ...current, [index]: value }));
      setAsking(undefined);
      setReason('');
    } catch (failure) {
      setError(t('app.actionFailed', { message: failure instanceof Error ? failure.message : String(failure) }));
    }
  };

  return (
    <>
      <p class="text" dir="auto" lang={lang}>
        {parts.map((part, i) => {
          if (part.maskIndex === undefined) return part.text;
          const index = part.maskIndex;
          if (revealed[index] !== undefined) {
            return (
              <mark key={i} class="revealed" dir="ltr" title={t('conv.revealed')}>
                {revealed[index]}
              </mark>
            );
          }
          return (
            <span key={i} class="masked" dir="ltr">
              <span aria-hidden="true">{part.text}</span>
              <span class="visually-hidden">{t('conv.masked')}</span>
              {canReveal && asking !== index ? (
                <button type="button" class="reveal" onClick={() => setAsking(index)}>
                  {t('conv.reveal')}
                </button>
              ) : null}
            </span>
          );
        })}
      </p>
      {asking !== undefined ? (
        <form class="reveal-form" onSubmit={(event) => void submit(event, asking)}>
          <label for={`reveal-${asking}`}>{t('conv.revealReason')}</label>
          <input
            id={`reveal-${asking}`}
            value={reason}
            minLength={3}
            maxLength={200}
            required
            ref={reasonInput}
            aria-describedby={`reveal-hint-${asking}`}
            onInput={(event: JSX.TargetedEvent<HTMLInputElement>) => setReason(event.currentTarget.value)}
            onKeyDown={(event) => event.key === 'Escape' && setAsking(undefined)}
          />
          <span id={`reveal-hint-${asking}`} class="hint">
            {t('conv.revealHint')}
          </span>
          <span class="reveal-actions">
            <button type="submit" disabled={reason.trim().length < 3}>
              {t('conv.reveal')}
            </button>
            <button type="button" class="quiet" onClick={() => setAsking(undefined)}>
              {t('conv.cancel')}
            </button>
          </span>
          {error ? <span role="alert" class="error">{error}</span> : null}
        </form>
      ) : null}
    </>
  );
}

/**
 * Masked text where there is no room to reveal (an inbox row): each masked value is one
 * left-to-right unit, so `+971 ••• 4567` does not come out reversed inside Arabic.
 */
export function MaskedInline({ text }: { text: string }) {
  return (
    <>
      {splitMasked(neutraliseBidi(text)).map((part, i) =>
        part.maskIndex === undefined ? (
          part.text
        ) : (
          <span key={i} class="masked-inline" dir="ltr">
            {part.text}
          </span>
        ),
      )}
    </>
  );
}
