import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { DEMO_SITE } from '../src/sites/site.ts';
import { removeDataDir, testConfig } from './gateway-harness.ts';

describe('POST /v1/understand', () => {
  const base = testConfig();
  const config = { ...base, rateLimits: { ...base.rateLimits, understandPerIp: { points: 12, durationSeconds: 60 } } };
  let app: FastifyInstance;
  beforeAll(async () => {
    writeFileSync(
      join(config.dataDir, 'sites.json'),
      JSON.stringify({ sites: [DEMO_SITE, { ...DEMO_SITE, key: 'shop', orderNumberPatterns: ['\\b(SHOP/\\d{4}/\\d{4})\\b'] }] }),
    );
    app = await buildApp(config, { logger: false });
  });
  afterAll(async () => {
    await app.close();
    removeDataDir(config);
  });
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/v1/understand', payload: body as object, headers });

  it('answers with language, intent, confidence and entities', async () => {
    const response = await post({ siteKey: 'demo', text: 'how much VAT do I pay on a €120 order to France?' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      lang: 'en',
      intent: 'vat_question',
      entities: { countries: ['FR'], amounts: [{ value: 120, currency: 'EUR' }] },
    });
    expect(response.json().confidence).toBeGreaterThan(0.45);
  });

  it('understands other languages and scripts', async () => {
    expect((await post({ siteKey: 'demo', text: '靴を返品したいのですが、どうすればいいですか' })).json()).toMatchObject({ lang: 'ja', intent: 'return_request' });
    expect((await post({ siteKey: 'demo', text: 'Wo ist meine Bestellung 55102?' })).json()).toMatchObject({
      intent: 'order_status',
      entities: { orderNumbers: ['55102'] },
    });
  });

  it('uses the site’s own order-number format', async () => {
    const response = await post({ siteKey: 'shop', text: 'where is order SHOP/2026/0042' });
    expect(response.json().entities.orderNumbers).toContain('SHOP/2026/0042');
  });

  it('says unknown instead of guessing on nonsense', async () => {
    expect((await post({ siteKey: 'demo', text: 'qwrtzp vbnm' })).json()).toMatchObject({ intent: 'unknown' });
  });

  it('refuses bad requests with catalogue codes', async () => {
    expect((await post({ siteKey: 'nope', text: 'hello there' })).json()).toMatchObject({ error: { code: 'PARLEY_ERR_SITE_UNKNOWN' } });
    const invalid = await post({ siteKey: 'demo', text: '' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ error: { code: 'PARLEY_ERR_PAYLOAD_INVALID' } });
    const tooLong = await post({ siteKey: 'demo', text: 'x'.repeat(4001) });
    expect(tooLong.statusCode).toBe(400);
    const foreign = await post({ siteKey: 'demo', text: 'where is my order' }, { origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ error: { code: 'PARLEY_ERR_ORIGIN_NOT_ALLOWED' } });
  });

  it('is rate limited per IP', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i += 1) statuses.push((await post({ siteKey: 'demo', text: 'where is my order' })).statusCode);
    expect(statuses).toContain(429);
    const limited = await post({ siteKey: 'demo', text: 'where is my order' });
    expect(limited.json()).toMatchObject({ error: { code: 'PARLEY_ERR_RATE_LIMITED' } });
  });
});
