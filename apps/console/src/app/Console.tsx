import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AgentPresence, AgentProfile, PresenceStatus } from '@parley/protocol';
import { endSession } from '../auth/session-api.ts';
import type { SessionInfo } from '../auth/session-api.ts';
import { createTotpApi } from '../auth/totp-api.ts';
import { signInProblem } from '../auth/sign-in-errors.ts';
import { ConversationView } from '../conversation/ConversationView.tsx';
import { t, uiLanguage } from '../i18n/i18n.ts';
import { browserTimeZone, isValidTimeZone } from '../i18n/format.ts';
import { Inbox, visibleRows } from '../inbox/Inbox.tsx';
import type { InboxFilters, InboxTab } from '../inbox/inbox-logic.ts';
import { useInbox } from '../inbox/use-inbox.ts';
import { CannedRepliesDialog } from '../admin/CannedRepliesDialog.tsx';
import { AccountDialog } from './AccountDialog.tsx';
import type { AgentApi, AgentConnectionStatus } from './agent-api.ts';
import { ConsoleHeader } from './ConsoleHeader.tsx';
import { HelpDialog } from './HelpDialog.tsx';
import type { ShortcutAction } from './shortcuts.ts';
import { useAttention, useUnreadTitle } from './use-attention.ts';
import { useNow } from './use-now.ts';
import { useShortcuts } from './use-shortcuts.ts';

interface ConsoleProps {
  agent: AgentApi;
  me: AgentProfile;
  /** The REST session (CSRF token, two-factor state). */
  session: SessionInfo;
  /** The workspace is known to require two-factor (the agent came through its setup step). */
  isTotpRequired: boolean;
  /** The gateway refused the socket until two-factor is set up (an admin made it mandatory). */
  onTotpSetupRequired: () => void;
  /** The session ended (signed out, expired, disabled); `notice` says why when it was not asked for. */
  onSignedOut: (notice?: string) => void;
}

const SESSION_ENDED = new Set(['PARLEY_ERR_AUTH_SESSION_EXPIRED', 'PARLEY_ERR_AUTH_REQUIRED', 'PARLEY_ERR_AUTH_ACCOUNT_DISABLED']);

