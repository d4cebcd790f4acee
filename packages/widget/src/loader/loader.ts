/**
 * The script-tag entry (`dist/cdn/loader.js`, an IIFE). Reads its own `data-*` attributes,
 * replays calls queued before it arrived (`window.Parley.q`), and installs `window.Parley`.
 * The app chunk's hashed file name is injected at build time.
 */
import type { AppModule } from '../shared-types.ts';
import { createWidgetHost } from './widget-host.ts';

declare const __PARLEY_APP_CHUNK__: string;

interface QueuedParley {
  (...args: unknown[]): unknown;
  q?: ArrayLike<unknown>[];
  isLoaded?: boolean;
}

(() => {
  try {
    const w = window as unknown as { Parley?: QueuedParley };
    if (w.Parley?.isLoaded) return; // pasted twice: keep the first
    const script = (document.currentScript ??
      document.querySelector('script[src*="loader.js"][data-site-key]')) as HTMLScriptElement | null;
    const siteKey = script?.dataset['siteKey'];
    if (!script || !siteKey) {
      console.error('[Parley] add data-site-key="…" to the loader script tag');
      return;
    }
    const loaderUrl = new URL(script.src, location.href);
    const parley = createWidgetHost(
      { siteKey, gateway: script.dataset['gateway'] ?? loaderUrl.origin, locale: script.dataset['locale'] },
      () => import(/* @vite-ignore */ new URL(__PARLEY_APP_CHUNK__, loaderUrl).href) as Promise<AppModule>,
    ) as QueuedParley;
    const queued = Array.from(w.Parley?.q ?? []);
    parley.isLoaded = true;
    w.Parley = parley;
    for (const args of queued) parley(...Array.from(args));
  } catch (error) {
    console.error('[Parley] could not start', error);
  }
})();
