import { useState } from 'preact/hooks';
import { neutraliseBidi } from '@parley/protocol/display-text';
import type { AgentPresence, AgentProfile, PresenceStatus } from '@parley/protocol';
import { t } from '../i18n/i18n.ts';
import { PresenceSwitch } from '../presence/PresenceSwitch.tsx';
import { TeamList } from '../presence/TeamList.tsx';
import { askForNotifications, canAskForNotifications } from './desktop-notify.ts';

interface ConsoleHeaderProps {
  me: AgentProfile;
  team: AgentPresence[];
  presence: PresenceStatus;
  onPresence: (status: 'online' | 'away') => void;
  isMuted: boolean;
  onMuted: (isMuted: boolean) => void;
  onHelp: () => void;
  /** Two-factor sign-in is on for me (the button says so and opens the account dialog). */
  isTotpEnabled: boolean;
  onAccount: () => void;
  /** Opens the canned-replies admin dialog; absent for agents who are not admins (no button). */
  onCannedReplies?: (() => void) | undefined;
  onSignOut: () => void;
}

/** The top bar: product, presence, team, sound, notifications, shortcuts help, two-factor, canned replies (admins), sign-out. */
export function ConsoleHeader({ me, team, presence, onPresence, isMuted, onMuted, onHelp, isTotpEnabled, onAccount, onCannedReplies, onSignOut }: ConsoleHeaderProps) {
  const [canAsk, setCanAsk] = useState(canAskForNotifications);
  return (
    <header class="topbar">
      <h1 class="brand">{t('app.name')}</h1>
      <PresenceSwitch status={presence} onChange={onPresence} />
      <TeamList team={team} meId={me.agentId} />
      <span class="spacer" />
      <button type="button" class="quiet" aria-pressed={!isMuted} onClick={() => onMuted(!isMuted)}>
        {t('app.sound')}
      </button>
      {canAsk ? (
        <button type="button" class="quiet notify" onClick={() => void askForNotifications().finally(() => setCanAsk(canAskForNotifications()))}>
          {t('app.notifications')}
        </button>
      ) : null}
      <button type="button" class="quiet" aria-keyshortcuts="?" title={t('app.shortcuts')} onClick={onHelp}>
        <kbd aria-hidden="true">?</kbd> <span class="label-text">{t('app.shortcuts')}</span>
      </button>
      {onCannedReplies ? (
        <button type="button" class="quiet" aria-haspopup="dialog" data-testid="canned-replies-button" onClick={onCannedReplies}>
          {t('cannedAdmin.button')}
        </button>
      ) : null}
      <button type="button" class={isTotpEnabled ? 'quiet totp-state on' : 'quiet totp-state off'} aria-haspopup="dialog" onClick={onAccount}>
        {isTotpEnabled ? t('account.buttonOn') : t('account.buttonOff')}
      </button>
      <span class="me" title={me.email}>
        <bdi>{neutraliseBidi(me.name)}</bdi>
      </span>
      <button type="button" class="quiet" onClick={onSignOut}>
        {t('app.signOut')}
      </button>
    </header>
  );
}
