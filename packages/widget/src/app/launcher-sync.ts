import { FALLBACK_STRINGS, format } from './widget-store.ts';
import type { WidgetState } from './widget-store.ts';

/** Keeps the loader's launcher (label, expanded state, unread badge) in the shopper's language. */
export function syncLauncher(launcher: HTMLButtonElement, state: Pick<WidgetState, 'strings' | 'isOpen' | 'unread'>): void {
  const { strings, isOpen, unread } = state;
  launcher.setAttribute('aria-expanded', String(isOpen));
  const label = strings['launcherLabel'] ?? FALLBACK_STRINGS['launcherLabel']!;
  const unreadLabel = unread > 0 ? ` — ${format(strings['unread'] ?? '', { count: unread })}` : '';
  launcher.setAttribute('aria-label', `${label}${unreadLabel}`);
  const badge = launcher.querySelector('.badge');
  if (badge instanceof HTMLElement) {
    badge.hidden = unread === 0;
    badge.textContent = unread > 99 ? '99+' : String(unread);
  }
}
