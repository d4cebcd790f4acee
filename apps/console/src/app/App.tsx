import { useEffect, useState } from 'preact/hooks';
import type { AgentProfile } from '@parley/protocol';
import { entryScreen } from '../auth/entry-logic.ts';
import { endSession, readSession, startSession } from '../auth/session-api.ts';
import type { SessionInfo } from '../auth/session-api.ts';
import { SignIn } from '../auth/SignIn.tsx';
import { signInProblem } from '../auth/sign-in-errors.ts';
import { TotpSetupPage } from '../auth/TotpSetupPage.tsx';
import { pickLanguage, setUiLanguage, t, uiLanguage } from '../i18n/i18n.ts';
import { browserTimeZone } from '../i18n/format.ts';
import { createAgentApi } from './agent-api.ts';
import type { AgentApi } from './agent-api.ts';
import { Console } from './Console.tsx';

type Phase =
  | { name: 'checking' }
  | { name: 'signed-out'; notice?: string }
  | { name: 'totp-setup'; session: SessionInfo }
  | { name: 'ready'; agent: AgentApi; me: AgentProfile; session: SessionInfo; isTotpRequired: boolean };

const browserLanguages = () => (typeof navigator === 'undefined' ? [] : [...navigator.languages]);

/** Connects an agent client with the session cookie; a refusal disconnects it (so it stops retrying) and rethrows. */
async function connect(): Promise<{ agent: AgentApi; me: AgentProfile }> {
  const agent = createAgentApi();
  try {
    return { agent, me: await agent.connect() };
  } catch (error) {
    agent.disconnect();
    throw error;
  }
}

/**
 * The console's root. Signing in (or a live cookie on reload) gives a REST session; while the
 * workspace requires two-factor and this agent has none, the setup step shows and the socket
 * waits (the gateway would refuse it). The UI follows the agent's `uiLocale`, else the browser.
 */
export function App() {
  const [phase, setPhase] = useState<Phase>({ name: 'checking' });
  const [, setLang] = useState(uiLanguage());

  const applyLanguage = async (preferred?: string) => {
    const lang = pickLanguage([preferred, ...browserLanguages()]);
    await setUiLanguage(lang);
    setLang(lang);
  };

  /** From a live session to the screen it allows; rejects when the socket is refused. */
  const proceed = async (session: SessionInfo, isTotpRequired = false) => {
    await applyLanguage(session.agent.uiLocale);
    if (entryScreen(session) === 'totp-setup') return setPhase({ name: 'totp-setup', session });
    const { agent, me } = await connect();
    await applyLanguage(me.uiLocale);
    setPhase({ name: 'ready', agent, me, session, isTotpRequired });
  };

  const signedOut = (notice?: string) => setPhase(notice ? { name: 'signed-out', notice } : { name: 'signed-out' });
  const problemText = (error: unknown) => signInProblem(error, { now: Date.now(), lang: uiLanguage(), timeZone: browserTimeZone() }).text;

  /** Reads the session afresh (after setup, or when the socket says setup is needed) and goes on. */
  const resume = async (isTotpRequired: boolean) => {
    try {
      const session = await readSession();
      if (!session) return signedOut(t('signin.error.expired'));
      await proceed(session, isTotpRequired);
    } catch (error) {
      signedOut(problemText(error));
    }
  };

  useEffect(() => {
    void (async () => {
      await applyLanguage();
      try {
        const session = await readSession();
        if (!session) return signedOut();
        await proceed(session);
      } catch (error) {
        signedOut(problemText(error));
      }
    })();
  }, []);

  if (phase.name === 'checking') {
    return (
      <main class="signin">
        <p class="hint">{t('signin.checking')}</p>
      </main>
    );
  }
  if (phase.name === 'signed-out') {
    return <SignIn notice={phase.notice} onSignIn={async (credentials) => proceed(await startSession(credentials))} />;
  }
  if (phase.name === 'totp-setup') {
    return (
      <TotpSetupPage
        session={phase.session}
        onEnabled={() => void resume(true)}
        onSignOut={(notice) => {
          if (notice) return signedOut(notice);
          void endSession(phase.session.csrfToken).finally(() => signedOut());
        }}
      />
    );
  }
  return (
    <Console
      agent={phase.agent}
      me={phase.me}
      session={phase.session}
      isTotpRequired={phase.isTotpRequired}
      onTotpSetupRequired={() => void resume(true)}
      onSignedOut={signedOut}
    />
  );
}
