import { useState } from 'preact/hooks';
import { neutraliseBidi } from '@parley/protocol/display-text';
import type { RefObject } from 'preact';
import type { AgentPresence, AgentProfile } from '@parley/protocol';
import type { AgentApi } from '../app/agent-api.ts';
import { t } from '../i18n/i18n.ts';
import { countryName, formatList, isValidTimeZone, languageName } from '../i18n/format.ts';
import { AssignControls } from './AssignControls.tsx';
import { Composer } from './Composer.tsx';
import type { RecentReply } from './Composer.tsx';
import { ContextPanel } from './ContextPanel.tsx';
import { MessageLog } from './MessageLog.tsx';
import { StatusControls } from './StatusControls.tsx';
import { recentReplier } from './timeline-logic.ts';
import { useConversation } from './use-conversation.ts';

interface ConversationViewProps {
  agent: AgentApi;
  me: AgentProfile;
  team: AgentPresence[];
  id: string;
  now: number;
  lang: string;
  timeZone: string;
  composerRef: RefObject<HTMLTextAreaElement>;
  onRead: (id: string, seq: number) => void;
  onOpen: (id: string) => void;
  onBack: () => void;
  /** Esc in the composer: back to the list, so j/k work again. */
  onEscape: () => void;
  /** Runs a command and reports its failure in words (the console's alert line). */
  run: (action: () => Promise<unknown>) => void;
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** One conversation: header with assignment and status, the log, the composer, and its context. */
export function ConversationView({ agent, me, team, id, now, lang, timeZone, composerRef, onRead, onOpen, onBack, onEscape, run }: ConversationViewProps) {
  const state = useConversation(agent, id, onRead);
  const [isContextOpen, setContextOpen] = useState(false);
  if (state.isLoading || !state.summary) {
    return <section class="conversation placeholder">{state.hasError ? <p role="alert">{t('conv.error')}</p> : <p>{t('conv.loading')}</p>}</section>;
  }
  const { summary, context } = state;
  const others = state.viewers.filter((viewer) => viewer.agentId !== me.agentId);
  const typingAgents = others.filter((viewer) => viewer.isTyping).map((viewer) => neutraliseBidi(viewer.name));
  const explain = (error: unknown): RecentReply | string => {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'PARLEY_ERR_CONVERSATION_RECENT_REPLY') {
      return { name: recentReplier((error as { details?: unknown }).details, state.messages, me) };
    }
    return errorMessage(error);
  };
  const shopperZone = isValidTimeZone(context?.timeZone) ? context?.timeZone : undefined;

  return (
    <section class={isContextOpen ? 'conversation context-open' : 'conversation'} aria-labelledby="conversation-title">
      <header class="conv-header">
        <button type="button" class="back quiet" onClick={onBack}>
          ← {t('conv.back')}
        </button>
        <h2 id="conversation-title">
          <bdi>{context?.identity?.name ? neutraliseBidi(context.identity.name) : t('conv.shopper')}</bdi>
          <span class="subtitle">
            {languageName(summary.locale, lang)}
            {summary.country ? ` · ${countryName(summary.country, lang)}` : ''} · {t(`status.${summary.status}`)}
          </span>
        </h2>
        <button type="button" class="details-toggle" aria-expanded={isContextOpen} aria-controls="context-panel" onClick={() => setContextOpen(!isContextOpen)}>
          {t('conv.details')}
        </button>
        <div class="controls">
          <AssignControls summary={summary} me={me} team={team} onAssign={(agentId) => run(() => agent.assign(id, agentId))} />
          <StatusControls summary={summary} onStatus={(status, until) => run(() => (until ? agent.setStatus(id, status, { until }) : agent.setStatus(id, status)))} />
        </div>
        {others.length > 0 ? <p class="viewers">{t('conv.viewers', { names: formatList(others.map((v) => neutraliseBidi(v.name)), lang) })}</p> : null}
      </header>
      <div class="conv-main">
        <MessageLog
          key={id}
          messages={state.messages}
          notes={state.notes}
          me={me}
          canReveal={me.canRevealPersonalData}
          visitorReadSeq={state.visitorReadSeq}
          lang={lang}
          timeZone={timeZone}
          shopperTimeZone={shopperZone}
          onReveal={(messageId, index, reason) => agent.reveal(id, messageId, index, reason)}
          translation={state.translation}
          late={state.late}
        />
        <p class="typing" aria-live="polite">
          {state.isShopperTyping ? t('conv.typingShopper') : typingAgents.length > 0 ? t('conv.typingAgent', { name: formatList(typingAgents, lang) }) : ''}
        </p>
        <Composer
          key={id}
          inputRef={composerRef}
          onSend={async (text, options) => void (await agent.send(id, text, options))}
          onNote={async (text) => void (await agent.note(id, text))}
          onTyping={(isTyping) => agent.setTyping(id, isTyping)}
          explain={explain}
          onEscape={onEscape}
          translation={state.translation}
          uiLang={lang}
          previewTranslation={async (text) => (await agent.previewTranslation(id, text)).text}
          loadCanned={async () => (await agent.cannedReplies(id)).replies}
        />
      </div>
      <div id="context-panel" class="context-wrap">
        {context ? (
          <ContextPanel
            summary={summary}
            context={context}
            now={now}
            lang={lang}
            timeZone={timeZone}
            onOpenEarlier={onOpen}
            translation={state.translation}
            onTranslationSwitch={(isOff) => {
              const change = agent.setTranslation(id, { isOff }).then(state.adoptTranslation);
              run(() => change);
              return change.catch(() => undefined);
            }}
          />
        ) : null}
      </div>
    </section>
  );
}
