import { z } from 'zod';
import { RegionSchema } from '@parley/protocol';
import { SlaConfigSchema } from '../features/conversations/sla-config.ts';
import { SiteTranslationSchema } from '../features/translation/site-translation.ts';
import { SiteBrandingSchema } from './site-branding.ts';
import { KnowledgeOverridesSchema, OrdersSchema, ReturnsSchema, SupportSchema } from './site-support.ts';
import type { Support } from './site-support.ts';

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
  /** Team hours per market; the bot says when a person will answer. */
  support: SupportSchema.optional(),
  /** Where the bot looks up orders; without it order questions go to a person. */
  orders: OrdersSchema.optional(),
  returns: ReturnsSchema.optional(),
  /** Corrections to Parley's VAT and customs facts. */
  knowledge: KnowledgeOverridesSchema.optional(),
  /** First- and next-response targets for people, in business minutes. */
  sla: SlaConfigSchema.optional(),
  branding: SiteBrandingSchema.optional(),
  /** Live translation: a monthly character budget, a glossary, the site's own canned replies. */
  translation: SiteTranslationSchema.optional(),
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
  // The shop's own look: its slate, its helper's name per language, its stated reply time.
  branding: {
    assistantName: { en: 'Nordlicht Help', de: 'Nordlicht-Hilfe', ja: 'ノルドリヒト サポート', ar: 'مساعدة نوردليخت' },
    avatarUrl: '/demo/favicon.svg',
    brandColor: '#1d2733',
    launcher: { position: 'right', offsetX: 20, offsetY: 20 },
    typicalReplyMinutes: 5,
  },
  support: demoSupport(),
  orders: { source: 'demo' },
  returns: {
    windowDays: 30,
    addresses: [
      { countries: 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE NO CH GB'.split(' '), address: 'Nordlicht Returns, Celsiusweg 12, 5928 PR Venlo', country: 'NL' },
      { countries: ['US', 'CA', 'MX'], address: 'Nordlicht Returns, 1200 W Fulton Market, Chicago, IL 60607', country: 'US' },
      { countries: ['JP', 'KR', 'SG', 'AU', 'NZ'], address: 'Nordlicht Returns, 2-3-1 Kaigan, Minato-ku, Tokyo 105-0022', country: 'JP' },
    ],
  },
};

/** The demo shop's teams: Amsterdam for Europe and the rest, New York for the Americas. */
function demoSupport(): Support {
  const weekdays = [['09:00', '18:00']] as [string, string][];
  return {
    hours: {
      timeZone: 'Europe/Amsterdam',
      weekly: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays, sat: [['10:00', '14:00']] },
      // Dutch public holidays.
      holidays: ['2026-12-25', '2026-12-26', '2027-01-01', '2027-03-28', '2027-03-29', '2027-04-27', '2027-05-05', '2027-05-06', '2027-05-16', '2027-05-17', '2027-12-25', '2027-12-26'],
    },
    markets: [
      {
        name: 'Americas',
        countries: ['US', 'CA', 'MX', 'BR', 'AR', 'CL', 'CO', 'PE'],
        hours: {
          timeZone: 'America/New_York',
          weekly: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays },
          // US federal holidays.
          holidays: ['2026-11-26', '2026-12-25', '2027-01-01', '2027-01-18', '2027-02-15', '2027-05-31', '2027-06-18', '2027-07-05', '2027-09-06', '2027-10-11', '2027-11-11', '2027-11-25', '2027-12-24'],
        },
      },
    ],
  };
}

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
