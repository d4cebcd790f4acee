import { fastifyCookie } from '@fastify/cookie';
import { ParleyError } from '@parley/protocol';
import type { DirectoryStore } from '../../storage/directory/directory-store.ts';
import { apiTokenId, SESSION_IDLE_MS, SESSION_TOUCH_MS, sha256Hex } from './account-secrets.ts';
import { SESSION_COOKIE } from './principal.ts';
import type { Authenticator, Principal } from './principal.ts';

export { toAgentProfile } from './agent-profile.ts';

/** The raw request headers an Authenticator reads. */
export interface AuthHeaders {
  cookie?: string | undefined;
  authorization?: string | undefined;
}

/** Per-call switches of {@link AccountAuthenticator.authenticate}. */
export interface AuthenticateOptions {
  /**
   * Let a session through although two-factor is mandatory and the agent has not set it up yet:
   * only for the routes that set it up, read the session and sign out.
   */
  allowTotpSetup?: boolean;
  /**
   * Whether this counts as use of the session (sliding the 12-hour idle expiry). A background
   * re-check of an open console that nobody touched passes false, so an abandoned tab expires.
   */
  isUse?: boolean;
}

/** An Authenticator that also knows the two-factor setup exception (what createAuthenticator builds). */
export interface AccountAuthenticator extends Authenticator {
  authenticate(headers: AuthHeaders, options?: AuthenticateOptions): Promise<Principal>;
}

/** What createAuthenticator needs. */
export interface AuthenticatorOptions {
  directory: DirectoryStore;
  /** The clock for expiry; defaults to the real time (tests inject one). */
  now?: () => Date;
}

/** The session token in a Cookie header, or undefined when there is none. */
export function readSessionCookie(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  const value = fastifyCookie.parse(cookieHeader)[SESSION_COOKIE];
  return value ? value : undefined;
}

/**
 * Resolves callers from the `parley_session` cookie (the session id is the SHA-256 of its token)
 * or from `Authorization: Bearer pk_…` (looked up by the SHA-256 of the whole token). A bearer
 * token wins when both are sent: it is explicit, the cookie is ambient.
 *
 * @example
 * const authenticator = createAuthenticator({ directory });
 * const principal = await authenticator.authenticate(request.headers);
 */
export function createAuthenticator(options: AuthenticatorOptions): AccountAuthenticator {
  const { directory } = options;
  const now = options.now ?? (() => new Date());

  async function fromToken(token: string): Promise<Principal> {
    const tokenId = apiTokenId(token);
    const record = tokenId === null ? null : await directory.getApiTokenByHash(sha256Hex(token));
    if (!record || record.id !== tokenId) {
      throw new ParleyError('PARLEY_ERR_AUTH_REQUIRED', 'The API token is malformed or unknown.');
    }
    if (record.revokedAt !== undefined) throw new ParleyError('PARLEY_ERR_AUTH_SESSION_EXPIRED', 'This API token was revoked.');
    const agent = await directory.getAgent(record.agentId);
    if (!agent) throw new ParleyError('PARLEY_ERR_AUTH_SESSION_EXPIRED', 'The agent of this API token no longer exists.');
    if (agent.isDisabled) throw new ParleyError('PARLEY_ERR_AUTH_ACCOUNT_DISABLED');
    const at = now();
    if (record.lastUsedAt === undefined || at.getTime() - Date.parse(record.lastUsedAt) >= SESSION_TOUCH_MS) {
      await directory.touchApiToken(record.id, at.toISOString());
    }
    return { via: 'token', agent, tokenId: record.id, scopes: [...record.scopes] };
  }

  async function fromSession(token: string, authOptions: AuthenticateOptions): Promise<Principal> {
    const sessionId = sha256Hex(token);
    const session = await directory.getSession(sessionId);
    const at = now();
    const isOver =
      !session ||
      session.revokedAt !== undefined ||
      at.getTime() >= Date.parse(session.expiresAt) ||
      at.getTime() - Date.parse(session.lastSeenAt) >= SESSION_IDLE_MS;
    if (!session || isOver) throw new ParleyError('PARLEY_ERR_AUTH_SESSION_EXPIRED');
    const agent = await directory.getAgent(session.agentId);
    if (!agent) throw new ParleyError('PARLEY_ERR_AUTH_SESSION_EXPIRED');
    if (agent.isDisabled) throw new ParleyError('PARLEY_ERR_AUTH_ACCOUNT_DISABLED');
    if (!agent.totpSecret && authOptions.allowTotpSetup !== true && (await directory.getSettings()).isTotpRequired) {
      throw new ParleyError('PARLEY_ERR_AUTH_TOTP_SETUP_REQUIRED');
    }
    if (authOptions.isUse !== false && at.getTime() - Date.parse(session.lastSeenAt) >= SESSION_TOUCH_MS) {
      await directory.touchSession(sessionId, at.toISOString());
    }
    return { via: 'session', agent, sessionId, csrfToken: session.csrfToken };
  }

  return {
    async authenticate(headers, authOptions = {}) {
      const authorization = headers.authorization?.trim();
      if (authorization && /^bearer\s/i.test(authorization)) return fromToken(authorization.slice(7).trim());
      const token = readSessionCookie(headers.cookie);
      if (token === undefined) throw new ParleyError('PARLEY_ERR_AUTH_REQUIRED');
      return fromSession(token, authOptions);
    },
  };
}
