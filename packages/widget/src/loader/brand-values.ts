import type { SessionBranding } from '@parley/protocol';

/**
 * The checks a branding value passes before the loader writes it into the launcher's
 * stylesheet, the same as `brandCss` in the app makes: whatever arrives (a fetched file, a
 * cached one) must be a colour or a number, never text that could close a rule.
 */

/** A CSS hex colour without alpha (`#0f766e`, `#fff`). */
export const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * A launcher offset as whole pixels within 0–200; anything that is not a number becomes 0. Terser
 * than `brandCss`'s (which falls back to 20) because every byte counts in loader.js.
 */
export const launcherOffset = (value: unknown): number => Math.min(200, Math.max(0, Math.round(value as number))) || 0;

/** The part of a site's branding the launcher shows: the body of `branding.json`. */
export type LauncherBranding = Pick<SessionBranding, 'brandColor' | 'brandTextColor' | 'launcher'>;
