import type { ConnectionStatus, Message } from '@parley/client';
import type { SessionBranding } from '@parley/protocol';

/** A message the shopper sent that the gateway has not stored yet (or refused). */
export interface OutgoingMessage {
  /** The idempotency key the client sends; the stored message carries it back. */
  clientMsgId: string;
  text: string;
  state: 'sending' | 'failed';
  errorCode?: string;
}

/** Everything the panel renders. */
export interface WidgetState {
  isOpen: boolean;
  status: ConnectionStatus;
  messages: Message[];
  outgoing: OutgoingMessage[];
  unread: number;
  /** Who is typing on the shop's side, when someone is (an agent; `name` when known). */
  typist: { name?: string | undefined } | undefined;
  /** How far an agent has read: the shopper's messages up to it show "Seen". */
  agentReadSeq: number;
  locale: string;
  dir: 'ltr' | 'rtl';
  strings: Record<string, string>;
  /** The shop's look and assistant in this locale, once a session has said. */
  branding: SessionBranding | undefined;
  /** `navigator.onLine`: false means the shopper's device has no network at all. */
  isOnline: boolean;
  /** The first connection is taking long enough to tell the shopper the chat can't be reached. */
  isSlow: boolean;
  /** A send was refused because the outbox is full; cleared once a queued message is stored. */
  isOutboxFull: boolean;
}

/** English strings shown only until the gateway sends the shopper's own (a few hundred ms). */
export const FALLBACK_STRINGS: Record<string, string> = {
  launcherLabel: 'Open chat',
  title: 'Chat',
  close: 'Close chat',
  composerLabel: 'Your message',
  placeholder: 'Type your message…',
  send: 'Send',
  retry: 'Retry',
  sending: 'Sending…',
  sent: 'Sent',
  seen: 'Seen',
  failed: 'Not sent',
  offline: "Your device is offline. We'll send your messages when you're back online.",
  unreachable: "Chat can't be reached right now. We'll send your messages as soon as it's back.",
  outboxFull: "Too many messages are waiting to be sent. We've kept your text here: please send it once they've gone out.",
  replyTime: 'Typically replies within {{minutes}}',
  typing: 'Typing…',
  quickReplies: 'Suggested replies',
  unavailable: 'Chat is unavailable right now. Please try again later.',
  unread: 'Unread messages: {{count}}',
  you: 'You',
};

/** A tiny observable store; Preact components subscribe through `useWidgetState`. */
export class WidgetStore {
  #state: WidgetState;
  readonly #subscribers = new Set<(state: WidgetState) => void>();

  constructor(initial: WidgetState) {
    this.#state = initial;
  }

  get state(): WidgetState {
    return this.#state;
  }

  update(change: Partial<WidgetState> | ((state: WidgetState) => Partial<WidgetState>)): void {
    const partial = typeof change === 'function' ? change(this.#state) : change;
    this.#state = { ...this.#state, ...partial };
    for (const subscriber of this.#subscribers) subscriber(this.#state);
  }

  subscribe(subscriber: (state: WidgetState) => void): () => void {
    this.#subscribers.add(subscriber);
    return () => void this.#subscribers.delete(subscriber);
  }
}

/** `{{count}}`-style interpolation for the few strings that carry a value. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}
