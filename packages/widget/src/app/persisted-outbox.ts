import { outboxHasRoom } from '@parley/client';
import type { QuickReplyId } from '@parley/client';

/** A message typed but not yet stored by the gateway, as kept across page loads. */
export interface PersistedMessage {
  clientMsgId: string;
  text: string;
  /** The quick reply it answers, when the shopper pressed one. */
  quickReply?: QuickReplyId | undefined;
}

/**
 * Keeps unsent messages in localStorage, so a message typed offline survives a reload or a
 * click to another page of the shop: the next page sends it again with the same clientMsgId,
 * and the gateway stores it once even if the first attempt had in fact arrived.
 *
 * Bounded like the SDK's outbox (OUTBOX_MAX_BYTES, OUTBOX_MAX_MESSAGES, one rule for both):
 * the widget asks the client for room before it sends, so nothing queued is ever evicted.
 */
export class PersistedOutbox {
  readonly #key: string;

  constructor(key: string) {
    this.#key = key;
  }

  all(): PersistedMessage[] {
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(this.#key) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isPersistedMessage) : [];
    } catch {
      return []; // storage blocked or corrupted: nothing to resend
    }
  }

  /**
   * Keeps `message` for the next page. False when it is not kept: the stored outbox has no room
   * (the caller checked the client's first, so this is a backstop) or the browser refused the
   * write (quota, privacy mode); the in-memory outbox still sends it from this page either way.
   */
  add(message: PersistedMessage): boolean {
    const messages = this.all();
    if (!outboxHasRoom(messages.map((m) => m.text), message.text)) return false;
    return this.#write([...messages, message]);
  }

  remove(clientMsgId: string): void {
    const remaining = this.all().filter((message) => message.clientMsgId !== clientMsgId);
    if (remaining.length === 0) this.#clear();
    else this.#write(remaining);
  }

  #write(messages: PersistedMessage[]): boolean {
    try {
      localStorage.setItem(this.#key, JSON.stringify(messages));
      return true;
    } catch {
      // Storage full or blocked: what was stored before stays as it was (nothing is dropped to
      // make room), and the in-memory outbox still retries for this page view.
      return false;
    }
  }

  #clear(): void {
    try {
      localStorage.removeItem(this.#key);
    } catch {
      // see #write
    }
  }
}

function isPersistedMessage(value: unknown): value is PersistedMessage {
  const candidate = value as Partial<PersistedMessage> | null;
  const hasValidQuickReply = candidate?.quickReply === undefined || typeof candidate.quickReply === 'string';
  return typeof candidate?.clientMsgId === 'string' && typeof candidate.text === 'string' && hasValidQuickReply;
}
