/**
 * The session cookie's REST side. Signing in itself goes through `createAgentClient` with
 * credentials; these calls answer "is a session live?" on reload, and end it on sign-out.
 */

const SESSION_URL = '/v1/agent/session';

/** True when the gateway holds a live session for this browser's cookie (200), false on 401. */
export async function hasLiveSession(): Promise<boolean> {
  try {
    const response = await fetch(SESSION_URL, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Ends the session. The gateway checks a CSRF token on cookie-authenticated writes; the
 * session answer carries it (read from `csrfToken` when present).
 */
export async function endSession(): Promise<void> {
  let csrfToken: string | undefined;
  try {
    const response = await fetch(SESSION_URL, { credentials: 'same-origin', headers: { accept: 'application/json' } });
    const body = (await response.json()) as { csrfToken?: unknown };
    if (typeof body.csrfToken === 'string') csrfToken = body.csrfToken;
  } catch {
    // No readable answer: try the DELETE anyway; a dead session is what we want.
  }
  await fetch(SESSION_URL, {
    method: 'DELETE',
    credentials: 'same-origin',
    headers: csrfToken ? { 'x-csrf-token': csrfToken } : {},
  }).catch(() => undefined);
}
