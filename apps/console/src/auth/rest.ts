import { isErrorCode, ParleyError } from '@parley/protocol/errors';

/** How a console REST call is made: a JSON body, and the session's CSRF token for writes. */
export interface RestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** The session's `csrfToken`; the gateway refuses cookie writes without it. */
  csrfToken?: string | undefined;
}

/**
 * Calls the gateway's REST API on this origin with the session cookie and resolves with the
 * JSON answer (`undefined` for 204). A refusal rejects with a ParleyError carrying the body's
 * `{ error: { code, message, details } }`; an unreachable gateway rejects with the fetch
 * TypeError (both read the same way by `signInProblem`).
 */
export async function restCall<T>(path: string, options: RestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken;
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  if (response.status === 204) return undefined as T;
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) throw errorOf(response.status, body);
  return body as T;
}

function errorOf(status: number, body: unknown): ParleyError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  if (error && isErrorCode(error.code)) {
    return new ParleyError(error.code, typeof error.message === 'string' ? error.message : undefined, error.details);
  }
  return new ParleyError(status === 429 ? 'PARLEY_ERR_RATE_LIMITED' : 'PARLEY_ERR_INTERNAL_ERROR', `HTTP ${status}`);
}
