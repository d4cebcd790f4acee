import { createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@parley/protocol';
import { connectForSession, handshakeRefusal, rawSocket, removeDataDir, startGateway, testConfig, useGateway } from './gateway-harness.ts';

describe('visitor handshake', () => {
  const gateway = useGateway();

  it('refuses an unknown site key with its code', async () => {
    expect(await handshakeRefusal(rawSocket(gateway.url, { siteKey: 'no-such-site' }))).toMatchObject({
      code: 'PARLEY_ERR_SITE_UNKNOWN',
    });
  });

  it('refuses a page origin the site does not allow', async () => {
    const refusal = await handshakeRefusal(rawSocket(gateway.url, {}, { origin: 'https://evil.example' }));
    expect(refusal).toMatchObject({ code: 'PARLEY_ERR_ORIGIN_NOT_ALLOWED' });
  });

  it('accepts an allowed localhost origin on any port', async () => {
    const socket = rawSocket(gateway.url, {}, { origin: 'http://localhost:5173' });
    await expect(connectForSession(socket)).resolves.toMatchObject({ region: 'eu' });
    socket.disconnect();
  });

  it('refuses another protocol version, naming both', async () => {
    const refusal = await handshakeRefusal(rawSocket(gateway.url, { protocolVersion: PROTOCOL_VERSION + 1 }));
    expect(refusal).toMatchObject({
      code: 'PARLEY_ERR_PROTOCOL_VERSION_MISMATCH',
      details: { client: PROTOCOL_VERSION + 1, server: PROTOCOL_VERSION },
    });
  });

  it('refuses a malformed handshake with the offending field', async () => {
    const refusal = await handshakeRefusal(rawSocket(gateway.url, { siteKey: { $ne: null } }));
    expect(refusal?.code).toBe('PARLEY_ERR_HANDSHAKE_INVALID');
    expect(JSON.stringify(refusal?.details)).toContain('siteKey');
  });

  it('refuses a forged or tampered visitor token', async () => {
    const socket = rawSocket(gateway.url, {});
    const session = await connectForSession(socket);
    socket.disconnect();
    const [version, body] = session.visitorToken.split('.');
    const forged = `${version}.${body}.AAAA${'A'.repeat(39)}`;
    expect(await handshakeRefusal(rawSocket(gateway.url, { visitorToken: forged }))).toMatchObject({
      code: 'PARLEY_ERR_TOKEN_INVALID',
    });
    expect(await handshakeRefusal(rawSocket(gateway.url, { visitorToken: 'garbage' }))).toMatchObject({
      code: 'PARLEY_ERR_TOKEN_INVALID',
    });
  });

  it('negotiates the locale and says why', async () => {
    const socket = rawSocket(gateway.url, { locales: ['es-419', 'en'] });
    const session = await connectForSession(socket);
    socket.disconnect();
    expect(session).toMatchObject({ locale: 'es-MX', localeSource: 'navigator', dir: 'ltr' });
    expect(session.strings['send']).toBe('Enviar');
  });
});

describe('handshake rate limit', () => {
  it('refuses connections past the per-IP limit with a retry hint', async () => {
    const config = testConfig();
    const gateway = await startGateway({
      ...config,
      rateLimits: { ...config.rateLimits, handshakesPerIp: { points: 2, durationSeconds: 60 } },
    });
    try {
      for (let i = 0; i < 2; i += 1) {
        const socket = rawSocket(gateway.url, {});
        await connectForSession(socket);
        socket.disconnect();
      }
      const refusal = await handshakeRefusal(rawSocket(gateway.url, {}));
      expect(refusal?.code).toBe('PARLEY_ERR_RATE_LIMITED');
      expect((refusal?.details as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
    } finally {
      await gateway.stop();
      removeDataDir(config);
    }
  });
});

describe('identify (verified shopper identity)', () => {
  it('stores a correctly signed identity on the visitor and refuses a forged one', async () => {
    const config = testConfig();
    const identitySecret = 'shop-server-secret-shop-server-secret';
    writeFileSync(
      join(config.dataDir, 'sites.json'),
      JSON.stringify({
        sites: [
          { key: 'shop', name: 'Shop', allowedOrigins: ['https://shop.example'], defaultLocale: 'en-US', residency: { mode: 'fixed', region: 'us' }, identitySecret },
          { key: 'plain', name: 'Plain', allowedOrigins: ['https://plain.example'], defaultLocale: 'en-US', residency: { mode: 'fixed', region: 'us' } },
        ],
      }),
    );
    const gateway = await startGateway(config);
    try {
      const userHash = createHmac('sha256', identitySecret).update('u_42').digest('hex');
      const socket = rawSocket(gateway.url, { siteKey: 'shop', identity: { userId: 'u_42', userHash, name: 'Ana' } });
      const session = await connectForSession(socket);
      socket.disconnect();
      expect(await gateway.app.regions.store('us').getVisitor(session.visitorId)).toMatchObject({
        identity: { userId: 'u_42', name: 'Ana' },
      });

      const forged = createHmac('sha256', 'guessed-secret').update('u_42').digest('hex');
      expect(await handshakeRefusal(rawSocket(gateway.url, { siteKey: 'shop', identity: { userId: 'u_42', userHash: forged } }))).toMatchObject({
        code: 'PARLEY_ERR_IDENTITY_INVALID',
      });
      expect(await handshakeRefusal(rawSocket(gateway.url, { siteKey: 'plain', identity: { userId: 'u_42', userHash } }))).toMatchObject({
        code: 'PARLEY_ERR_IDENTITY_INVALID',
      });
    } finally {
      await gateway.stop();
      removeDataDir(config);
    }
  });
});
