import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { t } from '../i18n/i18n.ts';
import { CodeField } from './CodeField.tsx';
import { QrCode } from './QrCode.tsx';
import type { TotpApi, TotpSetup } from './totp-api.ts';
import { totpProblem } from './totp-errors.ts';
import type { TotpProblem } from './totp-errors.ts';
import { groupSecret, isCompleteCode } from './totp-logic.ts';
import { errorContext } from './error-context.ts';

interface TotpSetupFormProps {
  api: TotpApi;
  /** Two-factor is on now. */
  onEnabled: () => void;
  /** The session ended meanwhile; `notice` says so. */
  onSessionOver: (notice: string) => void;
  /** Shown next to Confirm when the setup may be left (the account dialog). */
  onCancel?: (() => void) | undefined;
  /** Tells ids apart when two forms could exist at once. */
  idPrefix: string;
  /** Put the cursor in the code field once the key shows (the dialog, where the button that opened this is gone). */
  shouldFocusCode?: boolean;
}

type Load = { state: 'loading' } | { state: 'ready'; setup: TotpSetup } | { state: 'failed'; text: string };

/**
 * The setup itself: asks the gateway for a new secret, shows it as a QR code and as grouped
 * text, and turns two-factor on with the first code the app shows. A wrong code keeps the
 * secret (the app holds it already) and puts the cursor back in the field.
 */
export function TotpSetupForm({ api, onEnabled, onSessionOver, onCancel, idPrefix, shouldFocusCode = false }: TotpSetupFormProps) {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [isBusy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  const problemId = `${idPrefix}-problem`;

  const refused = (error: unknown, action: 'start' | 'confirm'): TotpProblem => {
    const found = totpProblem(error, action, errorContext());
    if (found.isSessionOver) onSessionOver(found.text);
    return found;
  };

  useEffect(() => {
    let isCurrent = true;
    setLoad({ state: 'loading' });
    api.start().then(
      (setup) => isCurrent && setLoad({ state: 'ready', setup }),
      (error: unknown) => isCurrent && setLoad({ state: 'failed', text: refused(error, 'start').text }),
    );
    return () => {
      isCurrent = false;
    };
  }, [api, attempt]);
  useEffect(() => {
    if (shouldFocusCode && load.state === 'ready') codeInput.current?.focus();
  }, [load.state]);

  const submit = async (event: JSX.TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!isCompleteCode(code)) {
      setProblem(t('totp.error.incomplete'));
      codeInput.current?.focus();
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await api.confirm(code);
      onEnabled();
    } catch (error) {
      setProblem(refused(error, 'confirm').text);
      setCode('');
      setBusy(false);
      codeInput.current?.focus();
    }
  };

  if (load.state === 'loading') return <p class="hint" role="status">{t('totp.loading')}</p>;
  if (load.state === 'failed') {
    return (
      <div class="totp-failed">
        <p class="problem" role="alert">
          {load.text}
        </p>
        <button type="button" onClick={() => setAttempt((n) => n + 1)}>
          {t('totp.retry')}
        </button>
      </div>
    );
  }
  return (
    <form class="totp-setup" noValidate onSubmit={(event) => void submit(event)}>
      <div class="totp-key">
        <QrCode value={load.setup.otpauthUrl} label={t('totp.qrLabel')} />
        <div class="totp-key-text">
          <p>{t('totp.scan')}</p>
          <p class="hint">{t('totp.secret')}</p>
          <code class="secret" translate={false}>
            {groupSecret(load.setup.secret)}
          </code>
        </div>
      </div>
      <CodeField
        id={`${idPrefix}-code`}
        label={t('totp.code')}
        value={code}
        onChange={setCode}
        inputRef={codeInput}
        describedBy={problem ? problemId : undefined}
        isInvalid={problem !== undefined}
      />
      {problem ? (
        <p id={problemId} class="problem" role="alert">
          {problem}
        </p>
      ) : null}
      <div class="actions">
        <button type="submit" class="primary" disabled={isBusy}>
          {isBusy ? t('totp.confirming') : t('totp.confirm')}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t('totp.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
