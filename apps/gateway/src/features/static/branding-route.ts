import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ParleyError, SessionBrandingSchema } from '@parley/protocol';
import type { RateLimit } from '../../config.ts';
import type { Site } from '../../sites/site.ts';
import type { SiteRegistry } from '../../sites/site-registry.ts';
import { textColorOn } from '../../sites/site-branding.ts';

/** What the loader needs to draw the launcher as the shop's: its colours and its corner. */
export const LauncherBrandingSchema = SessionBrandingSchema.pick({ brandColor: true, brandTextColor: true, launcher: true });
/** The body of `GET /widget/sites/:siteKey/branding.json`. */
export type LauncherBranding = z.infer<typeof LauncherBrandingSchema>;

/** What the branding route needs. */
export interface BrandingRouteOptions {
  sites: SiteRegistry;
  /** Requests per IP per window (the gateway's REST limit). */
  rateLimit: RateLimit;
}

/** The same launcher default as the session's branding (see `sessionBranding`). */
const DEFAULT_OFFSET = 20;
// Any string: a key no site has is a 404 like any other unknown key, not a malformed request.
const PARAMS = z.object({ siteKey: z.string() });

/**
 * A site's launcher branding, as the session would carry it: the colour only with the text
 * colour that reads on it at WCAG AA (`textColorOn`), offsets defaulted. Nothing per shopper.
 */
export function launcherBranding(site: Site): LauncherBranding {
  const { brandColor, launcher } = site.branding ?? {};
  const result: LauncherBranding = {};
  const brandTextColor = brandColor ? textColorOn(brandColor) : undefined;
  if (brandColor && brandTextColor) Object.assign(result, { brandColor: brandColor.toLowerCase(), brandTextColor });
  if (launcher) {
    const { position, offsetX = DEFAULT_OFFSET, offsetY = DEFAULT_OFFSET } = launcher;
    result.launcher = { position, offsetX, offsetY };
  }
  return result;
}

/**
 * `GET /widget/sites/:siteKey/branding.json` → `{ brandColor?, brandTextColor?, launcher? }`,
 * so a shopper's first page shows the shop's launcher before any session exists. Public and
 * per site only (no cookie, no origin check, nothing stored), hence cacheable by any CDN and
 * readable from every shop's origin. Rate limited per IP like the REST routes: the global
 * limiter lets `/widget/` through (static files), so this route opts back in.
 */
export const brandingRoute: FastifyPluginAsyncZod<BrandingRouteOptions> = async (app, options) => {
  app.get(
    '/widget/sites/:siteKey/branding.json',
    {
      schema: { params: PARAMS, response: { 200: LauncherBrandingSchema } },
      // On every answer, the 404 and the limiter's 429 included, so the loader can read them.
      onSend: async (_request, reply) => {
        void reply.header('Access-Control-Allow-Origin', '*').header('Cross-Origin-Resource-Policy', 'cross-origin').header('X-Content-Type-Options', 'nosniff');
      },
      config: { rateLimit: { max: options.rateLimit.points, timeWindow: options.rateLimit.durationSeconds * 1000, allowList: () => false } },
    },
    async (request, reply) => {
      const site = options.sites.get(request.params.siteKey);
      // The app's error handler answers with the catalogue's body (not cached: a fixed typo shows at once).
      if (!site) throw new ParleyError('PARLEY_ERR_SITE_UNKNOWN');
      void reply.header('Cache-Control', 'public, max-age=300');
      return launcherBranding(site);
    },
  );
};
