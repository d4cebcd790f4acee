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

  it('keeps the directory beside the region files by default', () => {
    expect(loadConfig({}, '/srv/app').directory).toEqual({ kind: 'sqlite', dataDir: '/srv/app/.parley' });
    expect(loadConfig({ PARLEY_DATA_DIR: '/var/lib/parley' }).directory).toEqual({ kind: 'sqlite', dataDir: '/var/lib/parley' });
  });

  it('puts the directory in parley_directory on the shared cluster', () => {
    expect(loadConfig({ PARLEY_MONGODB_URI: 'mongodb://db.internal:27017/' }).directory).toEqual({
      kind: 'mongodb',
      uri: 'mongodb://db.internal:27017/',
      dbName: 'parley_directory',
    });
  });

  it('lets the directory have its own cluster, naming the database in the URI or not', () => {
    const own = loadConfig({
      PARLEY_MONGODB_URI: 'mongodb://shared/',
      PARLEY_MONGODB_URI_DIRECTORY: 'mongodb+srv://accounts.example.net/team_accounts?retryWrites=true',
    });
    expect(own.directory).toEqual({
      kind: 'mongodb',
      uri: 'mongodb+srv://accounts.example.net/team_accounts?retryWrites=true',
      dbName: 'team_accounts',
    });
    expect(own.storage.kind === 'mongodb' && own.storage.uris.eu.dbName).toBe('parley_eu');
    const unnamed = loadConfig({ PARLEY_MONGODB_URI_DIRECTORY: 'mongodb://accounts:27017/?tls=true' });
    expect(unnamed.directory).toEqual({ kind: 'mongodb', uri: 'mongodb://accounts:27017/?tls=true', dbName: 'parley_directory' });
    // The conversations stay embedded: only the accounts moved.
    expect(unnamed.storage).toEqual({ kind: 'sqlite', dataDir: unnamed.dataDir });
  });

  it('validates PARLEY_MONGODB_URI_DIRECTORY like the other MongoDB URIs', () => {
    expect(() => loadConfig({ PARLEY_MONGODB_URI_DIRECTORY: 'https://accounts' })).toThrow(
      /PARLEY_MONGODB_URI_DIRECTORY: must start with mongodb/,
    );
  });

  it('refuses regions on their own clusters with the directory left in a local file', () => {
    const perRegion = Object.fromEntries(['EU', 'US', 'BR', 'SG', 'IN'].map((r) => [`PARLEY_MONGODB_URI_${r}`, `mongodb://${r.toLowerCase()}/`]));
    expect(() => loadConfig(perRegion)).toThrow(/PARLEY_MONGODB_URI_DIRECTORY: the regions are on MongoDB/);
    expect(loadConfig({ ...perRegion, PARLEY_MONGODB_URI_DIRECTORY: 'mongodb://accounts/' }).directory).toMatchObject({ kind: 'mongodb' });
  });

  it('reads PARLEY_TRUST_PROXY as hops or proxy addresses, and refuses "true" with a reason', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ PARLEY_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ PARLEY_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(() => loadConfig({ PARLEY_TRUST_PROXY: 'true' })).toThrow(/PARLEY_TRUST_PROXY: .*hops/);
    expect(() => loadConfig({ PARLEY_TRUST_PROXY: 'nginx.local' })).toThrow(/PARLEY_TRUST_PROXY/);
    expect(() => loadConfig({ PARLEY_TRUST_PROXY: 'abc' })).toThrow(/PARLEY_TRUST_PROXY/);
    expect(() => loadConfig({ PARLEY_TRUST_PROXY: '10.0.0.0/33' })).toThrow(/PARLEY_TRUST_PROXY/);
    expect(loadConfig({ PARLEY_TRUST_PROXY: 'loopback, fd00::/8' }).trustProxy).toEqual(['loopback', 'fd00::/8']);
  });
});
