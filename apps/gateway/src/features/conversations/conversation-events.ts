import type { Message, QuickReplyId, Region } from '@parley/protocol';
import type { ConversationRecord, NoteRecord } from '../../storage/region-store.ts';

/**
 * Facts the message pipeline publishes after a write is durable. Fan-out to shoppers and
 * agents, the bot, routing and (later) translation, channels and audit subscribe; none of them
 * talks to a socket of another feature directly.
 */
export interface ConversationEventMap {
  /** A message was stored (any author). `quickReply` is the button a shopper pressed, if any. */
  /** `awaitsBot`: stored with the mark that the bot owes it an answer (the bot settles it). */
  'message.created': { region: Region; conversation: ConversationRecord; message: Message; quickReply?: QuickReplyId | undefined; awaitsBot?: boolean | undefined };
  /** Status, assignee, hand-off, SLA or receipts changed. */
  'conversation.changed': { region: Region; conversation: ConversationRecord; previous?: ConversationRecord | undefined };
  'note.created': { region: Region; conversation: ConversationRecord; note: NoteRecord };
  /** Someone started or stopped typing; never stored. */
  'typing.changed': { region: Region; conversationId: string; author: { kind: 'visitor' | 'agent'; id?: string | undefined; name?: string | undefined }; isTyping: boolean };
  /** The shopper (`visitor`) or an agent read up to `seq`. */
  'read.changed': { region: Region; conversationId: string; by: 'visitor' | 'agent'; seq: number };
}

type Listener<K extends keyof ConversationEventMap> = (event: ConversationEventMap[K]) => void | Promise<void>;

/**
 * A small typed in-process bus. Listeners run after the publisher's write, each isolated: one
 * that throws (or rejects) is logged and does not stop the others or the publisher. When
 * several gateways run, the Socket.IO adapter carries the socket side across instances.
 */
export class ConversationEvents {
  readonly #listeners = new Map<keyof ConversationEventMap, Array<Listener<never>>>();
  readonly #onError: (error: unknown, event: keyof ConversationEventMap) => void;

  constructor(onError: (error: unknown, event: keyof ConversationEventMap) => void) {
    this.#onError = onError;
  }

  /** Subscribes; returns the unsubscribe function. */
  on<K extends keyof ConversationEventMap>(name: K, listener: Listener<K>): () => void {
    const list = this.#listeners.get(name) ?? [];
    list.push(listener as Listener<never>);
    this.#listeners.set(name, list);
    return () => {
      const current = this.#listeners.get(name) ?? [];
      this.#listeners.set(name, current.filter((candidate) => candidate !== (listener as Listener<never>)));
    };
  }

  /** Calls every listener of `name`; never throws. */
  emit<K extends keyof ConversationEventMap>(name: K, event: ConversationEventMap[K]): void {
    for (const listener of this.#listeners.get(name) ?? []) {
      try {
        const result = (listener as Listener<K>)(event);
        if (result instanceof Promise) result.catch((error: unknown) => this.#onError(error, name));
      } catch (error) {
        this.#onError(error, name);
      }
    }
  }
}
