import type { ApiTokenScope } from '@parley/protocol';
import { CSRF_HEADER } from '../accounts/authenticate-request.ts';
import { SESSION_COOKIE } from '../accounts/principal.ts';

/**
 * The OpenAPI security schemes of the REST API: an API token (`Authorization: Bearer pk_…`),
 * or the console's session cookie, which needs the CSRF header on every state-changing call.
 */
export const SECURITY_SCHEMES = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'pk_…',
    description: 'An API token from `POST /v1/agent/tokens`; it acts as the agent who created it, within its scopes.',
  },
  cookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'A console session from `POST /v1/agent/session`.',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    // The very name the gateway checks (header names are case-insensitive).
    name: CSRF_HEADER,
    description: 'With a session cookie, on every call but GET/HEAD/OPTIONS: the csrfToken the sign-in answered.',
  },
} as const;

/**
 * What a route documents as its `security`: a token with `scope`, or a session (plus the CSRF
 * header when the call changes state). OpenAPI 3.1 lets non-OAuth schemes list roles, so the
 * scope appears next to `bearer`.
 *
 * @example
 * app.post('/v1/conversations/:id/notes', { schema: { security: securityFor('conversations:write', 'write') } }, …);
 */
export function securityFor(scope: ApiTokenScope, kind: 'read' | 'write'): Array<Record<string, string[]>> {
  return [{ bearer: [scope] }, kind === 'write' ? { cookie: [], csrf: [] } : { cookie: [] }];
}
