import { isErrorCode, ParleyError } from '@parley/protocol/errors';
import type { ErrorCode } from '@parley/protocol/errors';
import type { AgentPasswordOptions } from './agent-types.ts';

/** The console's session cookie (the gateway's `SESSION_COOKIE`). */
export const SESSION_COOKIE = 'parley_session';

/**
 * Signs in with `POST /v1/agent/session`. Resolves with the `parley_session=…` pair to forward as
 * a `cookie` header (Node.js), or `undefined` where `Set-Cookie` is hidden from scripts (browsers,
 * which keep the cookie themselves). Rejects with the coded ParleyError of the gateway's answer.
 */
export async function signIn(baseUrl: string, credentials: AgentPasswordOptions): Promise<string | undefined> {
  let response: Response;
  try {
    response = await fetch(`${baseUrl}/v1/agent/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: credentials.email, password: credentials.password, totp: credentials.totp }),
      // A console on another origin than the gateway still needs the browser to keep the cookie.
      credentials: 'include',
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ParleyError('PARLEY_ERR_CLIENT_TIMEOUT', `Could not reach ${baseUrl} to sign in: ${reason}`);
  }
  if (!response.ok) throw await errorFromResponse(response);
  return sessionCookie(response.headers);
}

/** The `parley_session=…` pair among a response's Set-Cookie headers, if any is visible. */
export function sessionCookie(headers: Headers): string | undefined {
  const values = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [headers.get('set-cookie') ?? ''];
  for (const value of values) {
    // Cookie values never contain ',' or ';', so this also reads a comma-joined header.
    const match = new RegExp(`(?:^|,\\s*)${SESSION_COOKIE}=([^;,]*)`).exec(value);
    if (match?.[1]) return `${SESSION_COOKIE}=${match[1]}`;
  }
  return undefined;
}

/** The ParleyError a REST error body `{ error: { code, message, details } }` describes. */
async function errorFromResponse(response: Response): Promise<ParleyError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && isErrorCode(error.code)) {
    return new ParleyError(error.code, typeof error.message === 'string' ? error.message : undefined, error.details);
  }
  const fallback: ErrorCode =
    response.status === 404 ? 'PARLEY_ERR_ROUTE_NOT_FOUND' : response.status === 429 ? 'PARLEY_ERR_RATE_LIMITED' : 'PARLEY_ERR_INTERNAL_ERROR';
  return new ParleyError(fallback, `Sign-in failed with HTTP ${response.status}.`);
}
