import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ParleyError, UnderstandRequestSchema, UnderstandResponseSchema } from '@parley/protocol';
import type { Understand } from '@parley/understanding';
import type { SiteRegistry } from '../../sites/site-registry.ts';
import { isOriginAllowed } from '../../sites/site.ts';
import type { SiteServices } from '../../sites/site-services.ts';

/** What the understand route needs. */
export interface UnderstandRouteOptions {
  sites: SiteRegistry;
  services: SiteServices;
  understand: Understand;
  /** Requests per IP per minute. */
  perMinute: number;
}

/**
 * `POST /v1/understand` `{ siteKey, text, locale? }` → `{ lang, intent, confidence, entities }`,
 * for developers and the agents' tools. Same site checks as the socket handshake (known key,
 * allowed origin when a browser sends one), its own per-IP rate limit, the site's order formats.
 */
export const understandRoutes: FastifyPluginAsyncZod<UnderstandRouteOptions> = async (app, options) => {
  app.post(
    '/v1/understand',
    {
      schema: { body: UnderstandRequestSchema, response: { 200: UnderstandResponseSchema } },
      config: { rateLimit: { max: options.perMinute, timeWindow: 60_000 } },
    },
    async (request) => {
      const { siteKey, text, locale } = request.body;
      const site = options.sites.get(siteKey);
      if (!site) throw new ParleyError('PARLEY_ERR_SITE_UNKNOWN', `No site has the key "${siteKey}".`);
      const origin = request.headers.origin;
      if (origin && !isOriginAllowed(site, origin)) {
        throw new ParleyError('PARLEY_ERR_ORIGIN_NOT_ALLOWED', `The origin ${origin} is not allowed for site "${site.key}".`);
      }
      return options.understand(text, { locale, orderPatterns: options.services.orderPatterns(site) });
    },
  );
};