/** The signed-in console: header, inbox and the open conversation, wired to shortcuts and alerts. */
export function Console({ agent, me, session, isTotpRequired, onTotpSetupRequired, onSignedOut }: ConsoleProps) {
  const now = useNow();
  const lang = uiLanguage();
  const timeZone = isValidTimeZone(me.timeZone) ? me.timeZone : browserTimeZone();
  const [tab, setTab] = useState<InboxTab>('queue');
  const [filters, setFilters] = useState<InboxFilters>({});
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [openId, setOpenId] = useState<string | undefined>();
  const [readSeqs, setReadSeqs] = useState<ReadonlyMap<string, number>>(new Map());
  const [team, setTeam] = useState<AgentPresence[]>(() => agent.team);
  const [presence, setPresence] = useState<PresenceStatus>(() => agent.team.find((a) => a.agentId === me.agentId)?.status ?? 'online');
  const [connection, setConnection] = useState<AgentConnectionStatus>('connected');
  const [alert, setAlert] = useState<string | undefined>();
  const [isHelpOpen, setHelpOpen] = useState(false);
  const [isAccountOpen, setAccountOpen] = useState(false);
  const [isCannedOpen, setCannedOpen] = useState(false);
  const [isTotpEnabled, setTotpEnabled] = useState(session.isTotpEnabled);
  const totpApi = useMemo(() => createTotpApi(session.csrfToken), [session.csrfToken]);
  const searchRef = useRef<HTMLInputElement>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);

  const open = (id: string) => {
    setOpenId(id);
    setSelectedId(id);
  };
  const attention = useAttention({ meId: me.agentId, onOpen: open });
  const inbox = useInbox(agent, me.agentId, tab, filters, attention.onChange);
  useUnreadTitle(inbox.known, readSeqs, me.agentId);

  useEffect(() => {
    const offs = [
      agent.on('presence', (p) => setTeam((current) => [...current.filter((a) => a.agentId !== p.agentId), p])),
      agent.on('status', setConnection),
      agent.on('error', (error) => {
        if (error.code === 'PARLEY_ERR_AUTH_TOTP_SETUP_REQUIRED') {
          agent.disconnect();
          return onTotpSetupRequired();
        }
        if (!SESSION_ENDED.has(error.code)) return setAlert(t('app.actionFailed', { message: error.message }));
        agent.disconnect();
        onSignedOut(signInProblem(error, { now: Date.now(), lang: uiLanguage(), timeZone }).text);
      }),
    ];
    return () => offs.forEach((off) => off());
  }, [agent]);

  const run = (action: () => Promise<unknown>) => {
    setAlert(undefined);
    action().catch((error: unknown) => setAlert(t('app.actionFailed', { message: error instanceof Error ? error.message : String(error) })));
  };

  const focusRow = (id: string) => {
    setSelectedId(id);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(id)}"]`)?.focus());
  };

  const onShortcut = (action: ShortcutAction) => {
    const rows = visibleRows(inbox, search);
    const index = rows.findIndex((row) => row.id === selectedId);
    const target = openId ?? selectedId ?? rows[0]?.id;
    if (action === 'next' || action === 'prev') {
      const next = rows[index === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, index + (action === 'next' ? 1 : -1)))];
      if (next) focusRow(next.id);
    } else if (action === 'open') {
      const id = selectedId ?? rows[0]?.id;
      if (id) open(id);
    } else if (action === 'resolve' && target) run(() => agent.setStatus(target, 'resolved'));
    else if (action === 'assign' && target) run(() => agent.assign(target));
    else if (action === 'reply') composerRef.current?.focus();
    else if (action === 'search') searchRef.current?.focus();
    else if (action === 'help') setHelpOpen(true);
  };
  useShortcuts(true, onShortcut);

  const signOut = () => {
    agent.disconnect();
    void endSession(session.csrfToken).finally(() => onSignedOut());
  };
  const sessionOver = (notice: string) => {
    agent.disconnect();
    onSignedOut(notice);
  };

  return (
    <div class={openId ? 'console has-open' : 'console'}>
      <a class="skip" href="#panes">
        {t('app.skip')}
      </a>
      <ConsoleHeader
        me={me}
        team={team}
        presence={presence}
        onPresence={(status) => {
          setPresence(status);
          run(() => agent.setPresence(status));
        }}
        isMuted={attention.isMuted}
        onMuted={attention.setMuted}
        onHelp={() => setHelpOpen(true)}
        isTotpEnabled={isTotpEnabled}
        onAccount={() => setAccountOpen(true)}
        onCannedReplies={me.role === 'admin' ? () => setCannedOpen(true) : undefined}
        onSignOut={signOut}
      />
      {connection === 'reconnecting' || connection === 'connecting' || connection === 'failed' ? (
        <p class="banner" role="status">
          {connection === 'failed' ? t('app.failed') : connection === 'connecting' ? t('app.connecting') : t('app.reconnecting')}
        </p>
      ) : null}
      <p class="alert" role="alert">
        {alert ?? ''}
      </p>
      <div id="panes" class="panes" tabIndex={-1}>
        <Inbox
          inbox={inbox}
          me={me}
          team={team}
          tab={tab}
          onTab={setTab}
          filters={filters}
          onFilters={setFilters}
          search={search}
          onSearch={setSearch}
          searchRef={searchRef}
          selectedId={selectedId}
          openId={openId}
          readSeqs={readSeqs}
          now={now}
          lang={lang}
          timeZone={timeZone}
          onSelect={setSelectedId}
          onOpen={open}
        />
        {openId ? (
          <ConversationView
            key={openId}
            agent={agent}
            me={me}
            team={team}
            id={openId}
            now={now}
            lang={lang}
            timeZone={timeZone}
            composerRef={composerRef}
            onRead={(id, seq) => setReadSeqs((current) => new Map(current).set(id, seq))}
            onOpen={open}
            onBack={() => {
              const id = openId;
              setOpenId(undefined);
              focusRow(id);
            }}
            onEscape={() => focusRow(openId)}
            run={run}
          />
        ) : (
          <section class="conversation placeholder">
            <p>{inbox.list.length === 0 && !inbox.isLoading ? t('conv.noneEmpty') : t('conv.none')}</p>
          </section>
        )}
      </div>
      <HelpDialog isOpen={isHelpOpen} onClose={() => setHelpOpen(false)} />
      <AccountDialog
        isOpen={isAccountOpen}
        onClose={() => setAccountOpen(false)}
        me={me}
        api={totpApi}
        isTotpEnabled={isTotpEnabled}
        onTotpEnabled={setTotpEnabled}
        isTotpRequired={isTotpRequired}
        onSessionOver={sessionOver}
      />
      {me.role === 'admin' ? (
        <CannedRepliesDialog isOpen={isCannedOpen} onClose={() => setCannedOpen(false)} csrfToken={session.csrfToken} lang={lang} timeZone={timeZone} onSessionOver={sessionOver} />
      ) : null}
    </div>
  );
}
