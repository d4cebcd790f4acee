import type { SessionBranding } from '@parley/protocol';
import { brandCss } from './brand-css.ts';

/**
 * The site's branding as a constructed stylesheet in the widget's shadow root, adopted after the
 * launcher's and the panel's (no inline style, so `style-src 'self'` pages need nothing extra).
 * The last branding is kept in localStorage: on the next page the launcher is the shop's from
 * the moment the app loads, before the session arrives.
 */
export class BrandSheet {
  readonly #sheet = new CSSStyleSheet();
  readonly #key: string;

  constructor(shadow: ShadowRoot, key: string) {
    this.#key = key;
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, this.#sheet];
    try {
      const cached: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
      if (cached && typeof cached === 'object') this.#sheet.replaceSync(brandCss(cached as SessionBranding));
    } catch {
      // Blocked or corrupted: the session's branding follows in a moment.
    }
  }

  /** Applies (and remembers) a session's branding; none restores the built-in look. */
  apply(branding: SessionBranding | undefined): void {
    this.#sheet.replaceSync(brandCss(branding));
    try {
      if (branding) localStorage.setItem(this.#key, JSON.stringify(branding));
      else localStorage.removeItem(this.#key);
    } catch {
      // see the constructor
    }
  }
}
