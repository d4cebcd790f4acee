import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ParleyError } from '@parley/protocol';
import type { z } from 'zod';
import type { ApiTokenRecord } from '../../storage/directory/directory-store.ts';
import type { AccountContext } from './account-context.ts';
import {
  ApiTokenListResponseSchema,
  ApiTokenParamsSchema,
  CreateApiTokenRequestSchema,
  CreatedApiTokenResponseSchema,
} from './account-schemas.ts';
import type { ApiTokenSummarySchema } from './account-schemas.ts';
import { newApiToken, sha256Hex } from './account-secrets.ts';
import { authenticateAccountSession } from './authenticate-request.ts';

/**
 * API tokens for integrations: `POST /v1/agent/tokens` (the token is in this answer only),
 * `GET /v1/agent/tokens` (no secrets), `DELETE /v1/agent/tokens/:id` (own tokens; admins any).
 * Console sessions only: a token cannot mint or list tokens.
 */
export const tokenRoutes: FastifyPluginAsyncZod<AccountContext> = async (app, context) => {
  const { directory } = context;

  app.post('/v1/agent/tokens', { schema: { body: CreateApiTokenRequestSchema, response: { 201: CreatedApiTokenResponseSchema } } }, async (request, reply) => {
    const { agent } = await authenticateAccountSession(request, context.authenticator);
    const scopes = [...new Set(request.body.scopes)];
    if (scopes.includes('agents:admin') && agent.role !== 'admin') {
      throw new ParleyError('PARLEY_ERR_FORBIDDEN_ROLE', 'Only admins can create tokens with the agents:admin scope.', { scope: 'agents:admin' });
    }
    const { tokenId, token } = newApiToken();
    const record: ApiTokenRecord = {
      id: tokenId,
      agentId: agent.id,
      name: request.body.name,
      tokenHash: sha256Hex(token),
      scopes,
      createdAt: context.now().toISOString(),
    };
    await directory.createApiToken(record);
    return reply.code(201).send({ id: record.id, name: record.name, scopes, createdAt: record.createdAt, token });
  });

  app.get('/v1/agent/tokens', { schema: { response: { 200: ApiTokenListResponseSchema } } }, async (request) => {
    const { agent } = await authenticateAccountSession(request, context.authenticator);
    return { tokens: (await directory.listApiTokens(agent.id)).map(toSummary) };
  });

  app.delete('/v1/agent/tokens/:id', { schema: { params: ApiTokenParamsSchema } }, async (request, reply) => {
    const { agent } = await authenticateAccountSession(request, context.authenticator);
    const { id } = request.params;
    let found = (await directory.listApiTokens(agent.id)).some((token) => token.id === id);
    if (!found && agent.role === 'admin') found = await isAnyonesToken(context, id);
    // Someone else's token answers like an unknown one: ids are not a way to probe other accounts.
    if (!found) throw new ParleyError('PARLEY_ERR_ROUTE_NOT_FOUND', 'No API token with this id.', { tokenId: id });
    await directory.revokeApiToken(id, context.now().toISOString());
    return reply.code(204).send();
  });
};

/** The directory port has no lookup by token id, so admins' revocations walk the agents. */
async function isAnyonesToken(context: AccountContext, tokenId: string): Promise<boolean> {
  for (const other of await context.directory.listAgents()) {
    if ((await context.directory.listApiTokens(other.id)).some((token) => token.id === tokenId)) return true;
  }
  return false;
}

function toSummary(token: ApiTokenRecord): z.infer<typeof ApiTokenSummarySchema> {
  return {
    id: token.id,
    name: token.name,
    scopes: [...token.scopes],
    createdAt: token.createdAt,
    ...(token.lastUsedAt === undefined ? {} : { lastUsedAt: token.lastUsedAt }),
    ...(token.revokedAt === undefined ? {} : { revokedAt: token.revokedAt }),
  };
}
