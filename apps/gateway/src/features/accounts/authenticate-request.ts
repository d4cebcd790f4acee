import type { FastifyRequest } from 'fastify';
import { ParleyError } from '@parley/protocol';
import type { ApiTokenScope } from '@parley/protocol';
import { safeEqual } from './account-secrets.ts';
import type { AccountAuthenticator } from './authenticator.ts';
import type { Authenticator, Principal } from './principal.ts';

/** The header the console sends its session's CSRF token in. */
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a route asks of its caller. */
export interface AuthenticateRequestOptions {
  /**
   * The scope an API token needs for this call. Without one, the route is for console sessions
   * only and API tokens are refused: a route must opt in to integrations explicitly.
   */
  scope?: ApiTokenScope;
}

/**
 * Throws PARLEY_ERR_AUTH_CSRF_INVALID unless a cookie-authenticated state-changing request
 * (anything but GET/HEAD/OPTIONS) carries `X-CSRF-Token` equal to its session's token.
 * Token principals pass: a bearer token is never sent by the browser on its own.
 */
export function requireCsrf(request: FastifyRequest, principal: Principal): void {
  if (principal.via !== 'session' || SAFE_METHODS.has(request.method)) return;
  const given = request.headers[CSRF_HEADER];
  if (typeof given !== 'string' || !safeEqual(given, principal.csrfToken)) {
    throw new ParleyError('PARLEY_ERR_AUTH_CSRF_INVALID');
  }
}

/** Throws unless a token principal may make a call needing `scope` (no scope: sessions only). */
export function requireScope(principal: Principal, scope: ApiTokenScope | undefined): void {
  if (principal.via !== 'token') return;
  if (scope === undefined) {
    throw new ParleyError('PARLEY_ERR_AUTH_REQUIRED', 'This call needs a console session; API tokens cannot make it.', { needs: 'session' });
  }
  if (!principal.scopes.includes(scope)) throw new ParleyError('PARLEY_ERR_AUTH_SCOPE_MISSING', undefined, { scope });
}

/**
 * The caller of a REST request, for every route that needs one: resolves the cookie or bearer
 * token, then applies CSRF to cookie sessions and the scope check to API tokens.
 *
 * @example
 * app.post('/v1/conversations/:id/messages', async (request) => {
 *   const principal = await authenticateRequest(request, authenticator, { scope: 'conversations:write' });
 * });
 */
export async function authenticateRequest(
  request: FastifyRequest,
  authenticator: Authenticator,
  options: AuthenticateRequestOptions = {},
): Promise<Principal> {
  const principal = await authenticator.authenticate(headersOf(request));
  requireCsrf(request, principal);
  requireScope(principal, options.scope);
  return principal;
}

/** authenticateRequest for this feature's own routes, which may serve agents mid two-factor setup. */
export async function authenticateAccountRequest(
  request: FastifyRequest,
  authenticator: AccountAuthenticator,
  options: AuthenticateRequestOptions & { allowTotpSetup?: boolean } = {},
): Promise<Principal> {
  const principal = await authenticator.authenticate(headersOf(request), { allowTotpSetup: options.allowTotpSetup === true });
  requireCsrf(request, principal);
  requireScope(principal, options.scope);
  return principal;
}

function headersOf(request: FastifyRequest): { cookie: string | undefined; authorization: string | undefined } {
  return { cookie: request.headers.cookie, authorization: request.headers.authorization };
}

/** A principal signed in through the console's session cookie. */
export type SessionPrincipal = Extract<Principal, { via: 'session' }>;

/** authenticateAccountRequest for the calls only a console session may make (tokens are refused). */
export async function authenticateAccountSession(
  request: FastifyRequest,
  authenticator: AccountAuthenticator,
  options: { allowTotpSetup?: boolean } = {},
): Promise<SessionPrincipal> {
  const principal = await authenticateAccountRequest(request, authenticator, options);
  // requireScope without a scope has refused tokens already; this narrows the type.
  if (principal.via !== 'session') throw new ParleyError('PARLEY_ERR_AUTH_REQUIRED');
  return principal;
}
