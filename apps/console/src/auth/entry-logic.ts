import type { SessionInfo } from './session-api.ts';

/** Where a signed-in browser goes: the mandatory two-factor setup, or the console itself. */
export type EntryScreen = 'totp-setup' | 'console';

/**
 * The screen for a live session: while the workspace requires two-factor and this agent has not
 * set it up, the gateway refuses the console's socket, so only the setup step can show.
 */
export function entryScreen(session: Pick<SessionInfo, 'isTotpSetupRequired'>): EntryScreen {
  return session.isTotpSetupRequired ? 'totp-setup' : 'console';
}
