import { z } from 'zod';
import { LIMITS } from '../../limits.ts';
import { LocaleTagSchema, RegionSchema, safeString } from '../common.ts';

/**
 * A logged-in shopper, vouched for by the shop: `userHash` is the hex HMAC-SHA256 of `userId`
 * under the site's identity secret, computed on the shop's server (never in the browser).
 */
export const VisitorIdentitySchema = z.object({
  userId: safeString(128).refine((id) => id.length > 0, { message: 'must not be empty' }),
  userHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a hex HMAC-SHA256'),
  name: safeString(80).optional(),
  email: z.email().max(254).optional(),
});
/** A verified shopper identity, as sent in the handshake. */
export type VisitorIdentity = z.infer<typeof VisitorIdentitySchema>;

/** Handshake `auth` a client sends when it connects to the visitor namespace. */
export const HandshakeAuthSchema = z.object({
  siteKey: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
  protocolVersion: z.int(),
  visitorToken: z.string().min(1).max(1024).optional(),
  /** An explicit locale chosen by the page (`Parley('init', { locale })`); wins over hints. */
  locale: LocaleTagSchema.optional(),
  /** `navigator.languages`, most preferred first. */
  locales: z.array(z.string().max(35)).max(LIMITS.localeHintsMax).optional(),
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timeZone: z.string().max(64).optional(),
  /** The page's `<html lang>`. */
  pageLang: z.string().max(35).optional(),
  /** The page the chat was opened on, origin and path only (no query: it may hold personal data). */
  pageUrl: z.url({ protocol: /^https?$/ }).max(2048).optional(),
  /** A logged-in shopper's verified identity (`Parley('identify', …)`). */
  identity: VisitorIdentitySchema.optional(),
});
/** Handshake `auth` payload. */
export type HandshakeAuth = z.infer<typeof HandshakeAuthSchema>;

/** Why the session's locale was chosen (first source in the chain that answered). */
export const LocaleSourceSchema = z.enum(['explicit', 'message', 'page', 'navigator', 'accept-language', 'site-default']);
export type LocaleSource = z.infer<typeof LocaleSourceSchema>;

/** A CSS hex colour (`#0f766e`, `#fff`); no alpha, so contrast is what the shopper sees. */
const HexColorSchema = z.string().regex(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i);

/**
 * How the widget looks and who it says is answering, resolved for the session's locale from the
 * site's `branding`. The widget applies it through a constructed stylesheet (strict-CSP safe).
 */
export const SessionBrandingSchema = z.object({
  /** The assistant's name in this locale (the site's name when none is configured). */
  assistantName: safeString(40),
  /** An https URL or a path on the shop's origin, shown in the header and beside bot messages. */
  avatarUrl: z.string().max(2000).optional(),
  brandColor: HexColorSchema.optional(),
  /** White or near-black, whichever passes WCAG AA (4.5:1) on `brandColor`; sent with it. */
  brandTextColor: HexColorSchema.optional(),
  launcher: z.object({ position: z.enum(['left', 'right']), offsetX: z.int().min(0).max(200), offsetY: z.int().min(0).max(200) }).optional(),
  /** The shop's stated first-reply time, and the same as a duration in words in this locale. */
  typicalReplyMinutes: z.int().min(1).max(1440).optional(),
  typicalReplyDuration: z.string().max(80).optional(),
});
/** A session's branding. */
export type SessionBranding = z.infer<typeof SessionBrandingSchema>;

/** `session:ready` — sent once per connection, right after a successful handshake. */
export const SESSION_READY = 'session:ready';
export const SessionSchema = z.object({
  visitorId: z.string(),
  visitorToken: z.string(),
  conversationId: z.string(),
  locale: z.string(),
  localeSource: LocaleSourceSchema,
  region: RegionSchema,
  /** Highest `seq` stored when the session started; the client fetches history up to it. */
  lastSeq: z.int().nonnegative(),
  /** How far agents have read (0 when no agent has), so "Seen" survives a reload. */
  agentReadSeq: z.int().nonnegative().optional(),
  /** Every source in the locale chain that offered tags, in chain order (why `locale` won). */
  localeCandidates: z.array(z.object({ source: LocaleSourceSchema, tags: z.array(z.string()) })),
  /** Text direction of `locale`. */
  dir: z.enum(['ltr', 'rtl']),
  /** The widget's UI strings in `locale` (launcher label, placeholder, send…), so the widget
   * bundle carries no i18n library and no other language's strings. */
  strings: z.record(z.string(), z.string()),
  /** The shop's look and assistant for this locale (absent from gateways before issue 9). */
  branding: SessionBrandingSchema.optional(),
});
/** The session a client holds after connecting. */
export type Session = z.infer<typeof SessionSchema>;

/** `locale:changed` — the conversation's locale changed (the shopper wrote in another language,
 * or the page called setLocale). Carries the new UI strings so the widget can switch at once. */
export const LOCALE_CHANGED = 'locale:changed';
export type LocaleChanged = Pick<Session, 'locale' | 'localeSource' | 'localeCandidates' | 'dir' | 'strings' | 'branding'>;
