import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConversationContext, ConversationSummary, Message, Note, TranslationState, Viewer } from '@parley/protocol';
import type { AgentApi } from '../app/agent-api.ts';
import { addMessages, addNotes } from './timeline-logic.ts';
import { addLateTranslation } from './translation-view.ts';
import type { LateTranslations } from './translation-view.ts';

/** One open conversation, live. */
export interface ConversationState {
  isLoading: boolean;
  hasError: boolean;
  summary?: ConversationSummary;
  context?: ConversationContext;
  messages: Message[];
  notes: Note[];
  viewers: Viewer[];
  visitorReadSeq: number;
  isShopperTyping: boolean;
  /** Whether and how this conversation translates for me; undefined until it opened. */
  translation?: TranslationState;
  /** Translations (and failures) that came after their message, by message id. */
  late: LateTranslations;
}

/** The open conversation, and a way to adopt a translation state a command answered with. */
export interface ConversationHandle extends ConversationState {
  adoptTranslation: (state: TranslationState) => void;
}

const EMPTY: ConversationState = { isLoading: true, hasError: false, messages: [], notes: [], viewers: [], visitorReadSeq: 0, isShopperTyping: false, late: {} };
// A typing "true" that is never followed by "false" (the shopper closed the tab) fades out.
const TYPING_FADE_MS = 8_000;

/**
 * Opens a conversation (following it: messages, notes, typing, receipts, viewers) and leaves it
 * when `id` changes or the view closes. Marks what is on screen as read while the tab is visible.
 */
export function useConversation(agent: AgentApi, id: string, onRead: (id: string, seq: number) => void): ConversationHandle {
  const [state, setState] = useState<ConversationState>(EMPTY);
  const adoptRef = useRef<(translation: TranslationState) => void>(() => undefined);
  const onReadRef = useRef(onRead);
  onReadRef.current = onRead;
  const readSeq = useRef(0);

  useEffect(() => {
    let isCurrent = true;
    let typingTimer: ReturnType<typeof setTimeout> | undefined;
    readSeq.current = 0;
    setState(EMPTY);
    const update = (change: (s: ConversationState) => ConversationState) => isCurrent && setState(change);
    const mine = <T extends { conversationId: string }>(handler: (payload: T) => void) => (payload: T) => {
      if (payload.conversationId === id) handler(payload);
    };
    const unsubscribers = [
      agent.on('message', mine((message: Message) => {
        update((s) => ({
          ...s,
          messages: addMessages(s.messages, [message]),
          isShopperTyping: message.author.kind === 'visitor' ? false : s.isShopperTyping,
        }));
      })),
      agent.on('note', mine((note: Note) => update((s) => ({ ...s, notes: addNotes(s.notes, [note]) })))),
      agent.on('viewers', mine((event) => update((s) => ({ ...s, viewers: event.viewers })))),
      agent.on('read', mine((event) => {
        if (event.by === 'visitor') update((s) => ({ ...s, visitorReadSeq: Math.max(s.visitorReadSeq, event.seq) }));
      })),
      agent.on('typing', mine((event) => {
        if (event.author.kind !== 'visitor') return;
        clearTimeout(typingTimer);
        update((s) => ({ ...s, isShopperTyping: event.isTyping }));
        if (event.isTyping) typingTimer = setTimeout(() => update((s) => ({ ...s, isShopperTyping: false })), TYPING_FADE_MS);
      })),
      // Translations of the history come right after `conversation:open`, perhaps before its
      // answer: they are kept by message id, so the order they arrive in does not matter.
      agent.on('translated', mine((event) => update((s) => ({ ...s, late: addLateTranslation(s.late, event) })))),
      agent.on('translation', mine((event) => update((s) => ({ ...s, translation: event.state })))),
      agent.on('conversation', (summary) => {
        if (summary.id === id) update((s) => ({ ...s, summary }));
      }),
    ];
    agent.open(id).then(
      (detail) => {
        update((s) => ({
          ...s,
          isLoading: false,
          summary: detail.conversation,
          context: detail.context,
          messages: addMessages(detail.messages, s.messages),
          notes: addNotes(detail.notes, s.notes),
          viewers: detail.viewers,
          translation: s.translation ?? detail.translation,
          visitorReadSeq: Math.max(detail.visitorReadSeq, s.visitorReadSeq),
        }));
      },
      () => update((s) => ({ ...s, isLoading: false, hasError: true })),
    );
    adoptRef.current = (translation) => update((s) => ({ ...s, translation }));
    return () => {
      isCurrent = false;
      clearTimeout(typingTimer);
      for (const unsubscribe of unsubscribers) unsubscribe();
      void agent.leave(id).catch(() => undefined);
    };
  }, [agent, id]);

  // What is on screen counts as read only while the tab is visible; coming back marks it then.
  const lastSeq = state.messages[state.messages.length - 1]?.seq ?? 0;
  useEffect(() => {
    const markRead = () => {
      if (document.visibilityState !== 'visible' || lastSeq <= readSeq.current) return;
      readSeq.current = lastSeq;
      agent.markRead(id, lastSeq);
      onReadRef.current(id, lastSeq);
    };
    markRead();
    document.addEventListener('visibilitychange', markRead);
    return () => document.removeEventListener('visibilitychange', markRead);
  }, [agent, id, lastSeq]);

  return { ...state, adoptTranslation: (translation) => adoptRef.current(translation) };
}
