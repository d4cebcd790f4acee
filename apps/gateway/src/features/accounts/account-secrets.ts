import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Session cookies last at most this long after sign-in, however active the agent is. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** A session nobody used for this long is over. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** `lastSeenAt` is written at most this often, so busy consoles do not write on every call. */
export const SESSION_TOUCH_MS = 60 * 1000;

const API_TOKEN_PATTERN = /^pk_([0-9a-f]{16})_[0-9a-f]{64}$/;

/** A random, URL-safe secret (256 bits by default): session tokens and CSRF tokens. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** SHA-256 in lower-case hex: how session tokens and API tokens are stored. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/**
 * Constant-time string equality. Both sides are hashed first so that neither their content nor
 * their length leaks through timing.
 */
export function safeEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/**
 * A new API token `pk_<tokenId>_<secret>`: the id is public (it names the token in lists and
 * logs), the secret is 256 random bits. Hex on both sides keeps `_` a safe separator.
 */
export function newApiToken(): { tokenId: string; token: string } {
  const tokenId = randomBytes(8).toString('hex');
  return { tokenId, token: `pk_${tokenId}_${randomBytes(32).toString('hex')}` };
}

/** The token id inside a well-formed API token, or null for anything else. */
export function apiTokenId(token: string): string | null {
  return API_TOKEN_PATTERN.exec(token)?.[1] ?? null;
}
