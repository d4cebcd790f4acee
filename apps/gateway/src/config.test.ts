import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has defaults that need nothing installed', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8787, dataDir: '/srv/app/.parley', storage: { kind: 'sqlite' } });
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ PARLEY_PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PARLEY_PORT: 'eighty' })).toThrow(/PARLEY_PORT/);
    expect(() => loadConfig({ PARLEY_SECRET: 'short' })).toThrow(/PARLEY_SECRET: must be at least 32/);
    expect(() => loadConfig({ PARLEY_MONGODB_URI: 'postgres://x' })).toThrow(/PARLEY_MONGODB_URI: must start with mongodb/);
  });

  it('gives each region its own database on one shared cluster', () => {
    const config = loadConfig({ PARLEY_MONGODB_URI: 'mongodb://db.internal:27017/' });
    expect(config.storage).toEqual({
      kind: 'mongodb',
      uris: Object.fromEntries(
        ['eu', 'us', 'br', 'sg', 'in'].map((r) => [r, { uri: 'mongodb://db.internal:27017/', dbName: `parley_${r}` }]),
      ),
    });
  });

  it('lets a region use its own cluster, and refuses a partial set with no shared fallback', () => {
    const config = loadConfig({
      PARLEY_MONGODB_URI: 'mongodb://shared/',
      PARLEY_MONGODB_URI_EU: 'mongodb://eu-cluster/chat_eu?tls=true',
    });
    expect(config.storage.kind === 'mongodb' && config.storage.uris.eu).toEqual({
      uri: 'mongodb://eu-cluster/chat_eu?tls=true',
      dbName: 'chat_eu',
    });
    expect(() => loadConfig({ PARLEY_MONGODB_URI_EU: 'mongodb://eu/' })).toThrow(/PARLEY_MONGODB_URI_US/);
  });
});
