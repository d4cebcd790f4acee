import { z } from 'zod';
import { colord, extend } from 'colord';
import a11yPlugin from 'colord/plugins/a11y';
import type { ReplyTemplates, SupportedLocale } from '@parley/culture';
import type { SessionBranding } from '@parley/protocol';
import type { Site } from './site.ts';

extend([a11yPlugin]);

/** The two text colours the widget puts on a brand colour: white, or a near-black. */
export const TEXT_ON_BRAND = ['#ffffff', '#111111'] as const;
/** WCAG 2.x AA for normal-size text. */
const AA_CONTRAST = 4.5;

const LocaleKeySchema = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a locale like de or de-DE');
const AssistantNameSchema = z.string().trim().min(1).max(40);

/**
 * The text colour with the better contrast on `brandColor`, or undefined when neither white nor
 * near-black reaches AA (then the site's configuration is refused at start-up).
 */
export function textColorOn(brandColor: string): (typeof TEXT_ON_BRAND)[number] | undefined {
  const brand = colord(brandColor);
  const [best] = TEXT_ON_BRAND.map((text) => ({ text, ratio: brand.contrast(text) })).sort((a, b) => b.ratio - a.ratio);
  return best && best.ratio >= AA_CONTRAST ? best.text : undefined;
}

const BrandColorSchema = z
  .string()
  .regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a CSS hex colour like #0f766e')
  .superRefine((hex, ctx) => {
    if (textColorOn(hex)) return;
    const ratios = TEXT_ON_BRAND.map((text) => `${text} ${colord(hex).contrast(text).toFixed(2)}:1`).join(', ');
    ctx.addIssue({ code: 'custom', message: `brand colour ${hex} is too light for white text and too dark for near-black text (${ratios}); WCAG AA needs ${AA_CONTRAST}:1 — pick a darker or lighter shade` });
  });

/** An avatar: an https URL, or a path on the shop's own origin (`/img/helper.png`). */
const AvatarUrlSchema = z
  .string()
  .max(2000)
  .refine((value) => /^\/(?!\/)[^\s\\]*$/.test(value) || isHttpsUrl(value), 'must be an https:// URL or a path starting with /');

const OffsetSchema = z.int().min(0).max(200);

/** `branding` in sites.json: how the widget looks and who it says is answering. */
export const SiteBrandingSchema = z.object({
  /** One name, or per locale (`de-DE`) / language (`de`); else the site's name. */
  assistantName: z.union([AssistantNameSchema, z.record(LocaleKeySchema, AssistantNameSchema)]).optional(),
  avatarUrl: AvatarUrlSchema.optional(),
  brandColor: BrandColorSchema.optional(),
  launcher: z.object({ position: z.enum(['left', 'right']), offsetX: OffsetSchema.optional(), offsetY: OffsetSchema.optional() }).optional(),
  /** What the shop promises for a person's first reply, shown in the header. */
  typicalReplyMinutes: z.int().min(1).max(1440).optional(),
});
/** A site's branding as configured. */
export type SiteBranding = z.infer<typeof SiteBrandingSchema>;

/**
 * The name the assistant goes by in `locale`: the site's name for that locale, then for its
 * language, then the site's own name (never "Parley": the widget belongs to the shop).
 *
 * @example
 * assistantName(site, 'de-AT') // branding.assistantName['de-AT'] ?? ['de'] ?? site.name
 */
export function assistantName(site: Site, locale: string): string {
  const configured = site.branding?.assistantName;
  if (typeof configured === 'string') return configured;
  const language = locale.split('-')[0] ?? locale;
  return configured?.[locale] ?? configured?.[language] ?? site.name;
}

/** What `session:ready` and `locale:changed` carry for the widget to look like the shop. */
export function sessionBranding(site: Site, locale: SupportedLocale, templates: ReplyTemplates, options: { isTeamIn?: boolean } = {}): SessionBranding {
  const branding = site.branding ?? {};
  const result: SessionBranding = { assistantName: assistantName(site, locale) };
  if (branding.avatarUrl) result.avatarUrl = branding.avatarUrl;
  const textColor = branding.brandColor ? textColorOn(branding.brandColor) : undefined;
  if (branding.brandColor && textColor) Object.assign(result, { brandColor: branding.brandColor.toLowerCase(), brandTextColor: textColor });
  if (branding.launcher) {
    const { position, offsetX = 20, offsetY = 20 } = branding.launcher;
    result.launcher = { position, offsetX, offsetY };
  }
  // The shop's "typically replies within …" is true only while its team is in: out of hours the
  // bot says when they are back, and the header must not contradict it.
  if (branding.typicalReplyMinutes && options.isTeamIn !== false) {
    result.typicalReplyMinutes = branding.typicalReplyMinutes;
    result.typicalReplyDuration = String(templates.formatValues(locale, { minutes: branding.typicalReplyMinutes }).minutes);
  }
  return result;
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
