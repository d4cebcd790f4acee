import { z } from 'zod';
import { RegionSchema } from '@parley/protocol';

/** Where a site's conversations are stored. */
export const ResidencySchema = z.discriminatedUnion('mode', [
  /** Every conversation in one region (e.g. an EU-only shop). */
  z.object({ mode: z.literal('fixed'), region: RegionSchema }),
  /** The shopper's country (from the trusted edge header) picks the region; else `defaultRegion`. */
  z.object({ mode: z.literal('by-country'), defaultRegion: RegionSchema }),
]);

/**
 * An allowed origin: an exact origin (`https://shop.example`), or one with any port
 * (`http://localhost:*`) for local development.
 */
const OriginSchema = z.string().regex(/^https?:\/\/[^/\s]+$/, 'must be an origin like https://shop.example (no path)');

/** A site's own wording for one locale or language: widget strings and bot replies by key. */
const SiteTextsSchema = z.object({
  widget: z.record(z.string().max(64), z.string().min(1).max(500)).optional(),
  replies: z.record(z.string().max(64), z.string().min(1).max(2000)).optional(),
});

export const SiteSchema = z.object({
  key: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, _ and - only'),
  name: z.string().min(1).max(80),
  allowedOrigins: z.array(OriginSchema).min(1),
  defaultLocale: z.string().min(2).max(35),
  residency: ResidencySchema,
  /** Key for verifying `identify` calls (HMAC-SHA256 of the user id); keep it server-side. */
  identitySecret: z.string().min(32, 'must be at least 32 characters').optional(),
  /** The shop's own order-number formats, as regular expressions (first group = the number). */
  orderNumberPatterns: z
    .array(z.string().max(200).refine(isValidPattern, 'must be a valid regular expression'))
    .max(10)
    .optional(),
  /** Per locale (`de-DE`) or language (`de`): the site's own widget strings and replies. */
  texts: z.record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a locale like de or de-DE'), SiteTextsSchema).optional(),
});
/** A shop using Parley: its public key, who may embed it, and its data-residency policy. */
export type Site = z.infer<typeof SiteSchema>;

export const SitesFileSchema = z.object({ sites: z.array(SiteSchema) });

/** The demo site served at /demo/: works from the gateway itself and any localhost port. */
export const DEMO_SITE: Site = {
  key: 'demo',
  name: 'Nordlicht Outfitters',
  allowedOrigins: ['http://127.0.0.1:*', 'http://localhost:*', 'http://[::1]:*'],
  defaultLocale: 'en-US',
  residency: { mode: 'by-country', defaultRegion: 'eu' },
};

/** True when `origin` matches one of the site's allowed origins (exact, or `:*` any port). */
export function isOriginAllowed(site: Site, origin: string): boolean {
  return site.allowedOrigins.some((allowed) => {
    if (!allowed.endsWith(':*')) return allowed === origin;
    const prefix = allowed.slice(0, -1);
    return origin.startsWith(prefix) && /^\d{1,5}$/.test(origin.slice(prefix.length));
  });
}

function isValidPattern(source: string): boolean {
  try {
    new RegExp(source, 'gu');
    return true;
  } catch {
    return false;
  }
}
