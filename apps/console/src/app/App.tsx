import { useEffect, useState } from 'preact/hooks';
import type { AgentProfile } from '@parley/protocol';
import { SignIn } from '../auth/SignIn.tsx';
import { hasLiveSession } from '../auth/session-api.ts';
import { signInProblem } from '../auth/sign-in-errors.ts';
import { pickLanguage, setUiLanguage, t, uiLanguage } from '../i18n/i18n.ts';
import { browserTimeZone } from '../i18n/format.ts';
import { createAgentApi } from './agent-api.ts';
import type { AgentApi, AgentCredentials } from './agent-api.ts';
import { Console } from './Console.tsx';

type Phase = { name: 'checking' } | { name: 'signed-out'; notice?: string } | { name: 'ready'; agent: AgentApi; me: AgentProfile };

const browserLanguages = () => (typeof navigator === 'undefined' ? [] : [...navigator.languages]);

/** Connects an agent client; a refusal disconnects it (so it stops retrying) and rethrows. */
async function connect(credentials?: AgentCredentials): Promise<{ agent: AgentApi; me: AgentProfile }> {
  const agent = createAgentApi(credentials);
  try {
    return { agent, me: await agent.connect() };
  } catch (error) {
    agent.disconnect();
    throw error;
  }
}

/**
 * The console's root: a live session cookie (page reload) goes straight in; otherwise the
 * sign-in form. The UI follows the agent's `uiLocale`, else the browser's languages.
 */
export function App() {
  const [phase, setPhase] = useState<Phase>({ name: 'checking' });
  const [, setLang] = useState(uiLanguage());

  const enter = async (agent: AgentApi, me: AgentProfile) => {
    const lang = pickLanguage([me.uiLocale, ...browserLanguages()]);
    await setUiLanguage(lang);
    setLang(lang);
    setPhase({ name: 'ready', agent, me });
  };

  useEffect(() => {
    void (async () => {
      const lang = pickLanguage(browserLanguages());
      await setUiLanguage(lang);
      setLang(lang);
      if (!(await hasLiveSession())) return setPhase({ name: 'signed-out' });
      try {
        const { agent, me } = await connect();
        await enter(agent, me);
      } catch (error) {
        const notice = signInProblem(error, { now: Date.now(), lang, timeZone: browserTimeZone() }).text;
        setPhase({ name: 'signed-out', notice });
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
    return (
      <SignIn
        notice={phase.notice}
        onSignIn={async (credentials) => {
          const { agent, me } = await connect(credentials);
          await enter(agent, me);
        }}
      />
    );
  }
  return <Console agent={phase.agent} me={phase.me} onSignedOut={(notice) => setPhase(notice ? { name: 'signed-out', notice } : { name: 'signed-out' })} />;
}
