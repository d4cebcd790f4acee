/** Web Notifications: shown only when the agent allowed them and the tab is not in front. */

/** Whether the browser can show notifications and has not been answered yet. */
export function canAskForNotifications(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'default';
}

/** Asks for permission (must run from a click). */
export async function askForNotifications(): Promise<boolean> {
  if (typeof Notification === 'undefined') return false;
  return (await Notification.requestPermission()) === 'granted';
}

/**
 * Shows a notification for a conversation; clicking it brings the tab forward and opens it.
 * `tag` collapses repeated notifications of one conversation into the newest.
 */
export function notifyDesktop(options: { title: string; body: string; tag: string; onClick: () => void }): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  if (document.visibilityState === 'visible' && document.hasFocus()) return;
  const notification = new Notification(options.title, { body: options.body, tag: options.tag });
  notification.onclick = () => {
    window.focus();
    options.onClick();
    notification.close();
  };
}
