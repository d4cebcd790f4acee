import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { connectForSession, rawSocket, removeDataDir, startGateway, testConfig } from './gateway-harness.ts';

describe('data residency', () => {
  it("stores a conversation only in the region the site's policy picks", async () => {
    const config = testConfig({ PARLEY_COUNTRY_HEADER: 'CF-IPCountry' });
    writeFileSync(
      join(config.dataDir, 'sites.json'),
      JSON.stringify({
        sites: [
          { key: 'global-shop', name: 'Global', allowedOrigins: ['https://global.example'], defaultLocale: 'en-US', residency: { mode: 'by-country', defaultRegion: 'us' } },
          { key: 'eu-only', name: 'EU only', allowedOrigins: ['https://eu.example'], defaultLocale: 'de-DE', residency: { mode: 'fixed', region: 'eu' } },
        ],
      }),
    );
    const gateway = await startGateway(config);
    try {
      const cases = [
        { siteKey: 'global-shop', origin: 'https://global.example', country: 'BR', region: 'br' },
        { siteKey: 'global-shop', origin: 'https://global.example', country: 'SG', region: 'sg' },
        { siteKey: 'global-shop', origin: 'https://global.example', country: 'ZZ', region: 'us' },
        { siteKey: 'eu-only', origin: 'https://eu.example', country: 'IN', region: 'eu' },
      ];
      for (const c of cases) {
        const socket = rawSocket(gateway.url, { siteKey: c.siteKey }, { origin: c.origin, 'cf-ipcountry': c.country });
        const session = await connectForSession(socket);
        socket.disconnect();
        expect(session.region).toBe(c.region);
        for (const region of ['eu', 'us', 'br', 'sg', 'in'] as const) {
          const stored = await gateway.app.regions.store(region).getConversation(session.conversationId);
          expect(stored !== null).toBe(region === c.region);
        }
      }
    } finally {
      await gateway.stop();
      removeDataDir(config);
    }
  });
});
