import type { SessionBranding } from '@parley/protocol';

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
/** The launcher's size plus the gap above it: the panel opens this far above the launcher's edge. */
const PANEL_ABOVE_LAUNCHER = 68;

const offset = (value: unknown, fallback: number): number => {
  const number = Math.round(Number(value));
  return Number.isFinite(number) ? Math.min(200, Math.max(0, number)) : fallback;
};

/**
 * The site's branding as CSS for a constructed stylesheet adopted after the built-in ones (so it
 * wins at equal specificity, with no inline style: strict-CSP safe). Every value is checked again
 * here, although the gateway validated it: whatever reaches a stylesheet must be a colour or a
 * number, never text that could close a rule.
 */
export function brandCss(branding: SessionBranding | undefined): string {
  if (!branding) return '';
  const rules: string[] = [];
  const color = branding.brandColor;
  const text = branding.brandTextColor;
  if (color && text && HEX.test(color) && HEX.test(text)) {
    rules.push(
      `.launcher,.launcher:hover,.header,.send{background:${color};color:${text}}`,
      '.launcher:hover{filter:brightness(1.15)}',
      `.send:disabled{background:${color};color:${text};opacity:.55}`,
      `.chip{border-color:${color}}`,
      // A light tint of the brand for the shopper's own bubbles; dark text stays readable on it.
      `.message.own{background:#eef0f3;background:color-mix(in srgb,${color} 12%,#fff)}`,
    );
  }
  const launcher = branding.launcher;
  if (launcher) {
    const side = launcher.position === 'left' ? 'left' : 'right';
    const other = side === 'left' ? 'right' : 'left';
    const x = offset(launcher.offsetX, 20);
    const y = offset(launcher.offsetY, 20);
    // Physical sides: the shop chose a corner of the screen, whatever the text direction.
    rules.push(
      `:host{inset:auto;${side}:${x}px;bottom:${y}px}`,
      // Phones keep the full-screen panel; wider screens open it above the launcher.
      `@media (min-width:481px){.panel{${other}:auto;${side}:${x}px;bottom:${y + PANEL_ABOVE_LAUNCHER}px}}`,
    );
  }
  return rules.join('\n');
}
