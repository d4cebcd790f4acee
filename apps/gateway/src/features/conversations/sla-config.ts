import { z } from 'zod';

/** The most a target may be: one week of minutes (a longer promise is no response target). */
const MAX_TARGET_MINUTES = 7 * 24 * 60;

/**
 * A site's response targets, in business minutes of its team's hours: how soon an agent must
 * answer a conversation handed to a person (`firstResponseMinutes`, default 5) and each later
 * shopper message (`nextResponseMinutes`, default 15). Wire it into the site schema as
 * `sla: SlaConfigSchema.prefault({})` so a site without `sla` gets both defaults.
 */
export const SlaConfigSchema = z.object({
  firstResponseMinutes: z.number().int().min(1).max(MAX_TARGET_MINUTES).default(5),
  nextResponseMinutes: z.number().int().min(1).max(MAX_TARGET_MINUTES).default(15),
});

/** A site's response targets, defaults applied. */
export type SlaConfig = z.infer<typeof SlaConfigSchema>;

/** The targets of a site that configured none. */
export const DEFAULT_SLA: SlaConfig = SlaConfigSchema.parse({});
