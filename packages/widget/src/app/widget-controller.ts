import { createParleyClient, newClientMsgId, ParleyError } from '@parley/client';
import type { ParleyClient, QuickReplyId, Session } from '@parley/client';
import type { MountContext, VisitorIdentity, WidgetApp } from '../shared-types.ts';
import { brandingKey, lastReadKey, outboxKey, tokenKey } from '../storage-keys.ts';
import { BrandSheet } from './brand-sheet.ts';
import { countUnread, LastRead } from './last-read.ts';
import { syncLauncher } from './launcher-sync.ts';
import { PersistedOutbox } from './persisted-outbox.ts';
import { FALLBACK_STRINGS, WidgetStore } from './widget-store.ts';

// A "typing" that is never followed by "stopped" (the agent closed the tab) fades out.
const TYPING_FADE_MS = 8_000;
// A first connection still pending after this long says the chat can't be reached (yet).
const SLOW_CONNECT_MS = 5_000;

/**
 * Connects the store to the headless client and to the loader: the client's events become
 * state and page events; the page's commands become client calls. Mounting (on hover or focus)
 * only prepares: the client connects on open or send, or at once when a conversation is already
 * stored, so a shopper who merely points at the launcher leaves no visitor in any store.
 * Nothing here throws into the page: send failures become a "failed, retry" state and an event.
 */
export class WidgetController implements WidgetApp {
  readonly store: WidgetStore;
  readonly #client: ParleyClient;
  readonly #context: MountContext;
  readonly #unsubscribers: (() => void)[] = [];
  readonly #persisted: PersistedOutbox;
  readonly #lastRead: LastRead;
  readonly #brand: BrandSheet;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  #slowTimer: ReturnType<typeof setTimeout> | undefined;
  #conversationId: string | undefined;
  #isConnecting = false;

