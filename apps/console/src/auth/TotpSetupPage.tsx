import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';
import type { SessionInfo } from './session-api.ts';
import { createTotpApi } from './totp-api.ts';
import { TotpSetupForm } from './TotpSetupForm.tsx';

interface TotpSetupPageProps {
  session: SessionInfo;
  /** Two-factor is on: go on into the console. */
  onEnabled: () => void;
  /** Sign out instead (or the session ended: `notice` says why). */
  onSignOut: (notice?: string) => void;
}

/**
 * The full-page step an agent meets while the workspace requires two-factor sign-in and they
 * have not set it up: the console's socket is refused until then, so nothing else shows.
 */
export function TotpSetupPage({ session, onEnabled, onSignOut }: TotpSetupPageProps) {
  const api = useMemo(() => createTotpApi(session.csrfToken), [session.csrfToken]);
  const [isDone, setDone] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // Arriving from the sign-in form: start reading at the heading, which says what this is.
  useEffect(() => heading.current?.focus(), []);

  return (
    <main class="signin">
      <section class="signin-card totp-card" aria-labelledby="totp-page-title">
        <h1 id="totp-page-title" ref={heading} tabIndex={-1}>
          {t('totp.pageTitle')}
        </h1>
        <p>{t('totp.pageIntro')}</p>
        <p class="hint">{t('totp.signedInAs', { email: session.agent.email })}</p>
        {isDone ? (
          <p class="ok" role="status">
            {t('totp.done')}
          </p>
        ) : (
          <TotpSetupForm
            api={api}
            idPrefix="totp-page"
            onEnabled={() => {
              setDone(true);
              onEnabled();
            }}
            onSessionOver={onSignOut}
          />
        )}
        <button type="button" class="link signout-link" onClick={() => onSignOut()}>
          {t('app.signOut')}
        </button>
      </section>
    </main>
  );
}
