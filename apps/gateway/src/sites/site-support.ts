import { z } from 'zod';
import { validTimeZone } from '@parley/culture';

/**
 * The parts of a site the bot answers from: team hours per market, order lookup, returns, and
 * corrections to Parley's cross-border facts. Split from `site.ts` to keep each file one topic.
 */

const CountryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code like DE');
const TimeOfDaySchema = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be HH:MM (24-hour)');
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** When a team answers, on its own clock (see `@parley/knowledge` business hours). */
export const BusinessHoursSchema = z.object({
  timeZone: z.string().max(64).refine((zone) => validTimeZone(zone) !== undefined, 'must be an IANA time zone like Europe/Berlin'),
  weekly: z.partialRecord(z.enum(WEEKDAYS), z.array(z.tuple([TimeOfDaySchema, TimeOfDaySchema])).max(4)),
  /** Closed local dates, e.g. the market's public holidays. */
  holidays: z.array(z.iso.date()).max(400).optional(),
});

export const SupportSchema = z.object({
  /** Hours for shoppers whose country is in no market (or unknown). */
  hours: BusinessHoursSchema,
  /** Teams serving particular countries, each on its own clock and holidays. */
  markets: z
    .array(z.object({ name: z.string().min(1).max(80), countries: z.array(CountryCodeSchema).min(1), hours: BusinessHoursSchema }))
    .max(50)
    .optional(),
});
/** A site's human support: without it the bot says a person is coming, at any hour. */
export type Support = z.infer<typeof SupportSchema>;

export const OrdersSchema = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('webhook'),
    url: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }).max(2000),
    secret: z.string().min(32, 'must be at least 32 characters'),
    timeoutMs: z.int().min(500).max(15_000).optional(),
  }),
  /** The built-in sample orders (the demo site). */
  z.object({ source: z.literal('demo') }),
]);
/** Where the bot looks up orders. */
export type OrdersConfig = z.infer<typeof OrdersSchema>;

export const ReturnsSchema = z.object({
  /** Days to return an item; never below the EU's 14. */
  windowDays: z.int().min(14).max(365).optional(),
  /** Where returns go, per destination country (overseas warehouses). */
  addresses: z
    .array(
      z.object({
        countries: z.array(CountryCodeSchema).min(1),
        /** The address without its country line, e.g. `Nordlicht Returns, Celsiusweg 12, 5928 PR Venlo`. */
        address: z.string().min(1).max(500),
        /** The warehouse's country: named in the shopper's language after the address. */
        country: CountryCodeSchema.optional(),
      }),
    )
    .max(50)
    .optional(),
});

const ProvenanceShape = { source: z.string().min(1).max(200), asOf: z.iso.date() };

/** A site's corrections to Parley's facts (its accountant or carrier knows better). */
export const KnowledgeOverridesSchema = z.object({
  consumptionTaxes: z
    .array(z.object({ country: CountryCodeSchema, kind: z.enum(['VAT', 'GST', 'consumption tax', 'sales tax']), standardRate: z.number().min(0).max(1).optional(), pricesIncludeTax: z.boolean().optional(), ...ProvenanceShape }))
    .max(100)
    .optional(),
  importRules: z
    .array(
      z.object({
        country: z.union([CountryCodeSchema, z.literal('EU')]),
        currency: z.string().regex(/^[A-Z]{3}$/),
        dutyFreeUpTo: z.number().nonnegative(),
        taxFreeUpTo: z.number().nonnegative(),
        shopperMustProvide: z.array(z.string().min(1).max(80)).max(5).optional(),
        ...ProvenanceShape,
      }),
    )
    .max(100)
    .optional(),
});
