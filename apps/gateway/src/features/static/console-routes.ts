import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Where the console's build lives (`apps/console/dist`). */
export interface ConsoleRoutesOptions {
  consoleDir: string;
}

/**
 * The console's policy: its own origin only, nothing inline (the build emits a stylesheet link
 * and module scripts). `connect-src 'self'` covers the same-origin WebSocket in current browsers.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' data:",
  "base-uri 'none'",
  "object-src 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');


/**
 * Serves the agents' console at `/console/`: `index.html` for `/console/` (never cached, so a
 * release shows on the next load), hashed assets cached for a year, every answer under the
 * strict CSP and without framing or sniffing. `/console` redirects to `/console/` so relative
 * asset URLs resolve.
 */
export const consoleRoutes: FastifyPluginAsync<ConsoleRoutesOptions> = async (app, options) => {
  if (!existsSync(options.consoleDir)) {
    app.log.warn({ consoleDir: options.consoleDir }, 'console build missing: run `pnpm build` so /console/ can serve it');
  }
  app.get('/console', { config: { rateLimit: false } }, async (request, reply) => {
    const query = request.url.indexOf('?');
    return reply.redirect(query === -1 ? '/console/' : `/console/${request.url.slice(query)}`, 302);
  });
  // Vite puts content-hashed files under assets/: a new build gets new names, so they never change.
  const isHashedAsset = (path: string) => relative(options.consoleDir, path).startsWith(`assets${sep}`);
  await app.register(fastifyStatic, {
    root: options.consoleDir,
    prefix: '/console/',
    decorateReply: false,
    cacheControl: false,
    index: ['index.html'],
    setHeaders: (res, path) => {
      res.header('Cache-Control', isHashedAsset(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.header('Content-Security-Policy', CONSOLE_CSP);
      res.header('X-Content-Type-Options', 'nosniff');
      res.header('Referrer-Policy', 'same-origin');
      res.header('X-Frame-Options', 'DENY');
    },
  });
};
