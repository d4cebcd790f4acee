import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { RegionSchema } from '@parley/protocol';
import type { Region } from '@parley/protocol';

/** What a visitor token proves: this visitor, of this site, with this conversation in this region. */
export interface VisitorClaims {
  visitorId: string;
  siteKey: string;
  conversationId: string;
  region: Region;
}

/** A verified token: its claims, and when it stops being valid (undefined for v1 tokens, which carry none). */
export interface VerifiedVisitorToken extends VisitorClaims {
  expiresAt: Date | undefined;
}

const ClaimsSchema = z.object({ v: z.string(), s: z.string(), c: z.string(), r: RegionSchema, e: z.int().positive().optional() });
const VERSION = 'v2';
/** Tokens signed before they had a lifetime; still verified, their age judged by the caller. */
const LEGACY_VERSION = 'v1';
const DAY_MS = 86_400_000;

/**
 * Signs and verifies visitor tokens: `v2.<base64url claims>.<base64url HMAC-SHA256>`, the claims
 * holding an expiry (`e`, Unix seconds). The token is the visitor's only credential, kept by the
 * widget in localStorage; the region inside it is how the gateway finds the conversation without
 * asking every region's store. Every connection gets a fresh token (the lifetime is renewed on
 * use), so only a token left unused for the whole lifetime stops working.
 */
export class VisitorTokenSigner {
  readonly #secret: string;
  readonly #lifetimeMs: number;
  readonly #now: () => Date;

  constructor(secret: string, options: { lifetimeDays?: number; now?: () => Date } = {}) {
    this.#secret = secret;
    this.#lifetimeMs = (options.lifetimeDays ?? 180) * DAY_MS;
    this.#now = options.now ?? (() => new Date());
  }

  /** How long a token stays valid after it is signed. */
  get lifetimeMs(): number {
    return this.#lifetimeMs;
  }

  sign(claims: VisitorClaims): string {
    const expires = Math.floor((this.#now().getTime() + this.#lifetimeMs) / 1000);
    const body = Buffer.from(
      JSON.stringify({ v: claims.visitorId, s: claims.siteKey, c: claims.conversationId, r: claims.region, e: expires }),
    ).toString('base64url');
    return `${VERSION}.${body}.${this.#mac(VERSION, body)}`;
  }

  /** The claims, or null for anything forged, truncated or malformed; the caller checks `expiresAt`. */
  verify(token: string): VerifiedVisitorToken | null {
    const [version, body, mac] = token.split('.');
    if ((version !== VERSION && version !== LEGACY_VERSION) || !body || !mac) return null;
    const expected = Buffer.from(this.#mac(version, body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const claims = ClaimsSchema.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
      if (version === VERSION && claims.e === undefined) return null;
      const expiresAt = claims.e === undefined ? undefined : new Date(claims.e * 1000);
      return { visitorId: claims.v, siteKey: claims.s, conversationId: claims.c, region: claims.r, expiresAt };
    } catch {
      return null;
    }
  }

  #mac(version: string, body: string): string {
    return createHmac('sha256', this.#secret).update(`${version}.${body}`).digest('base64url');
  }
}
