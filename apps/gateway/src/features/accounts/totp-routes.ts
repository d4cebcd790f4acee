import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ParleyError } from '@parley/protocol';
import { throwLocked } from './account-context.ts';
import type { AccountContext } from './account-context.ts';
import { TotpCodeRequestSchema, TotpSetupResponseSchema, TotpStatusResponseSchema } from './account-schemas.ts';
import { authenticateAccountSession } from './authenticate-request.ts';
import { newTotpSecret, totpUri } from './totp.ts';

/**
 * Two-factor sign-in for the signed-in agent: `POST /v1/agent/totp` starts a setup (a pending
 * secret), `POST /v1/agent/totp/confirm` turns it on with a first code, `DELETE /v1/agent/totp`
 * turns it off with a current code (not while the workspace makes it mandatory). Console
 * sessions only: an integration's token must not change how its agent signs in.
 */
export const totpRoutes: FastifyPluginAsyncZod<AccountContext> = async (app, context) => {
  const { directory } = context;

  app.post('/v1/agent/totp', { schema: { response: { 200: TotpSetupResponseSchema } } }, async (request) => {
    const { agent } = await authenticateAccountSession(request, context.authenticator, { allowTotpSetup: true });
    // Replacing a working secret would let a stolen cookie take over the second factor.
    if (agent.totpSecret) throw new ParleyError('PARLEY_ERR_PAYLOAD_INVALID', 'Two-factor sign-in is on already; turn it off first.');
    const secret = newTotpSecret();
    await directory.updateAgent(agent.id, { pendingTotpSecret: secret });
    return { secret, otpauthUrl: totpUri(secret, agent.email) };
  });

  app.post('/v1/agent/totp/confirm', { schema: { body: TotpCodeRequestSchema, response: { 200: TotpStatusResponseSchema } } }, async (request) => {
    const { agent } = await authenticateAccountSession(request, context.authenticator, { allowTotpSetup: true });
    const pending = agent.pendingTotpSecret;
    if (!pending) throw new ParleyError('PARLEY_ERR_AUTH_TOTP_INVALID', 'No two-factor setup is pending; start one with POST /v1/agent/totp.');
    if (!context.totp.verify(agent.id, pending, request.body.totp)) throw new ParleyError('PARLEY_ERR_AUTH_TOTP_INVALID');
    await directory.updateAgent(agent.id, { totpSecret: pending, pendingTotpSecret: null });
    return { isTotpEnabled: true };
  });

  app.delete('/v1/agent/totp', { schema: { body: TotpCodeRequestSchema, response: { 200: TotpStatusResponseSchema } } }, async (request, reply) => {
    const { agent } = await authenticateAccountSession(request, context.authenticator);
    if ((await directory.getSettings()).isTotpRequired) {
      throw new ParleyError('PARLEY_ERR_AUTH_TOTP_SETUP_REQUIRED', 'Two-factor sign-in is mandatory here; it cannot be turned off.');
    }
    if (!agent.totpSecret) return { isTotpEnabled: false };
    // Guessing codes here is guessing a second factor: the sign-in lockout counts it.
    const lockedForMs = await context.lockout.retryAfterMs(agent.email, request.ip);
    if (lockedForMs !== null) throwLocked(reply, lockedForMs);
    if (!context.totp.verify(agent.id, agent.totpSecret, request.body.totp)) {
      await context.lockout.recordFailure(agent.email, request.ip);
      throw new ParleyError('PARLEY_ERR_AUTH_TOTP_INVALID');
    }
    await directory.updateAgent(agent.id, { totpSecret: null, pendingTotpSecret: null });
    return { isTotpEnabled: false };
  });
};
