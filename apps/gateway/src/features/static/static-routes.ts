import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Where the static assets live on disk. */
export interface StaticDirs {
  /** The widget's CDN build (`packages/widget/dist/cdn`). */
  widgetDir: string;
  /** The demo storefront (`examples/storefront`). */
  demoDir: string;
}

// The demo page runs under the strict policy a careful shop would set, proving the widget
// needs no inline script or style. `'self'` covers same-origin ws: in current browsers.
const DEMO_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Serves `/widget/` (loader.js cached briefly so a release reaches every shop within minutes;
 * content-hashed chunks cached for a year) and `/demo/`. Widget files are fetched cross-origin
 * by storefronts (module chunks need CORS), so they carry permissive CORS and CORP headers.
 */
export const staticRoutes: FastifyPluginAsync<StaticDirs> = async (app, dirs) => {
  if (!existsSync(dirs.widgetDir)) {
    app.log.warn({ widgetDir: dirs.widgetDir }, 'widget build missing: run `pnpm build` so /widget/ can serve it');
  }
  await app.register(fastifyStatic, {
    root: dirs.widgetDir,
    prefix: '/widget/',
    cacheControl: false,
    etag: true,
    setHeaders: (res, path) => {
      const isEntry = basename(path) === 'loader.js';
      res.header('Cache-Control', isEntry ? 'public, max-age=300' : 'public, max-age=31536000, immutable');
      res.header('Access-Control-Allow-Origin', '*');
      res.header('Cross-Origin-Resource-Policy', 'cross-origin');
      res.header('X-Content-Type-Options', 'nosniff');
    },
  });
  await app.register(fastifyStatic, {
    root: dirs.demoDir,
    prefix: '/demo/',
    decorateReply: false,
    cacheControl: false,
    setHeaders: (res) => {
      res.header('Cache-Control', 'no-cache');
      res.header('Content-Security-Policy', DEMO_CSP);
      res.header('X-Content-Type-Options', 'nosniff');
    },
  });
  app.get('/', { config: { rateLimit: false } }, async (_request, reply) => reply.redirect('/demo/'));
};
