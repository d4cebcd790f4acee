import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { REGIONS } from '@parley/protocol';
import type { Region } from '@parley/protocol';

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
  trustProxy: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `json` (one object per line, for log shippers) or `pretty` (for people: `pnpm dev`, needs pino-pretty). */
  logFormat?: 'json' | 'pretty';
  storage: StorageConfig;
  directory: DirectoryConfig;
  rateLimits: { messagesPerVisitor: RateLimit; messagesPerIp: RateLimit; handshakesPerIp: RateLimit; restPerIp: RateLimit; understandPerIp: RateLimit };
}

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
  PARLEY_TRUST_PROXY: z.enum(['true', 'false']).default('false'),
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
  const dataDir = isAbsolute(vars.PARLEY_DATA_DIR) ? vars.PARLEY_DATA_DIR : resolve(cwd, vars.PARLEY_DATA_DIR);
  return {
    host: vars.PARLEY_HOST,
    port: vars.PARLEY_PORT,
    dataDir,
    secret: vars.PARLEY_SECRET,
    sitesFile: vars.PARLEY_SITES_FILE ? resolve(cwd, vars.PARLEY_SITES_FILE) : undefined,
    countryHeader: vars.PARLEY_COUNTRY_HEADER,
    trustProxy: vars.PARLEY_TRUST_PROXY === 'true',
    logLevel: vars.PARLEY_LOG_LEVEL,
    logFormat: vars.PARLEY_LOG_FORMAT,
    storage: storageFrom(vars, dataDir),
    directory: directoryFrom(vars, dataDir),
    rateLimits: {
      messagesPerVisitor: { points: 20, durationSeconds: 10 },
      messagesPerIp: { points: 60, durationSeconds: 10 },
      handshakesPerIp: { points: 30, durationSeconds: 60 },
      restPerIp: { points: 300, durationSeconds: 60 },
      understandPerIp: { points: 60, durationSeconds: 60 },
    },
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
