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

  add(message: PersistedMessage): void {
    this.#write([...this.all(), message]);
  }

  remove(clientMsgId: string): void {
    const remaining = this.all().filter((message) => message.clientMsgId !== clientMsgId);
    if (remaining.length === 0) this.#clear();
    else this.#write(remaining);
  }

  #write(messages: PersistedMessage[]): void {
    try {
      localStorage.setItem(this.#key, JSON.stringify(messages.slice(-50)));
    } catch {
      // Storage full or blocked: the in-memory outbox still retries for this page view.
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
