import type { ApiTokenScope } from '@parley/protocol';
import type { AgentRecord } from '../../storage/directory/directory-store.ts';

/** Who is calling: an agent through a console session, or an integration through an API token. */
export type Principal =
  | { via: 'session'; agent: AgentRecord; sessionId: string; csrfToken: string }
  | { via: 'token'; agent: AgentRecord; tokenId: string; scopes: ApiTokenScope[] };

/** Reads a request's credentials (session cookie or `Authorization: Bearer`) into a Principal. */
export interface Authenticator {
  /**
   * Resolves the caller, or throws a coded ParleyError: AUTH_REQUIRED (nothing sent),
   * AUTH_SESSION_EXPIRED (expired or revoked), AUTH_ACCOUNT_DISABLED, AUTH_TOTP_SETUP_REQUIRED.
   * `headers` are the raw HTTP request headers (REST call or Socket.IO handshake).
   */
  authenticate(headers: { cookie?: string | undefined; authorization?: string | undefined }, options?: { isUse?: boolean }): Promise<Principal>;
}

/** The name of the console's session cookie. */
export const SESSION_COOKIE = 'parley_session';
