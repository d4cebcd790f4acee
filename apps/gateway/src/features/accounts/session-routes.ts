import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AgentLoginRequestSchema, ParleyError } from '@parley/protocol';
import type { AgentRecord, SessionRecord } from '../../storage/directory/directory-store.ts';
import type { AccountContext } from './account-context.ts';
import { SessionResponseSchema } from './account-schemas.ts';
import type { SessionResponse } from './account-schemas.ts';
import { SESSION_ABSOLUTE_MS } from './account-secrets.ts';
import { toAgentProfile } from './agent-profile.ts';
import { authenticateAccountSession } from './authenticate-request.ts';
import { SESSION_COOKIE } from './principal.ts';
import { signIn } from './sign-in.ts';

/**
 * `POST /v1/agent/session` signs in (sets the `parley_session` cookie), `GET` reads the current
 * session (the console calls it on load), `DELETE` signs out.
 */
export const sessionRoutes: FastifyPluginAsyncZod<AccountContext> = async (app, context) => {
  app.post('/v1/agent/session', { schema: { body: AgentLoginRequestSchema, response: { 200: SessionResponseSchema } } }, async (request, reply) => {
    const { agent, session, token } = await signIn(context, request.body, request.ip, reply);
    void reply.setCookie(SESSION_COOKIE, token, { ...cookieFlags(request), maxAge: SESSION_ABSOLUTE_MS / 1000 });
    return sessionResponse(context, agent, session);
  });

  app.get('/v1/agent/session', { schema: { response: { 200: SessionResponseSchema } } }, async (request) => {
    const principal = await authenticateAccountSession(request, context.authenticator, { allowTotpSetup: true });
    const session = await context.directory.getSession(principal.sessionId);
    if (!session) throw new ParleyError('PARLEY_ERR_AUTH_SESSION_EXPIRED');
    return sessionResponse(context, principal.agent, session);
  });

  app.delete('/v1/agent/session', async (request, reply) => {
    try {
      const principal = await authenticateAccountSession(request, context.authenticator, { allowTotpSetup: true });
      await context.directory.revokeSession(principal.sessionId, context.now().toISOString());
    } catch (error) {
      // Signing out of a session that is over already is not an error: just drop the cookie.
      if (!(error instanceof ParleyError && error.code === 'PARLEY_ERR_AUTH_SESSION_EXPIRED')) throw error;
    }
    return reply.clearCookie(SESSION_COOKIE, cookieFlags(request)).code(204).send();
  });
};

/** httpOnly (no script reads it), SameSite=Strict (no cross-site request carries it), Secure over HTTPS. */
function cookieFlags(request: FastifyRequest): { httpOnly: true; sameSite: 'strict'; path: '/'; secure: boolean } {
  return { httpOnly: true, sameSite: 'strict', path: '/', secure: request.protocol === 'https' };
}

async function sessionResponse(context: AccountContext, agent: AgentRecord, session: SessionRecord): Promise<SessionResponse> {
  const isTotpEnabled = Boolean(agent.totpSecret);
  const { isTotpRequired } = await context.directory.getSettings();
  return {
    agent: toAgentProfile(agent),
    csrfToken: session.csrfToken,
    expiresAt: session.expiresAt,
    isTotpEnabled,
    isTotpSetupRequired: isTotpRequired && !isTotpEnabled,
  };
}
