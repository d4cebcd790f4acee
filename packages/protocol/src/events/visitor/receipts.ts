import { z } from 'zod';

/** `read:set` — the shopper has seen every message up to `seq` (the widget is open and visible).
 * Not acked: a receipt is best effort and the next one supersedes it. */
export const READ_SET = 'read:set';
export const ReadSetSchema = z.object({ seq: z.int().nonnegative() });
export type ReadSet = z.infer<typeof ReadSetSchema>;

/** `read:changed` — the other side has read up to `seq`: to the shopper when an agent has read
 * ("Seen"), to agents when the shopper has. */
export const READ_CHANGED = 'read:changed';
export interface ReadChanged {
  by: 'visitor' | 'agent';
  seq: number;
}
