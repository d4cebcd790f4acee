import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';

/**
 * The token-signing secret: PARLEY_SECRET when set; else one generated once and kept in
 * `<dataDir>/secret` (mode 0600) so tokens survive restarts. Warns, since a secret on local disk
 * suits a single machine, not a fleet.
 */
export function resolveSecret(options: { secret: string | undefined; dataDir: string; log: FastifyBaseLogger }): string {
  if (options.secret) return options.secret;
  const path = join(options.dataDir, 'secret');
  if (existsSync(path)) {
    options.log.warn({ path }, 'PARLEY_SECRET is unset; using the secret kept in the data directory');
    return readFileSync(path, 'utf8').trim();
  }
  mkdirSync(options.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(path, `${secret}\n`, { mode: 0o600 });
  options.log.warn({ path }, 'PARLEY_SECRET is unset; generated a secret and kept it in the data directory');
  return secret;
}