  constructor(context: MountContext) {
    this.#context = context;
    const { options } = context;
    this.store = new WidgetStore({
      isOpen: false,
      status: 'idle',
      messages: [],
      outgoing: [],
      unread: 0,
      typist: undefined,
      agentReadSeq: 0,
      locale: 'en-US',
      dir: 'ltr',
      strings: FALLBACK_STRINGS,
      branding: undefined,
      isOnline: navigator.onLine !== false,
      isSlow: false,
      isOutboxFull: false,
    });
    const visitorToken = readToken(options.siteKey);
    this.#client = createParleyClient({
      url: options.gateway,
      siteKey: options.siteKey,
      visitorToken,
      locale: options.locale,
      locales: [...navigator.languages],
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      pageLang: document.documentElement.lang || undefined,
      // Origin and path only: a query string can carry a shopper's email or an order token.
      pageUrl: `${location.origin}${location.pathname}`,
      identity: options.identity,
    });
    this.#persisted = new PersistedOutbox(outboxKey(options.siteKey));
    this.#lastRead = new LastRead(lastReadKey(options.siteKey));
    this.#brand = new BrandSheet(context.shadow, brandingKey(options.siteKey));
    this.#wireClient();
    this.#wirePage();
    // Messages typed on an earlier page that never reached the gateway go out first.
    const unsent = this.#persisted.all();
    for (const message of unsent) this.#deliver(message.clientMsgId, message.text, message.quickReply);
    if (visitorToken || unsent.length > 0) this.#connect();
  }

  open(): void {
    if (this.store.state.isOpen) return;
    this.store.update({ isOpen: true });
    this.#connect();
    this.#markRead();
    this.#syncLauncher();
    this.#context.emit('open', undefined);
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

  /**
   * Sends the shopper's text; `quickReply` when they pressed one of the bot's buttons. Returns
   * false when the text was not taken: nothing to send, or the outbox is full (then the
   * "outbox full" notice shows and the caller keeps the text, e.g. in the composer).
   */
  send(text: string, quickReply?: QuickReplyId): boolean {
    const trimmed = text.trim();
    if (!trimmed) return false;
    if (!this.#client.hasOutboxRoom(trimmed)) {
      this.#refuseOutboxFull();
      return false;
    }
    const clientMsgId = newClientMsgId();
    this.#persisted.add(quickReply ? { clientMsgId, text: trimmed, quickReply } : { clientMsgId, text: trimmed });
    this.#deliver(clientMsgId, trimmed, quickReply);
    this.#connect();
    return true;
  }

  /** Too much is waiting to be sent: say so (politely, as a status) and tell the page. */
  #refuseOutboxFull(): void {
    this.store.update({ isOutboxFull: true });
    const error = new ParleyError('PARLEY_ERR_CLIENT_OUTBOX_FULL');
    this.#context.emit('error', { code: error.code, message: error.message });
  }

  #deliver(clientMsgId: string, text: string, quickReply?: QuickReplyId): void {
    this.store.update((s) => ({ outgoing: [...s.outgoing, { clientMsgId, text, state: 'sending' }] }));
    // Success needs no handler: the stored message arrives through `message`, which swaps it
    // for this pending copy in the same update (so the shopper never sees it twice).
    this.#client.send(text, { clientMsgId, quickReply }).catch((error: ParleyError) => {
      // A message from an earlier page that no longer fits stays stored until Retry sends it.
      const isFull = error.code === 'PARLEY_ERR_CLIENT_OUTBOX_FULL';
      if (!isFull) this.#persisted.remove(clientMsgId);
      this.store.update((s) => ({
        isOutboxFull: isFull,
        outgoing: s.outgoing.map((m) => (m.clientMsgId === clientMsgId ? { ...m, state: 'failed' as const, errorCode: error.code } : m)),
      }));
      this.#context.emit('error', { code: error.code, message: error.message });
    });
  }

  /** Sends a failed message again (a new attempt; the failed copy is removed). */
  retry(clientMsgId: string): void {
    const failed = this.store.state.outgoing.find((m) => m.clientMsgId === clientMsgId);
    if (!failed) return;
    if (!this.#client.hasOutboxRoom(failed.text)) return this.#refuseOutboxFull();
    this.#persisted.remove(clientMsgId);
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
    clearTimeout(this.#typingTimer);
    clearTimeout(this.#slowTimer);
    this.#client.disconnect();
  }

  /** Connects once; a first connection that hangs shows "can't be reached" after a while. */
  #connect(): void {
    if (this.#isConnecting) return;
    this.#isConnecting = true;
    this.#slowTimer = setTimeout(() => this.store.update({ isSlow: this.store.state.status !== 'connected' }), SLOW_CONNECT_MS);
    this.#client.connect().catch(() => {
      // Refusals arrive through the client's `error` event; timeouts keep retrying.
    });
  }

  #wireClient(): void {
    const client = this.#client;
    const { siteKey } = this.#context.options;
    this.#unsubscribers.push(
      client.on('session', (session) => {
        writeToken(siteKey, session.visitorToken);
        // A new conversation (the old token was refused) has not been read by anyone yet.
        if (this.#conversationId !== undefined && this.#conversationId !== session.conversationId) this.store.update({ agentReadSeq: 0, messages: [] });
        this.#conversationId = session.conversationId;
        this.#applySession(session);
        this.#refreshUnread();
        this.#context.emit('ready', { visitorId: session.visitorId, conversationId: session.conversationId, locale: session.locale });
      }),
      client.on('locale', (change) => {
        if (client.session) this.#applySession(client.session);
        this.#context.emit('locale', change);
      }),
      client.on('status', (status) => {
        if (status === 'connected') clearTimeout(this.#slowTimer);
        this.store.update(status === 'connected' ? { status, isSlow: false } : { status });
      }),
      client.on('message', (message) => {
        this.#persisted.remove(message.clientMsgId);
        // The agent who was typing has sent it.
        if (message.author.kind === 'agent') this.#setTypist(undefined);
        this.store.update((s) => ({
          messages: [...s.messages, message],
          outgoing: s.outgoing.filter((m) => m.clientMsgId !== message.clientMsgId),
          // One of the shopper's queued messages is stored: there is room again.
          isOutboxFull: s.isOutboxFull && message.author.kind !== 'visitor',
        }));
        this.#context.emit('message', message);
        this.#markRead();
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
      // The gateway closed the connection on purpose (e.g. flooding); the client comes back by itself.
      client.on('sessionClosed', ({ error }) => this.#context.emit('error', { code: error.code, message: error.message })),
    );
  }

  /** Page and shadow-root listeners, removed again on shutdown. */
  #wirePage(): void {
    const listen = (target: EventTarget, name: string, handler: (event: Event) => void) => {
      target.addEventListener(name, handler);
      this.#unsubscribers.push(() => target.removeEventListener(name, handler));
    };
    listen(document, 'visibilitychange', () => this.#markRead());
    const onNetwork = () => this.store.update({ isOnline: navigator.onLine !== false });
    listen(window, 'online', onNetwork);
    listen(window, 'offline', onNetwork);
    // Another tab read the conversation: this tab's badge follows.
    listen(window, 'storage', (event) => (event as StorageEvent).key === this.#lastRead.key && this.#refreshUnread());
    // Escape closes the panel wherever focus is in the widget, the launcher included, but not
    // while an IME is composing (there Escape cancels the candidate).
    listen(this.#context.shadow, 'keydown', (event) => {
      const key = event as KeyboardEvent;
      if (key.key === 'Escape' && !key.isComposing && this.store.state.isOpen) this.close();
    });
  }

  #applySession(session: Session): void {
    this.store.update({ locale: session.locale, dir: session.dir, strings: { ...FALLBACK_STRINGS, ...session.strings }, branding: session.branding });
    this.#brand.apply(session.branding);
    this.#syncLauncher();
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
    if (isOpen && newest && this.#conversationId && document.visibilityState === 'visible') {
      this.#lastRead.advance(this.#conversationId, newest.seq);
      this.#client.markRead(newest.seq);
    }
    this.#refreshUnread();
  }

  /** The badge: messages from the shop's side after the last one the shopper saw, on any page. */
  #refreshUnread(): void {
    const id = this.#conversationId;
    const unread = id ? countUnread(this.store.state.messages, this.#lastRead.get(id)) : 0;
    if (unread === this.store.state.unread) return;
    this.store.update({ unread });
    this.#syncLauncher();
    this.#context.emit('unread', unread);
  }

  #syncLauncher(): void {
    syncLauncher(this.#context.launcher, this.store.state);
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
