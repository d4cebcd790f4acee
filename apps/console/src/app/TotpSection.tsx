import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { CodeField } from '../auth/CodeField.tsx';
import { errorContext } from '../auth/error-context.ts';
import type { TotpApi } from '../auth/totp-api.ts';
import { totpProblem } from '../auth/totp-errors.ts';
import { isCompleteCode } from '../auth/totp-logic.ts';
import { TotpSetupForm } from '../auth/TotpSetupForm.tsx';
import { t } from '../i18n/i18n.ts';

interface TotpSectionProps {
  api: TotpApi;
  isEnabled: boolean;
  onEnabled: (isEnabled: boolean) => void;
  /** Two-factor is mandatory here, as far as this page knows (then it cannot be turned off). */
  isMandatory: boolean;
  /** The gateway said it is mandatory (a refused turn-off). */
  onMandatory: () => void;
  onSessionOver: (notice: string) => void;
}

type Mode = 'idle' | 'setup' | 'disable';

/** "Two-factor sign-in: on/off" with set up, and turn off (which asks for a current code). */
export function TotpSection({ api, isEnabled, onEnabled, isMandatory, onMandatory, onSessionOver }: TotpSectionProps) {
  const [mode, setMode] = useState<Mode>('idle');
  const [news, setNews] = useState<string | undefined>();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [isBusy, setBusy] = useState(false);
  const state = useRef<HTMLDivElement>(null);
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (mode === 'disable') codeInput.current?.focus();
  }, [mode]);

  // The control that had focus is gone: the state block says what happened, so read it next.
  const finish = (text?: string) => {
    setMode('idle');
    setNews(text);
    setCode('');
    setProblem(undefined);
    requestAnimationFrame(() => state.current?.focus());
  };

  const begin = (next: Mode) => {
    setNews(undefined);
    setMode(next);
  };

  const turnOff = async (event: JSX.TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isCompleteCode(code)) {
      setProblem(t('totp.error.incomplete'));
      return codeInput.current?.focus();
    }
    setBusy(true);
    try {
      await api.disable(code);
      onEnabled(false);
      finish(t('account.nowOff'));
    } catch (error) {
      const found = totpProblem(error, 'disable', errorContext());
      if (found.isSessionOver) return onSessionOver(found.text);
      if ((error as { code?: unknown }).code === 'PARLEY_ERR_AUTH_TOTP_SETUP_REQUIRED') {
        // Not an error to dwell on: the status line now says it stays on, and why.
        onMandatory();
        return finish();
      }
      setProblem(found.text);
      setCode('');
      codeInput.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="account-section" aria-labelledby="account-totp-title">
      {/* The focus target after each change: the state, what just happened, and what it means. */}
      <div ref={state} tabIndex={-1} class="account-state">
        <h3 id="account-totp-title">{isEnabled ? t('account.stateOn') : t('account.stateOff')}</h3>
        {news ? <p class="ok">{news}</p> : null}
        <p>{isEnabled ? t('account.statusOn') : t('account.statusOff')}</p>
        {isEnabled && isMandatory ? <p class="hint">{t('account.mandatory')}</p> : null}
      </div>
      {mode === 'setup' ? (
        <TotpSetupForm
          api={api}
          idPrefix="account-totp"
          shouldFocusCode
          onEnabled={() => {
            onEnabled(true);
            finish(t('account.nowOn'));
          }}
          onCancel={() => finish()}
          onSessionOver={onSessionOver}
        />
      ) : null}
      {mode === 'disable' ? (
        <form class="totp-off" noValidate onSubmit={(event) => void turnOff(event)}>
          <CodeField
            id="account-totp-off"
            label={t('account.turnOffCode')}
            value={code}
            onChange={setCode}
            inputRef={codeInput}
            describedBy={problem ? 'account-totp-off-problem' : undefined}
            isInvalid={problem !== undefined}
          />
          {problem ? (
            <p id="account-totp-off-problem" class="problem" role="alert">
              {problem}
            </p>
          ) : null}
          <div class="actions">
            <button type="submit" class="danger" disabled={isBusy}>
              {t('account.turnOffConfirm')}
            </button>
            <button type="button" onClick={() => finish()}>
              {t('totp.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {mode === 'idle' && !isEnabled ? (
        <button type="button" class="primary" onClick={() => begin('setup')}>
          {t('account.setUp')}
        </button>
      ) : null}
      {mode === 'idle' && isEnabled && !isMandatory ? (
        <button type="button" onClick={() => begin('disable')}>
          {t('account.turnOff')}
        </button>
      ) : null}
    </section>
  );
}
