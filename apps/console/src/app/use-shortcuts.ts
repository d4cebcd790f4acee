import { useEffect, useRef } from 'preact/hooks';
import { shortcutFor } from './shortcuts.ts';
import type { ShortcutAction } from './shortcuts.ts';

/**
 * Listens for the console's single-key shortcuts on the document. Off while the agent types in
 * a field, while a modal dialog is open, and with modifiers held (the browser's own shortcuts).
 */
export function useShortcuts(isEnabled: boolean, onAction: (action: ShortcutAction) => void): void {
  const handler = useRef(onAction);
  handler.current = onAction;
  useEffect(() => {
    if (!isEnabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      handler.current(action);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [isEnabled]);
}
