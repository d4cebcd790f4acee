import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AccountContext, AccountRouteOptions } from './account-context.ts';
import { sessionRoutes } from './session-routes.ts';
import { settingsRoutes } from './settings-routes.ts';
import { SignInLockout } from './sign-in-lockout.ts';
import { TotpVerifier } from './totp.ts';
import { tokenRoutes } from './token-routes.ts';
import { totpRoutes } from './totp-routes.ts';

export type { AccountRouteOptions } from './account-context.ts';

/**
 * The agents' authentication over REST: sign-in and sessions (`/v1/agent/session`), two-factor
 * (`/v1/agent/totp`), API tokens (`/v1/agent/tokens`) and the workspace's `/v1/admin/settings`.
 * Needs @fastify/cookie registered first (for `reply.setCookie`) and the zod compilers.
 *
 * @example
 * await app.register(fastifyCookie);
 * await app.register(accountRoutes, { directory, authenticator: createAuthenticator({ directory }) });
 */
export const accountRoutes: FastifyPluginAsyncZod<AccountRouteOptions> = async (app, options) => {
  if (!app.hasReplyDecorator('setCookie')) throw new Error('accountRoutes needs @fastify/cookie registered before it.');
  const now = options.now ?? (() => new Date());
  const context: AccountContext = {
    directory: options.directory,
    authenticator: options.authenticator,
    now,
    lockout: new SignInLockout(),
    totp: new TotpVerifier(now),
  };
  await app.register(sessionRoutes, context);
  await app.register(totpRoutes, context);
  await app.register(tokenRoutes, context);
  await app.register(settingsRoutes, context);
};
