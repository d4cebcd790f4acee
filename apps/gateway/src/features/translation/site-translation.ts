import { z } from 'zod';

/** A site's own canned reply in sites.json: bodies per locale (`de-DE`) or language (`de`). */
export const SiteCannedReplySchema = z.object({
  key: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'letters, digits, _ . and - only'),
  title: z.string().trim().min(1).max(80),
  bodies: z
    .record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a locale like de or de-DE'), z.string().trim().min(1).max(4000))
    .refine((bodies) => Object.keys(bodies).length > 0, 'needs at least one locale'),
});
export type SiteCannedReply = z.infer<typeof SiteCannedReplySchema>;

/** The translation part of a site's configuration (`translation` in sites.json). */
export const SiteTranslationSchema = z.object({
  /** Machine-translated characters per calendar month (UTC); when spent, calls stop until the 1st. Absent: no budget. */
  monthlyCharacterBudget: z.int().positive().max(10_000_000_000).optional(),
  /** Product names and other words that must never be translated (matched as whole words, any case). */
  glossary: z.array(z.string().trim().min(1).max(100)).max(500).optional(),
  /** The site's own canned replies, beside Parley's shipped set (a same key replaces Parley's). */
  cannedReplies: z.array(SiteCannedReplySchema).max(200).optional(),
});
export type SiteTranslation = z.infer<typeof SiteTranslationSchema>;
