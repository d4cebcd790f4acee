import { z } from 'zod';
import type { AuthorKind } from '../common.ts';

/** `typing:set` — the visitor started or stopped typing. Not acked; rate limited. */
export const TYPING_SET = 'typing:set';
export const TypingSetSchema = z.object({ isTyping: z.boolean() });
export type TypingSet = z.infer<typeof TypingSetSchema>;

/** `typing:changed` — someone else in the conversation (agent, bot) is typing or stopped. */
export const TYPING_CHANGED = 'typing:changed';
export interface TypingChanged {
  author: { kind: AuthorKind; id?: string; name?: string };
  isTyping: boolean;
}
