import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { REGIONS } from '@parley/protocol';
import type { Region } from '@parley/protocol';
import { readTranslationConfig } from './features/translation/translation-config.ts';
import type { TranslationConfig } from './features/translation/translation-config.ts';
import { createRegionProviders } from './features/translation/translation-providers.ts';

/** Where a region's conversations live. */
export type StorageConfig =
  | { kind: 'sqlite'; dataDir: string }
  | { kind: 'mongodb'; uris: Record<Region, { uri: string; dbName: string }> };

/** Where the directory (agents, sessions, API tokens, settings; no shopper data) lives. */
export type DirectoryConfig = { kind: 'sqlite'; dataDir: string } | { kind: 'mongodb'; uri: string; dbName: string };

/** Per-key limits: `points` events per `durationSeconds`. */
export interface RateLimit {
  points: number;
  durationSeconds: number;
}

/** Everything the gateway needs, validated; `buildApp` takes this, never `process.env`. */
export interface GatewayConfig {
  host: string;
  port: number;
  dataDir: string;
  /** HMAC key for visitor tokens; undefined means "generate one and keep it in the data dir". */
  secret: string | undefined;
  sitesFile: string | undefined;
  /** Lower-case header a trusted edge sets to the shopper's ISO country (e.g. `cf-ipcountry`). */
  countryHeader: string | undefined;
  /**
   * Which proxies' `X-Forwarded-For` entries to believe: `false` (none: the peer address is the
   * client), a hop count (the client is that many entries from the right), or proxy addresses/
   * CIDRs. One rule for sockets and REST, passed to Fastify's `trustProxy` as is.
   */
  trustProxy: TrustProxy;
  /** Open Socket.IO connections one IP may hold at once (an office NAT shares one IP). */
  connectionsPerIp: number;
  /** How long a connection may stay without completing a handshake before it is closed. */
  handshakeTimeoutMs: number;
  /** How long a visitor token stays valid after its last use (it is renewed on every connection). */
  visitorTokenTtlDays: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `json` (one object per line, for log shippers) or `pretty` (for people: `pnpm dev`, needs pino-pretty). */
  logFormat?: 'json' | 'pretty';
  storage: StorageConfig;
  directory: DirectoryConfig;
  rateLimits: { messagesPerVisitor: RateLimit; messagesPerIp: RateLimit; handshakesPerIp: RateLimit; restPerIp: RateLimit; understandPerIp: RateLimit };
  /** Live translation: which provider each region's conversations go to (none by default). */
  translation?: TranslationConfig | undefined;
}

/** Fastify's `trustProxy`: false, a hop count, or a list of trusted proxy addresses/CIDRs. */
export type TrustProxy = false | number | string[];

/** A configuration problem, naming the environment variable to fix. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const optionalText = z.string().trim().min(1).optional().catch(undefined);
const mongoUri = z
  .string()
  .trim()
  .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
  .optional();

const EnvSchema = z.object({
  PARLEY_HOST: z.string().trim().min(1).default('127.0.0.1'),
  PARLEY_PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  PARLEY_DATA_DIR: z.string().trim().min(1).default('./.parley'),
  PARLEY_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -hex 32)').optional(),
  PARLEY_SITES_FILE: optionalText,
  PARLEY_COUNTRY_HEADER: z.string().trim().toLowerCase().regex(/^[a-z0-9-]+$/, 'must be a header name').optional(),
  PARLEY_TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .transform((value, context) => {
      const trust = parseTrustProxy(value);
      if (trust === undefined) {
        context.addIssue({ code: 'custom', message: 'must be false, a number of proxy hops (1 for one nginx), or proxy addresses/CIDRs separated by commas ("true" is refused: it trusts whatever the client writes)' });
        return z.NEVER;
      }
      return trust;
    }),
  PARLEY_CONNECTIONS_PER_IP: z.coerce.number().int().min(1).max(100_000).default(100),
  PARLEY_HANDSHAKE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  PARLEY_VISITOR_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  PARLEY_MESSAGES_PER_VISITOR: z.coerce.number().int().min(1).max(100_000).default(20),
  PARLEY_MESSAGES_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(60),
  PARLEY_HANDSHAKES_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(30),
  PARLEY_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PARLEY_LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  PARLEY_MONGODB_URI: mongoUri,
  ...Object.fromEntries(REGIONS.map((region) => [`PARLEY_MONGODB_URI_${region.toUpperCase()}`, mongoUri])),
  PARLEY_MONGODB_URI_DIRECTORY: mongoUri,
});

/**
 * Reads and validates the gateway's environment. Throws ConfigError naming the bad variable.
 *
 * @example
 * const config = loadConfig(process.env); // PARLEY_PORT=abc → "PARLEY_PORT: Invalid input…"
 */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): GatewayConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
    throw new ConfigError(`Invalid gateway configuration:\n  ${problems.join('\n  ')}`);
  }
  const vars = parsed.data as z.infer<typeof EnvSchema> & Record<string, string | undefined>;
  const translation = readTranslationConfig(env);
  // Build the adapters once here (no I/O) so a residency mistake stops the start, named.
  const translationProblems = [...translation.problems, ...(translation.problems.length === 0 ? createRegionProviders(translation.config).problems : [])];
  if (translationProblems.length > 0) throw new ConfigError(`Invalid gateway configuration:\n  ${translationProblems.join('\n  ')}`);
  const dataDir = isAbsolute(vars.PARLEY_DATA_DIR) ? vars.PARLEY_DATA_DIR : resolve(cwd, vars.PARLEY_DATA_DIR);
  return {
    host: vars.PARLEY_HOST,
    port: vars.PARLEY_PORT,
    dataDir,
    secret: vars.PARLEY_SECRET,
    sitesFile: vars.PARLEY_SITES_FILE ? resolve(cwd, vars.PARLEY_SITES_FILE) : undefined,
    countryHeader: vars.PARLEY_COUNTRY_HEADER,
    trustProxy: vars.PARLEY_TRUST_PROXY,
    connectionsPerIp: vars.PARLEY_CONNECTIONS_PER_IP,
    handshakeTimeoutMs: vars.PARLEY_HANDSHAKE_TIMEOUT_MS,
    visitorTokenTtlDays: vars.PARLEY_VISITOR_TOKEN_TTL_DAYS,
    logLevel: vars.PARLEY_LOG_LEVEL,
    logFormat: vars.PARLEY_LOG_FORMAT,
    storage: storageFrom(vars, dataDir),
    directory: directoryFrom(vars, dataDir),
    rateLimits: {
      messagesPerVisitor: { points: vars.PARLEY_MESSAGES_PER_VISITOR, durationSeconds: 10 },
      messagesPerIp: { points: vars.PARLEY_MESSAGES_PER_IP, durationSeconds: 10 },
      handshakesPerIp: { points: vars.PARLEY_HANDSHAKES_PER_IP, durationSeconds: 60 },
      restPerIp: { points: 300, durationSeconds: 60 },
      understandPerIp: { points: 60, durationSeconds: 60 },
    },
    translation: translation.config,
  };
}

