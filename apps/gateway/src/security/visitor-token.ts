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

const ClaimsSchema = z.object({ v: z.string(), s: z.string(), c: z.string(), r: RegionSchema });
const VERSION = 'v1';

/**
 * Signs and verifies visitor tokens: `v1.<base64url claims>.<base64url HMAC-SHA256>`. The token
 * is the visitor's only credential, kept by the widget in localStorage; the region inside it is
 * how the gateway finds the conversation without asking every region's store.
 */
export class VisitorTokenSigner {
  readonly #secret: string;

  constructor(secret: string) {
    this.#secret = secret;
  }

  sign(claims: VisitorClaims): string {
    const body = Buffer.from(
      JSON.stringify({ v: claims.visitorId, s: claims.siteKey, c: claims.conversationId, r: claims.region }),
    ).toString('base64url');
    return `${VERSION}.${body}.${this.#mac(body)}`;
  }

  /** The claims, or null for anything forged, truncated or malformed. */
  verify(token: string): VisitorClaims | null {
    const [version, body, mac] = token.split('.');
    if (version !== VERSION || !body || !mac) return null;
    const expected = Buffer.from(this.#mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const claims = ClaimsSchema.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
      return { visitorId: claims.v, siteKey: claims.s, conversationId: claims.c, region: claims.r };
    } catch {
      return null;
    }
  }

  #mac(body: string): string {
    return createHmac('sha256', this.#secret).update(`${VERSION}.${body}`).digest('base64url');
  }
}
