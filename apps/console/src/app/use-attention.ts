import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConversationSummary } from '@parley/protocol';
import { t } from '../i18n/i18n.ts';
import { formatTitle, isFreshShopperMessage, unreadCount } from './attention.ts';
import { playChime, unlockChime } from './chime.ts';
import { notifyDesktop } from './desktop-notify.ts';

const MUTE_KEY = 'parley.console.muted';

function readMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

/** Sound, desktop notifications and the tab title, for one signed-in agent. */
export interface Attention {
  isMuted: boolean;
  setMuted: (isMuted: boolean) => void;
  /** Feed every live inbox change here. */
  onChange: (before: ConversationSummary | undefined, after: ConversationSummary) => void;
}

/** Keeps "(3) Parley" in the tab title: conversations for this agent with an unread shopper message. */
export function useUnreadTitle(known: ReadonlyMap<string, ConversationSummary>, readSeqs: ReadonlyMap<string, number>, meId: string): void {
  const unread = unreadCount([...known.values()], readSeqs, meId);
  useEffect(() => {
    document.title = formatTitle(unread, t('app.name'));
  }, [unread]);
}

/**
 * Chimes on each new shopper message in the agent's
 * queue (also when the tab has focus, unless muted); a desktop notification follows when the
 * tab is in the background and the agent allowed them.
 */
export function useAttention(options: { meId: string; onOpen: (id: string) => void }): Attention {
  const [isMuted, setMutedState] = useState(readMuted);
  const latest = useRef({ isMuted, onOpen: options.onOpen });
  latest.current = { isMuted, onOpen: options.onOpen };

  useEffect(() => {
    // Audio may only start after a gesture: the first click or key press unlocks it.
    const unlock = () => unlockChime();
    document.addEventListener('pointerdown', unlock, { once: true });
    document.addEventListener('keydown', unlock, { once: true });
    return () => {
      document.removeEventListener('pointerdown', unlock);
      document.removeEventListener('keydown', unlock);
    };
  }, []);

  const setMuted = (value: boolean) => {
    setMutedState(value);
    try {
      localStorage.setItem(MUTE_KEY, value ? '1' : '0');
    } catch {
      // Private mode without storage: the choice lasts for this page.
    }
  };

  const onChange = (before: ConversationSummary | undefined, after: ConversationSummary) => {
    if (!isFreshShopperMessage(before, after, options.meId, Date.now())) return;
    if (!latest.current.isMuted) playChime();
    notifyDesktop({
      title: t('app.notifyTitle'),
      body: after.lastMessage?.text ?? '',
      tag: after.id,
      onClick: () => latest.current.onOpen(after.id),
    });
  };

  return { isMuted, setMuted, onChange };
}
