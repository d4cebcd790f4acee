import type { AppModule, MountContext, VisitorIdentity, WidgetApp, WidgetEventName, WidgetOptions } from '../shared-types.ts';
import { brandLauncher } from './launcher-branding.ts';
import { outboxKey, tokenKey } from '../storage-keys.ts';

type Listener = (value: unknown) => void;

/** The page-facing command function: `Parley('open')`, `Parley('on', 'message', fn)` … */
export type ParleyCommand = (command: string, ...args: unknown[]) => unknown;

/**
 * Creates the widget in the page: a launcher button in an open shadow root on
 * `#parley-widget`, and the command function. The Preact app is imported by `loadApp` only on
 * intent (hover, focus, click, `open`/`send`, or a conversation already stored). Every command
 * is guarded: the widget logs to the console and never throws into the host page.
 */
export function createWidgetHost(initial: WidgetOptions, loadApp: () => Promise<AppModule>): ParleyCommand {
  const options: WidgetOptions = { ...initial };
  const listeners: Partial<Record<WidgetEventName, Set<Listener>>> = {};
  const forward: [keyof WidgetApp, unknown][] = [];
  let app: WidgetApp | undefined;
  let loading: Promise<void> | undefined;
  let isShutDown = false;

  const host = document.createElement('div');
  host.id = 'parley-widget';
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  shadow.adoptedStyleSheets = [sheet];
  brandLauncher(sheet, options);
  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.ariaLabel = 'Open chat';
  launcher.ariaHasPopup = 'dialog';
  launcher.ariaExpanded = 'false';
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.hidden = true;
  launcher.append(badge);
  shadow.append(launcher);
  (document.body ?? document.documentElement).append(host);

  const emit: MountContext['emit'] = (name, value) => {
    for (const listener of listeners[name] ?? []) {
      try {
        listener(value);
      } catch (error) {
        console.error('[Parley] an event listener threw', error);
      }
    }
  };

  const ensureApp = (): Promise<void> => {
    loading ??= loadApp().then(
      (module) => {
        if (isShutDown) return;
        app = module.mount({ options, shadow, launcher, emit });
        for (const [method, arg] of forward.splice(0)) (app[method] as (a: unknown) => void)(arg);
      },
      (error: unknown) => {
        loading = undefined; // allow a later intent to try again
        console.error('[Parley] could not load the chat', error);
        emit('error', { code: 'PARLEY_ERR_CLIENT_TIMEOUT', message: 'The chat could not be loaded.' });
      },
    );
    return loading;
  };

  const call = (method: keyof WidgetApp, arg?: unknown): void => {
    if (app) (app[method] as (a: unknown) => void)(arg);
    else {
      forward.push([method, arg]);
      void ensureApp();
    }
  };

  launcher.addEventListener('click', () => call('toggle'));
  for (const intent of ['pointerenter', 'focus']) launcher.addEventListener(intent, () => void ensureApp(), { once: true });
  if (hasStoredConversation(options.siteKey)) void ensureApp();

  const commands: Record<string, (...args: unknown[]) => unknown> = {
    init: (more) => Object.assign(options, more as Partial<WidgetOptions>),
    open: () => call('open'),
    close: () => app?.close(),
    toggle: () => call('toggle'),
    send: (text) => call('send', String(text)),
    setLocale: (locale) => app?.setLocale((options.locale = String(locale))),
    // Identity alone is no intent to chat: keep it for when the app loads, don't load it now.
    identify: (identity) => app?.identify((options.identity = identity as VisitorIdentity)),
    on: (name, fn) => {
      if (typeof fn !== 'function') throw new TypeError('Parley("on", event, fn) needs a function');
      const set = (listeners[name as WidgetEventName] ??= new Set());
      set.add(fn as Listener);
      return () => set.delete(fn as Listener);
    },
    shutdown: () => {
      isShutDown = true;
      app?.shutdown();
      host.remove();
    },
  };

  return (command, ...args) => {
    try {
      const run = commands[command];
      if (!run) throw new Error(`unknown command "${command}"`);
      if (isShutDown && command !== 'on') return undefined;
      return run(...args);
    } catch (error) {
      console.error(`[Parley] ${(error as Error).message}`);
      return undefined;
    }
  };
}

function hasStoredConversation(siteKey: string): boolean {
  try {
    return Boolean(localStorage.getItem(tokenKey(siteKey)) ?? localStorage.getItem(outboxKey(siteKey)));
  } catch {
    return false; // storage blocked (privacy mode, sandboxed iframe)
  }
}
