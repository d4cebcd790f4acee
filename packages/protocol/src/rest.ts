import { z } from 'zod';
import { RegionSchema } from './events/common.ts';

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
