import { createParleyClient, newClientMsgId } from '@parley/client';
import type { ParleyClient, ParleyError, QuickReplyId } from '@parley/client';
import type { MountContext, VisitorIdentity, WidgetApp } from '../shared-types.ts';
import { outboxKey, tokenKey } from '../storage-keys.ts';
import { PersistedOutbox } from './persisted-outbox.ts';
import { FALLBACK_STRINGS, format, WidgetStore } from './widget-store.ts';

// A "typing" that is never followed by "stopped" (the agent closed the tab) fades out.
const TYPING_FADE_MS = 8_000;

/**
 * Connects the store to the headless client and to the loader: the client's events become
 * state and page events; the page's commands become client calls. Nothing here throws into
 * the page: send failures become a "failed, retry" state and an `error` event.
 */
export class WidgetController implements WidgetApp {
  readonly store: WidgetStore;
  readonly #client: ParleyClient;
  readonly #context: MountContext;
  readonly #unsubscribers: (() => void)[] = [];
  readonly #persisted: PersistedOutbox;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  #conversationId: string | undefined;
  readonly #onVisibility = () => this.#markRead();

  constructor(context: MountContext) {
    this.#context = context;
    const { options } = context;
    this.store = new WidgetStore({
      isOpen: false,
      status: 'connecting',
      messages: [],
      outgoing: [],
      unread: 0,
      typist: undefined,
      agentReadSeq: 0,
      locale: 'en-US',
      dir: 'ltr',
      strings: FALLBACK_STRINGS,
    });
    this.#client = createParleyClient({
      url: options.gateway,
      siteKey: options.siteKey,
      visitorToken: readToken(options.siteKey),
      locale: options.locale,
      locales: [...navigator.languages],
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      pageLang: document.documentElement.lang || undefined,
      // Origin and path only: a query string can carry a shopper's email or an order token.
      pageUrl: `${location.origin}${location.pathname}`,
      identity: options.identity,
    });
    this.#persisted = new PersistedOutbox(outboxKey(options.siteKey));
    this.#wireClient();
    document.addEventListener('visibilitychange', this.#onVisibility);
    // Messages typed on an earlier page that never reached the gateway go out first.
    for (const message of this.#persisted.all()) this.#deliver(message.clientMsgId, message.text, message.quickReply);
    this.#client.connect().catch(() => {
      // Refusals arrive through the client's `error` event; timeouts keep retrying.
    });
  }

  open(): void {
    if (this.store.state.isOpen) return;
    this.store.update({ isOpen: true, unread: 0 });
    this.#syncLauncher();
    this.#context.emit('unread', 0);
    this.#context.emit('open', undefined);
    this.#markRead();
  }

  close(): void {
    if (!this.store.state.isOpen) return;
    this.store.update({ isOpen: false });
    this.#syncLauncher();
    this.#context.launcher.focus();
    this.#context.emit('close', undefined);
  }

  toggle(): void {
    if (this.store.state.isOpen) this.close();
    else this.open();
  }

  /** Sends the shopper's text; `quickReply` when they pressed one of the bot's buttons. */
  send(text: string, quickReply?: QuickReplyId): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    const clientMsgId = newClientMsgId();
    this.#persisted.add(quickReply ? { clientMsgId, text: trimmed, quickReply } : { clientMsgId, text: trimmed });
    this.#deliver(clientMsgId, trimmed, quickReply);
  }

  #deliver(clientMsgId: string, text: string, quickReply?: QuickReplyId): void {
    this.store.update((s) => ({ outgoing: [...s.outgoing, { clientMsgId, text, state: 'sending' }] }));
    // Success needs no handler: the stored message arrives through `message`, which swaps it
    // for this pending copy in the same update (so the shopper never sees it twice).
    this.#client.send(text, { clientMsgId, quickReply }).catch((error: ParleyError) => {
      this.#persisted.remove(clientMsgId);
      this.store.update((s) => ({
        outgoing: s.outgoing.map((m) => (m.clientMsgId === clientMsgId ? { ...m, state: 'failed' as const, errorCode: error.code } : m)),
      }));
      this.#context.emit('error', { code: error.code, message: error.message });
    });
  }

  /** Sends a failed message again (a new attempt; the failed copy is removed). */
  retry(clientMsgId: string): void {
    const failed = this.store.state.outgoing.find((m) => m.clientMsgId === clientMsgId);
    if (!failed) return;
    this.store.update((s) => ({ outgoing: s.outgoing.filter((m) => m.clientMsgId !== clientMsgId) }));
    this.send(failed.text);
  }

  setLocale(locale: string): void {
    this.#client.setLocale(locale);
  }

  identify(identity: VisitorIdentity): void {
    this.#client.identify(identity);
  }

  setTyping(isTyping: boolean): void {
    this.#client.setTyping(isTyping);
  }

  shutdown(): void {
    for (const off of this.#unsubscribers.splice(0)) off();
    document.removeEventListener('visibilitychange', this.#onVisibility);
    clearTimeout(this.#typingTimer);
    this.#client.disconnect();
  }

  #wireClient(): void {
    const client = this.#client;
    const { siteKey } = this.#context.options;
    this.#unsubscribers.push(
      client.on('session', (session) => {
        writeToken(siteKey, session.visitorToken);
        // A new conversation (the old token was refused) has not been read by anyone yet.
        if (this.#conversationId !== undefined && this.#conversationId !== session.conversationId) this.store.update({ agentReadSeq: 0 });
        this.#conversationId = session.conversationId;
        this.store.update({ locale: session.locale, dir: session.dir, strings: { ...FALLBACK_STRINGS, ...session.strings } });
        this.#syncLauncher();
        this.#context.emit('ready', { visitorId: session.visitorId, conversationId: session.conversationId, locale: session.locale });
      }),
      client.on('locale', (change) => {
        const session = client.session;
        if (session) this.store.update({ locale: session.locale, dir: session.dir, strings: { ...FALLBACK_STRINGS, ...session.strings } });
        this.#syncLauncher();
        this.#context.emit('locale', change);
      }),
      client.on('status', (status) => this.store.update({ status })),
      client.on('message', (message) => {
        this.#persisted.remove(message.clientMsgId);
        const isUnread = !this.store.state.isOpen && message.author.kind !== 'visitor';
        // The agent who was typing has sent it.
        if (message.author.kind === 'agent') this.#setTypist(undefined);
        this.store.update((s) => ({
          messages: [...s.messages, message],
          outgoing: s.outgoing.filter((m) => m.clientMsgId !== message.clientMsgId),
          unread: s.unread + (isUnread ? 1 : 0),
        }));
        this.#context.emit('message', message);
        this.#markRead();
        if (isUnread) {
          this.#syncLauncher();
          this.#context.emit('unread', this.store.state.unread);
        }
      }),
      client.on('typing', (event) => {
        // The shopper's own typing in another tab is echoed to this one: not news to them.
        if (event.author.kind === 'visitor') return;
        this.#setTypist(event.isTyping ? { name: event.author.name } : undefined);
      }),
      client.on('read', (event) => {
        if (event.by === 'agent' && event.seq > this.store.state.agentReadSeq) this.store.update({ agentReadSeq: event.seq });
      }),
      client.on('error', (error) => this.#context.emit('error', { code: error.code, message: error.message })),
    );
  }

  #setTypist(typist: { name?: string | undefined } | undefined): void {
    clearTimeout(this.#typingTimer);
    if (typist) this.#typingTimer = setTimeout(() => this.store.update({ typist: undefined }), TYPING_FADE_MS);
    const current = this.store.state.typist;
    if (current?.name !== typist?.name || !current !== !typist) this.store.update({ typist });
  }

  /** What the shopper can see counts as read: the panel is open and the page is in front. */
  #markRead(): void {
    const { isOpen, messages } = this.store.state;
    const newest = messages[messages.length - 1];
    if (isOpen && newest && document.visibilityState === 'visible') this.#client.markRead(newest.seq);
  }

  /** Keeps the loader's launcher (label, expanded state, unread badge) in the shopper's language. */
  #syncLauncher(): void {
    const { launcher } = this.#context;
    const { strings, isOpen, unread } = this.store.state;
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
}

function readToken(siteKey: string): string | undefined {
  try {
    return localStorage.getItem(tokenKey(siteKey)) ?? undefined;
  } catch {
    return undefined;
  }
}

function writeToken(siteKey: string, token: string): void {
  try {
    localStorage.setItem(tokenKey(siteKey), token);
  } catch {
    // Storage blocked: the conversation lasts for this page view only.
  }
}
