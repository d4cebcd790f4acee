import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CSP, consoleRoutes } from './console-routes.ts';

describe('consoleRoutes', () => {
  let dir: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parley-console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Parley</title><script type="module" src="/console/assets/index-abc123.js"></script>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("console");');
    writeFileSync(join(dir, 'assets', 'index-abc123.css'), 'body{margin:0}');
    app = Fastify({ logger: false });
    await app.register(consoleRoutes, { consoleDir: dir });
    await app.ready();
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at /console/, never cached, under the strict CSP', async () => {
    const response = await app.inject('/console/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('<title>Parley</title>');
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-security-policy']).toBe(CONSOLE_CSP);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('same-origin');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('states every directive the console needs, and nothing inline', () => {
    const directives = CONSOLE_CSP.split('; ');
    for (const expected of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "connect-src 'self'",
      "img-src 'self' data:",
      "media-src 'self' data:",
    ]) {
      expect(directives).toContain(expected);
    }
    expect(CONSOLE_CSP).not.toContain('unsafe-inline');
    expect(CONSOLE_CSP).not.toContain('unsafe-eval');
  });

  it('caches hashed assets for a year, immutable, with the same security headers', async () => {
    const script = await app.inject('/console/assets/index-abc123.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    const style = await app.inject('/console/assets/index-abc123.css');
    expect(style.headers['content-type']).toMatch(/^text\/css/);
    expect(style.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('redirects /console to /console/ with 302, keeping the query', async () => {
    const bare = await app.inject('/console');
    expect(bare.statusCode).toBe(302);
    expect(bare.headers.location).toBe('/console/');
    const withQuery = await app.inject('/console?view=mine');
    expect(withQuery.headers.location).toBe('/console/?view=mine');
  });

  it('answers 404 for files that are not in the build', async () => {
    const missing = await app.inject('/console/assets/nope.js');
    expect(missing.statusCode).toBe(404);
  });

  it('warns and still starts when the build is missing', async () => {
    const warnings: string[] = [];
    const bare = Fastify({ logger: { level: 'warn', stream: { write: (line: string) => void warnings.push(line) } } });
    await bare.register(consoleRoutes, { consoleDir: join(dir, 'does-not-exist') });
    await bare.ready();
    expect(warnings.join('\n')).toContain('console build missing');
    expect((await bare.inject('/console/')).statusCode).toBe(404);
    await bare.close();
  });
});
