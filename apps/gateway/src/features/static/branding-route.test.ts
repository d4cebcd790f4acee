import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '@parley/protocol';
import { buildApp } from '../../app.ts';
import { DEMO_SITE } from '../../sites/site.ts';
import { removeDataDir, testConfig } from '../../../test/gateway-harness.ts';
import type { GatewayConfig } from '../../config.ts';
import { launcherBranding } from './branding-route.ts';

const SITES = [
  { ...DEMO_SITE, key: 'fjord', branding: { brandColor: '#FFD400', launcher: { position: 'left', offsetX: 32 }, assistantName: 'Fjord Helper', typicalReplyMinutes: 5 } },
  { ...DEMO_SITE, key: 'plain', branding: undefined },
];

describe('GET /widget/sites/:siteKey/branding.json (through the whole app)', () => {
  let config: GatewayConfig;
  let app: FastifyInstance;

  beforeAll(async () => {
    // A REST limit of 3 per minute, so the test can reach it.
    config = testConfig();
    config = { ...config, rateLimits: { ...config.rateLimits, restPerIp: { points: 3, durationSeconds: 60 } } };
    writeFileSync(join(config.dataDir, 'sites.json'), JSON.stringify({ sites: SITES }));
    app = await buildApp(config, { logger: false });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    removeDataDir(config);
  });

  it('gives the launcher its colour, readable text colour and corner, and nothing else', async () => {
    const response = await app.inject({ url: '/widget/sites/fjord/branding.json', remoteAddress: '10.0.0.1' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ brandColor: '#ffd400', brandTextColor: '#111111', launcher: { position: 'left', offsetX: 32, offsetY: 20 } });
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('answers a site without branding with an empty object (the built-in look)', async () => {
    const response = await app.inject({ url: '/widget/sites/plain/branding.json', remoteAddress: '10.0.0.2' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({});
  });

  it('refuses an unknown site with the catalogue error, readable cross-origin', async () => {
    const response = await app.inject({ url: '/widget/sites/nope/branding.json', remoteAddress: '10.0.0.3' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'PARLEY_ERR_SITE_UNKNOWN', message: ERROR_CATALOGUE.PARLEY_ERR_SITE_UNKNOWN.message } });
    expect(response.headers['cache-control']).toBeUndefined();
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('is rate limited per IP (the global limiter lets other /widget/ files through)', async () => {
    const get = () => app.inject({ url: '/widget/sites/fjord/branding.json', remoteAddress: '10.0.0.9' });
    for (let i = 0; i < 3; i += 1) expect((await get()).statusCode).toBe(200);
    const limited = await get();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'PARLEY_ERR_RATE_LIMITED' } });
    expect(limited.headers['access-control-allow-origin']).toBe('*');
    // Another shopper behind another address is unaffected.
    expect((await app.inject({ url: '/widget/sites/fjord/branding.json', remoteAddress: '10.0.0.10' })).statusCode).toBe(200);
  });
});

describe('launcherBranding', () => {
  it('drops a colour no text colour reads on rather than sending it without one', () => {
    // Start-up refuses such a colour; this guards the route if a site slipped through anyway.
    expect(launcherBranding({ ...DEMO_SITE, branding: { brandColor: '#7a7a7a' } })).toEqual({});
    expect(launcherBranding({ ...DEMO_SITE, branding: { brandColor: '#1D2733' } })).toEqual({ brandColor: '#1d2733', brandTextColor: '#ffffff' });
  });
});
