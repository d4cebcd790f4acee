/**
 * The contract between the loader (in the host page from the first byte) and the app chunk it
 * imports on intent. Types only: nothing here reaches a bundle.
 */
import type { Message } from '@parley/protocol';
import type { ParleyError } from '@parley/protocol/errors';
import type { LocaleChange } from '@parley/client';

/** Options a page passes with `Parley('init', …)` or `data-*` attributes on the script tag. */
export interface WidgetOptions {
  siteKey: string;
  /** Gateway base URL; defaults to the origin loader.js came from. */
  gateway: string;
  /** Explicit locale; wins over page and browser hints. */
  locale?: string | undefined;
  /** Set by `identify`; sent with the handshake once the chat loads. */
  identity?: VisitorIdentity | undefined;
}

/** Events of `Parley('on', name, fn)`. */
export interface WidgetEvents {
  ready: { visitorId: string; conversationId: string; locale: string };
  open: undefined;
  close: undefined;
  message: Message;
  unread: number;
  error: Pick<ParleyError, 'code' | 'message'>;
  /** The chat's language changed, with the source that decided it and every candidate. */
  locale: LocaleChange;
}

export type WidgetEventName = keyof WidgetEvents;

/** What the loader hands the app when it mounts it. */
export interface MountContext {
  options: WidgetOptions;
  /** The open shadow root on `#parley-widget`; the app renders its panel here. */
  shadow: ShadowRoot;
  /** The loader's launcher button; the app keeps its label, badge and aria-expanded in step. */
  launcher: HTMLButtonElement;
  emit<Name extends WidgetEventName>(name: Name, value: WidgetEvents[Name]): void;
}

/** What the mounted app offers the loader's command queue. */
export interface WidgetApp {
  open(): void;
  close(): void;
  toggle(): void;
  send(text: string): void;
  setLocale(locale: string): void;
  identify(identity: VisitorIdentity): void;
  shutdown(): void;
}

/**
 * A logged-in shopper, as the shop knows them. `userHash` is the hex HMAC-SHA256 of `userId`
 * under the site's identity secret, computed on the shop's server.
 */
export interface VisitorIdentity {
  userId: string;
  userHash: string;
  name?: string;
  email?: string;
}

/** The app chunk's module shape. */
export interface AppModule {
  mount(context: MountContext): WidgetApp;
}
