import type { AgentProfile } from '@parley/protocol';
import { ParleyError } from '@parley/protocol/errors';
import { restCall } from './rest.ts';

/**
 * The session cookie's REST side: signing in, reading the live session on reload, and signing
 * out. The socket then connects with the cookie alone.
 */

const SESSION_URL = '/v1/agent/session';

/** The gateway's answer for a session (`POST`/`GET /v1/agent/session`). */
export interface SessionInfo {
  agent: AgentProfile;
  /** Sent back in `X-CSRF-Token` on every write. */
  csrfToken: string;
  expiresAt: string;
  isTotpEnabled: boolean;
  /** Two-factor is mandatory here and this agent has not set it up: only the setup step works. */
  isTotpSetupRequired: boolean;
}

/** What the sign-in form sends. */
export interface Credentials {
  email: string;
  password: string;
  totp?: string | undefined;
}

/** Signs in (the gateway sets the cookie); rejects with the coded refusal. */
export function startSession(credentials: Credentials): Promise<SessionInfo> {
  return restCall<SessionInfo>(SESSION_URL, { method: 'POST', body: credentials });
}

/**
 * The live session for this browser's cookie, or `undefined` when there is none (401, an
 * expired session). Other failures (the gateway unreachable) reject, to be said in words.
 */
export async function readSession(): Promise<SessionInfo | undefined> {
  try {
    return await restCall<SessionInfo>(SESSION_URL);
  } catch (error) {
    if (error instanceof ParleyError && error.status === 401) return undefined;
    throw error;
  }
}

/**
 * Ends the session. The gateway checks a CSRF token on cookie-authenticated writes; the
 * session answer carries it (read afresh when the caller has none).
 */
export async function endSession(csrfToken?: string): Promise<void> {
  let token = csrfToken;
  if (!token) token = (await readSession().catch(() => undefined))?.csrfToken;
  // A dead session is what we want: a failed DELETE changes nothing for the agent.
  await restCall(SESSION_URL, { method: 'DELETE', csrfToken: token }).catch(() => undefined);
}
