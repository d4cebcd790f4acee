import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ParleyError } from '@parley/protocol';
import type { AccountContext } from './account-context.ts';
import { WorkspaceSettingsSchema } from './account-schemas.ts';
import { authenticateAccountRequest } from './authenticate-request.ts';
import type { Principal } from './principal.ts';

/**
 * `GET`/`PUT /v1/admin/settings` `{ isTotpRequired }`: admins only, through the console or a
 * token with `agents:admin`.
 */
export const settingsRoutes: FastifyPluginAsyncZod<AccountContext> = async (app, context) => {
  const { directory } = context;

  app.get('/v1/admin/settings', { schema: { response: { 200: WorkspaceSettingsSchema } } }, async (request) => {
    requireAdmin(await authenticateAccountRequest(request, context.authenticator, { scope: 'agents:admin' }));
    return directory.getSettings();
  });

  app.put('/v1/admin/settings', { schema: { body: WorkspaceSettingsSchema, response: { 200: WorkspaceSettingsSchema } } }, async (request) => {
    const principal = await authenticateAccountRequest(request, context.authenticator, { scope: 'agents:admin' });
    requireAdmin(principal);
    // An admin without two-factor who made it mandatory would lock themselves out of this page.
    if (request.body.isTotpRequired && !principal.agent.totpSecret) {
      throw new ParleyError('PARLEY_ERR_AUTH_TOTP_SETUP_REQUIRED', 'Turn on two-factor sign-in for yourself before making it mandatory.');
    }
    const settings = { isTotpRequired: request.body.isTotpRequired };
    await directory.setSettings(settings);
    return settings;
  });
};

function requireAdmin(principal: Principal): void {
  if (principal.agent.role !== 'admin') throw new ParleyError('PARLEY_ERR_FORBIDDEN_ROLE', undefined, { needs: 'admin' });
}
