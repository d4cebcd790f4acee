import { z } from 'zod';
import { LocaleTagSchema, MessageTextSchema, RegionSchema } from './events/common.ts';

/** `GET /healthz`: the process is up. */
export const HealthzResponseSchema = z.object({ status: z.literal('ok') });

/** `GET /readyz`: every region's store answered (200) or not (503). */
export const ReadyzResponseSchema = z.object({
  status: z.enum(['ready', 'unavailable']),
  regions: z.record(RegionSchema, z.boolean()),
});
export type ReadyzResponse = z.infer<typeof ReadyzResponseSchema>;

/** Body of every REST error response. */
export const RestErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** `POST /v1/understand`: what a shopper message means, for developers and agents' tools. */
export const UnderstandRequestSchema = z.object({
  siteKey: z.string().min(1).max(64),
  text: MessageTextSchema,
  locale: LocaleTagSchema.optional(),
});
export type UnderstandRequest = z.infer<typeof UnderstandRequestSchema>;

export const UnderstandResponseSchema = z.object({
  lang: z.string(),
  intent: z.string(),
  confidence: z.number().min(0).max(1),
  entities: z.object({
    orderNumbers: z.array(z.string()),
    countries: z.array(z.string()),
    amounts: z.array(z.object({ value: z.number(), currency: z.string() })),
    emails: z.array(z.string()),
    /** Whether the shopper said the amount is before tax (`net`: "plus VAT", "hors taxe") or includes it (`gross`). */
    priceBasis: z.enum(['net', 'gross']).optional(),
  }),
});
export type UnderstandResponse = z.infer<typeof UnderstandResponseSchema>;
