import { useEffect, useRef } from 'preact/hooks';
import type { RefObject } from 'preact';

/**
 * Keeps a `<dialog>` modal in step with `isOpen`: `showModal()` when it opens (the browser keeps
 * focus inside and closes it on Esc), `close()` when it shuts. Returns the ref to attach.
 */
export function useModalDialog(isOpen: boolean): RefObject<HTMLDialogElement> {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (isOpen && !element.open) element.showModal();
    if (!isOpen && element.open) element.close();
  }, [isOpen]);
  return dialog;
}