function storageFrom(vars: Record<string, string | undefined>, dataDir: string): StorageConfig {
  const shared = vars['PARLEY_MONGODB_URI'];
  const perRegion = REGIONS.map((region) => [region, vars[`PARLEY_MONGODB_URI_${region.toUpperCase()}`]] as const);
  if (!shared && perRegion.every(([, uri]) => !uri)) return { kind: 'sqlite', dataDir };
  const missing = perRegion.filter(([, uri]) => !uri && !shared).map(([region]) => `PARLEY_MONGODB_URI_${region.toUpperCase()}`);
  if (missing.length > 0) {
    throw new ConfigError(
      `Invalid gateway configuration:\n  ${missing.join(', ')}: every region needs a MongoDB URI once any is set ` +
        '(set these, or PARLEY_MONGODB_URI for one cluster with a database per region)',
    );
  }
  const uris = Object.fromEntries(
    perRegion.map(([region, own]) => [
      region,
      // A region's own cluster may name its database in the URI; the shared one gets parley_<region>.
      own ? { uri: own, dbName: databaseIn(own) ?? `parley_${region}` } : { uri: shared!, dbName: `parley_${region}` },
    ]),
  ) as Record<Region, { uri: string; dbName: string }>;
  return { kind: 'mongodb', uris };
}

function directoryFrom(vars: Record<string, string | undefined>, dataDir: string): DirectoryConfig {
  const own = vars['PARLEY_MONGODB_URI_DIRECTORY'];
  if (own) return { kind: 'mongodb', uri: own, dbName: databaseIn(own) ?? 'parley_directory' };
  const shared = vars['PARLEY_MONGODB_URI'];
  if (shared) return { kind: 'mongodb', uri: shared, dbName: 'parley_directory' };
  // Regions on their own clusters with the accounts in a local file would give every gateway
  // instance its own agents: refuse rather than split them silently.
  if (REGIONS.some((region) => vars[`PARLEY_MONGODB_URI_${region.toUpperCase()}`])) {
    throw new ConfigError(
      'Invalid gateway configuration:\n  PARLEY_MONGODB_URI_DIRECTORY: the regions are on MongoDB, so the directory needs a MongoDB URI too ' +
        '(set it, or PARLEY_MONGODB_URI)',
    );
  }
  return { kind: 'sqlite', dataDir };
}

function databaseIn(uri: string): string | undefined {
  const path = uri.replace(/^mongodb(\+srv)?:\/\/[^/]*/, '').split('?')[0] ?? '';
  const name = decodeURIComponent(path.replace(/^\//, ''));
  return name || undefined;
}

/**
 * `PARLEY_TRUST_PROXY` as Fastify's `trustProxy`: `false`/`0` trust nobody, `1`… trust that many
 * hops, anything else is a comma-separated list of addresses or CIDRs (`10.0.0.0/8,127.0.0.1`).
 * `true` is refused on purpose: it makes the leftmost `X-Forwarded-For` entry, which the client
 * writes itself, the client's IP, and every per-IP limit falls.
 */
export function parseTrustProxy(value: string): TrustProxy | undefined {
  if (value === 'false' || value === '0' || value === '') return false;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim()).filter(Boolean);
  const isAddress = (entry: string) => {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const maxPrefix = family === 6 ? 128 : 32;
    return family !== 0 && rest.length === 0 && (prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix));
  };
  return entries.length > 0 && entries.every(isAddress) ? entries : undefined;
}
