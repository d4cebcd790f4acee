import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { t, uiLanguage } from '../i18n/i18n.ts';
import { browserTimeZone } from '../i18n/format.ts';
import { signInProblem } from './sign-in-errors.ts';

interface SignInProps {
  /** Signs in; rejects with the gateway's coded error. */
  onSignIn: (credentials: { email: string; password: string; totp?: string }) => Promise<void>;
  /** A problem to show on arrival (an expired session). */
  notice?: string | undefined;
}

/**
 * Email and password; the two-factor code field appears when the gateway asks for it. Errors
 * are said in words, a lockout with the time to try again.
 */
export function SignIn({ onSignIn, notice }: SignInProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(notice);
  const [isBusy, setBusy] = useState(false);
  const totpInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (needsTotp) totpInput.current?.focus();
  }, [needsTotp]);

  const submit = async (event: JSX.TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      await onSignIn({ email: email.trim(), password, ...(needsTotp && totp ? { totp } : {}) });
    } catch (error) {
      const found = signInProblem(error, { now: Date.now(), lang: uiLanguage(), timeZone: browserTimeZone() });
      setNeedsTotp(needsTotp || found.needsTotp);
      setProblem(found.text);
      setBusy(false);
    }
  };

  const value = (setter: (v: string) => void) => (event: JSX.TargetedEvent<HTMLInputElement>) => setter(event.currentTarget.value);
  return (
    <main class="signin">
      <form class="signin-card" onSubmit={(event) => void submit(event)} aria-describedby={problem ? 'signin-problem' : undefined}>
        <h1>{t('signin.heading')}</h1>
        <p class="hint">{t('signin.intro')}</p>
        <label for="signin-email">{t('signin.email')}</label>
        <input id="signin-email" type="email" autocomplete="username" required value={email} onInput={value(setEmail)} />
        <label for="signin-password">{t('signin.password')}</label>
        <input id="signin-password" type="password" autocomplete="current-password" required value={password} onInput={value(setPassword)} />
        {needsTotp ? (
          <>
            <label for="signin-totp">{t('signin.totp')}</label>
            <input
              id="signin-totp"
              ref={totpInput}
              inputMode="numeric"
              autocomplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              value={totp}
              onInput={value((v) => setTotp(v.replace(/\D/g, '')))}
            />
          </>
        ) : null}
        {problem ? (
          <p id="signin-problem" class="problem" role="alert">
            {problem}
          </p>
        ) : null}
        <button type="submit" class="primary" disabled={isBusy}>
          {isBusy ? t('signin.busy') : t('signin.submit')}
        </button>
      </form>
    </main>
  );
}
