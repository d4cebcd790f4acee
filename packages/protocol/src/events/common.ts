import { z } from 'zod';
import { LIMITS } from '../limits.ts';

/** Strings stored by Parley may not carry NUL: MongoDB and C-string tooling truncate on it. */
export const safeString = (max: number) =>
  z.string().max(max).refine((value) => !value.includes('\0'), { message: 'must not contain NUL (\\0)' });

/** A BCP 47 language tag as sent by browsers; validated loosely here, canonicalised by culture. */
export const LocaleTagSchema = z.string().min(2).max(35).regex(/^[A-Za-z0-9-]+$/);

export const AuthorKindSchema = z.enum(['visitor', 'agent', 'bot', 'system']);
/** Who wrote a message. */
export type AuthorKind = z.infer<typeof AuthorKindSchema>;

export const AuthorSchema = z.object({
  kind: AuthorKindSchema,
  name: safeString(80).optional(),
});
/** A message's author; `name` is shown for agents and bots. */
export type Author = z.infer<typeof AuthorSchema>;

export const MessageTextSchema = safeString(LIMITS.messageTextMax).refine((text) => text.trim().length > 0, {
  message: 'must not be empty',
});

export const MessageSchema = z.object({
  id: z.string().min(1).max(64),
  conversationId: z.string().min(1).max(64),
  seq: z.int().positive(),
  clientMsgId: z.string().min(1).max(64),
  author: AuthorSchema,
  text: z.string().max(LIMITS.messageTextMax),
  locale: LocaleTagSchema.optional(),
  createdAt: z.iso.datetime(),
});
/** A stored message, as every server event and ack carries it. */
export type Message = z.infer<typeof MessageSchema>;

export const REGIONS = ['eu', 'us', 'br', 'sg', 'in'] as const;
export const RegionSchema = z.enum(REGIONS);
/** A data-residency region: a conversation lives in exactly one. */
export type Region = z.infer<typeof RegionSchema>;
