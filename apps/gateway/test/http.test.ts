import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { removeDataDir, testConfig } from './gateway-harness.ts';

describe('HTTP routes', () => {
  const config = testConfig();
  const widgetDir = mkdtempSync(join(tmpdir(), 'parley-widget-'));
  let app: FastifyInstance;
  beforeAll(async () => {
    mkdirSync(join(widgetDir, 'chunks'));
    writeFileSync(join(widgetDir, 'loader.js'), '/* loader */');
    writeFileSync(join(widgetDir, 'chunks', 'app-abc123.js'), '/* app */');
    app = await buildApp(config, { logger: false, staticDirs: { widgetDir } });
  });
  afterAll(async () => {
    await app.close();
    removeDataDir(config);
    rmSync(widgetDir, { recursive: true, force: true });
  });

  it('answers /healthz and /readyz with every region', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', regions: { eu: true, us: true, br: true, sg: true, in: true } });
  });

  it('reports not ready when a region store stops answering', async () => {
    const store = app.regions.store('sg');
    const originalPing = store.ping.bind(store);
    store.ping = () => Promise.reject(new Error('down'));
    try {
      const ready = await app.inject('/readyz');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: 'unavailable', regions: { sg: false, eu: true } });
    } finally {
      store.ping = originalPing;
    }
  });

  it('caches loader.js briefly and hashed chunks for a year, readable cross-origin', async () => {
    const loader = await app.inject('/widget/loader.js');
    expect(loader.statusCode).toBe(200);
    expect(loader.headers['cache-control']).toBe('public, max-age=300');
    expect(loader.headers['access-control-allow-origin']).toBe('*');
    const chunk = await app.inject('/widget/chunks/app-abc123.js');
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('serves the demo storefront under a strict CSP', async () => {
    const page = await app.inject('/demo/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-site-key="demo"');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('answers unknown routes with a coded JSON error', async () => {
    const response = await app.inject('/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'PARLEY_ERR_ROUTE_NOT_FOUND' } });
  });
});
