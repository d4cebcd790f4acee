import type { FastifyReply } from 'fastify';
import { ParleyError } from '@parley/protocol';
import type { DirectoryStore } from '../../storage/directory/directory-store.ts';
import type { AccountAuthenticator } from './authenticator.ts';
import type { SignInLockout } from './sign-in-lockout.ts';
import type { TotpVerifier } from './totp.ts';

/** What accountRoutes is registered with. */
export interface AccountRouteOptions {
  directory: DirectoryStore;
  /** Built by createAuthenticator on the same directory (and the same clock). */
  authenticator: AccountAuthenticator;
  /** The clock for sessions and TOTP; defaults to the real time (tests inject one). */
  now?: () => Date;
}

/** What every account route shares: the options plus one lockout and one TOTP verifier per app. */
export interface AccountContext {
  directory: DirectoryStore;
  authenticator: AccountAuthenticator;
  now: () => Date;
  lockout: SignInLockout;
  totp: TotpVerifier;
}

/**
 * Throws PARLEY_ERR_AUTH_LOCKED with `details.retryAfterMs`, after setting `Retry-After`
 * (whole seconds, rounded up) on the reply, which the error handler's answer keeps.
 */
export function throwLocked(reply: FastifyReply, retryAfterMs: number): never {
  void reply.header('Retry-After', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
  throw new ParleyError('PARLEY_ERR_AUTH_LOCKED', undefined, { retryAfterMs });
}
