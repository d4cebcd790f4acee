import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ParleyError } from '@parley/protocol';
import { cannedVariables, CANNED_VARIABLES } from '@parley/culture';
import type { DirectoryStore, SiteCannedReplyRecord } from '../../storage/directory/directory-store.ts';
import type { SiteRegistry } from '../../sites/site-registry.ts';
import { authenticateRequest } from '../accounts/authenticate-request.ts';
import type { Authenticator } from '../accounts/principal.ts';
import { SiteCannedReplySchema } from './site-translation.ts';
import { isSiteAllowed } from '../agent/access.ts';

const ParamsSchema = z.object({ siteKey: z.string().min(1).max(64) });
const KeyParamsSchema = ParamsSchema.extend({ key: SiteCannedReplySchema.shape.key });
const BodySchema = SiteCannedReplySchema.omit({ key: true });
const ReplySchema = SiteCannedReplySchema.extend({ updatedAt: z.string(), updatedBy: z.string() });

/**
 * `GET /v1/admin/sites` (the sites an admin may manage), `GET /v1/admin/sites/:siteKey/canned-replies`,
 * `PUT` and `DELETE …/:key`: a site's own canned
 * replies, written by admins in the console (or with an `agents:admin` token) beside those in
 * sites.json. A body may use only `{{shopper.name}}`, `{{order.number}}` and `{{agent.name}}`:
 * a typo is refused when saved, not discovered by a shopper.
 */
export const cannedRoutes: FastifyPluginAsyncZod<{ directory: DirectoryStore; sites: SiteRegistry; authenticator: Authenticator; now: () => Date }> = async (app, { directory, sites, authenticator, now }) => {
  const admin = async (request: Parameters<typeof authenticateRequest>[0], siteKey: string) => {
    const { agent } = await authenticateRequest(request, authenticator, { scope: 'agents:admin' });
    if (agent.role !== 'admin') throw new ParleyError('PARLEY_ERR_FORBIDDEN_ROLE', undefined, { needs: 'admin' });
    if (!sites.get(siteKey)) throw new ParleyError('PARLEY_ERR_SITE_UNKNOWN');
    // An admin of some sites only must not write what another site's shoppers will read.
    if (!isSiteAllowed(agent, siteKey)) throw new ParleyError('PARLEY_ERR_FORBIDDEN_SITE', undefined, { siteKey });
    return agent;
  };
  const view = ({ siteKey: _site, ...reply }: SiteCannedReplyRecord) => reply;

  // The sites this admin may write replies for, with the locales sites.json already covers.
  app.get('/v1/admin/sites', { schema: { tags: ['Canned replies'], response: { 200: z.object({ sites: z.array(z.object({ key: z.string(), name: z.string(), defaultLocale: z.string() })) }) } } }, async (request) => {
    const { agent } = await authenticateRequest(request, authenticator, { scope: 'agents:admin' });
    if (agent.role !== 'admin') throw new ParleyError('PARLEY_ERR_FORBIDDEN_ROLE', undefined, { needs: 'admin' });
    return { sites: sites.all().filter((site) => isSiteAllowed(agent, site.key)).map((site) => ({ key: site.key, name: site.name, defaultLocale: site.defaultLocale })) };
  });

  app.get('/v1/admin/sites/:siteKey/canned-replies', { schema: { tags: ['Canned replies'], params: ParamsSchema, response: { 200: z.object({ replies: z.array(ReplySchema) }) } } }, async (request) => {
    await admin(request, request.params.siteKey);
    return { replies: (await directory.listSiteCannedReplies(request.params.siteKey)).map(view) };
  });

  app.put('/v1/admin/sites/:siteKey/canned-replies/:key', { schema: { tags: ['Canned replies'], params: KeyParamsSchema, body: BodySchema, response: { 200: ReplySchema } } }, async (request) => {
    const agent = await admin(request, request.params.siteKey);
    const known: readonly string[] = CANNED_VARIABLES;
    for (const [locale, body] of Object.entries(request.body.bodies)) {
      const unknown = cannedVariables(body).filter((variable) => !known.includes(variable));
      if (unknown.length > 0) throw new ParleyError('PARLEY_ERR_PAYLOAD_INVALID', `Unknown variable in the ${locale} body: ${unknown.join(', ')} (use ${CANNED_VARIABLES.map((name) => `{{${name}}}`).join(', ')}).`, { field: `bodies.${locale}`, unknown });
    }
    const record: SiteCannedReplyRecord = { siteKey: request.params.siteKey, key: request.params.key, title: request.body.title, bodies: request.body.bodies, updatedAt: now().toISOString(), updatedBy: agent.id };
    await directory.putSiteCannedReply(record);
    return view(record);
  });

  app.delete('/v1/admin/sites/:siteKey/canned-replies/:key', { schema: { tags: ['Canned replies'], params: KeyParamsSchema, response: { 200: z.object({ deleted: z.boolean() }) } } }, async (request) => {
    await admin(request, request.params.siteKey);
    return { deleted: await directory.deleteSiteCannedReply(request.params.siteKey, request.params.key) };
  });
};
