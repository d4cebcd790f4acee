import { HEX, launcherOffset } from './brand-values.ts';
import type { LauncherBranding } from './brand-values.ts';

/**
 * The launcher's stylesheet, adopted as a constructable stylesheet inside the shadow root: works
 * under a strict CSP (no inline style), and `all: initial` on the host keeps the page's styles
 * out. The shop's colour and corner go into the same rules, not a second set, so branding costs
 * loader.js few bytes of its 2 KB budget (for the same reason the icon is a clipped border
 * rather than an SVG built in script; a border stays visible in forced-colours mode). Without
 * branding: Parley blue at the inline-end corner (bottom left on right-to-left pages).
 */
export function launcherStyles(branding?: LauncherBranding): string {
  const { brandColor: color, brandTextColor: text, launcher } = branding ?? {};
  const isBranded = HEX.test(String(color)) && HEX.test(String(text));
  // Physical sides when the shop chose one: a corner of the screen, whatever the text direction.
  const corner = launcher
    ? `${launcher.position === 'left' ? 'left' : 'right'}:${launcherOffset(launcher.offsetX)}px;bottom:${launcherOffset(launcher.offsetY)}px`
    : 'inset-block-end:20px;inset-inline-end:20px';
  return `
:host{all:initial;position:fixed;z-index:2147483000;${corner};font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#111827}
.launcher{all:unset;cursor:pointer;width:56px;height:56px;border-radius:50%;background:${isBranded ? color : '#2563eb'};color:${isBranded ? text : '#fff'};display:grid;place-items:center;box-shadow:0 4px 14px rgba(0,0,0,.25);position:relative}
.launcher:hover{background:${isBranded ? color : '#1d4ed8'}}
.launcher:focus-visible{outline:3px solid #f59e0b;outline-offset:3px}
.launcher::before{content:"";border:12px solid;scale:1.17;clip-path:path("M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z")}
.badge{position:absolute;inset-block-start:-4px;inset-inline-end:-4px;min-width:20px;height:20px;padding:0 5px;box-sizing:border-box;border-radius:10px;background:#dc2626;color:#fff;font-size:12px;font-weight:700;display:grid;place-items:center}
.badge[hidden]{display:none}
@media (prefers-reduced-motion:no-preference){.launcher{transition:background .15s}}
`;
}
