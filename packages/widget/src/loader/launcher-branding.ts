import type { WidgetOptions } from '../shared-types.ts';
import type { LauncherBranding } from './brand-values.ts';
import { launcherStyles } from './launcher-styles.ts';

/**
 * Fills the launcher's constructed stylesheet, then fetches the site's public, cacheable
 * `branding.json` so that even a shopper's first page shows the shop's colour and corner, before
 * any session exists. It is fetched on every page (the HTTP cache answers for 5 minutes) rather
 * than read from the branding the app remembers: reading storage would cost loader.js more bytes
 * than it has, and the app applies the remembered branding itself once it loads. Nothing is
 * stored. Any failure (offline, blocked, an unknown site's error body, bad JSON) quietly keeps
 * the built-in look: `launcherStyles` takes only hex colours and clamped numbers from it.
 */
export function brandLauncher(sheet: CSSStyleSheet, { siteKey, gateway }: WidgetOptions): void {
  const apply = (branding?: LauncherBranding): void => sheet.replaceSync(launcherStyles(branding));
  apply();
  // Site keys are letters, digits, _ and -: no encoding needed (another key is just unknown).
  fetch(`${gateway}/widget/sites/${siteKey}/branding.json`)
    .then((response) => response.json() as Promise<LauncherBranding>)
    .then(apply, () => {});
}
