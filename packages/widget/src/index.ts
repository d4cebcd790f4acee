/**
 * `@parley/widget` for bundlers: the same JS API as the script tag's `window.Parley`, as
 * functions. The Preact app is still code-split and loaded only on intent.
 *
 * @example
 * import * as Parley from '@parley/widget';
 * Parley.init({ siteKey: 'demo', gateway: 'https://chat.example.com' });
 * const off = Parley.on('message', (m) => console.log(m.text));
 * Parley.open();
 */
import type { VisitorIdentity, WidgetEventName, WidgetEvents, WidgetOptions } from './shared-types.ts';
import { createWidgetHost } from './loader/widget-host.ts';
import type { ParleyCommand } from './loader/widget-host.ts';

export type { VisitorIdentity, WidgetEventName, WidgetEvents, WidgetOptions };

let command: ParleyCommand | undefined;
const early: [string, unknown[]][] = [];
/** Unsubscribe functions of listeners registered before `init`, by listener. */
const earlyOffs = new Map<unknown, () => void>();

function run(name: string, ...args: unknown[]): unknown {
  if (command) return command(name, ...args);
  early.push([name, args]);
  return undefined;
}

/** Puts the launcher on the page. Calls made before `init` are queued and replayed. */
export function init(options: Pick<WidgetOptions, 'siteKey' | 'gateway'> & Partial<WidgetOptions>): void {
  if (command) return;
  const host = createWidgetHost({ ...options }, () => import('./app/mount.tsx'));
  command = host;
  for (const [name, args] of early.splice(0)) {
    const result = host(name, ...args);
    if (name === 'on' && typeof result === 'function') earlyOffs.set(args[1], result as () => void);
  }
}
/** Opens the chat panel (loading the app if needed). @example Parley.open() */
export const open = (): void => void run('open');
/** Closes the chat panel. @example Parley.close() */
export const close = (): void => void run('close');
/** Opens or closes the panel. @example Parley.toggle() */
export const toggle = (): void => void run('toggle');
/** Sends a message as the shopper. @example Parley.send('Where is my order?') */
export const send = (text: string): void => void run('send', text);
/** Switches the conversation's language. @example Parley.setLocale('ja-JP') */
export const setLocale = (locale: string): void => void run('setLocale', locale);
/** Tells Parley who the logged-in shopper is (hash from your server). @example Parley.identify({ userId: 'u_42', userHash, name: 'Ana' }) */
export const identify = (identity: VisitorIdentity): void => void run('identify', identity);
/** Removes the widget from the page and disconnects. @example Parley.shutdown() */
export const shutdown = (): void => void run('shutdown');

/**
 * Subscribes to a widget event; returns the unsubscribe function.
 *
 * @example
 * const off = Parley.on('unread', (count) => updateTitle(count));
 */
export function on<Name extends WidgetEventName>(name: Name, listener: (value: WidgetEvents[Name]) => void): () => void {
  if (command) return (command('on', name, listener) as (() => void) | undefined) ?? (() => {});
  const entry: [string, unknown[]] = ['on', [name, listener]];
  early.push(entry);
  return () => {
    const index = early.indexOf(entry);
    if (index >= 0) early.splice(index, 1);
    earlyOffs.get(listener)?.();
    earlyOffs.delete(listener);
  };
}
