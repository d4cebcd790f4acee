import type { Message } from '@parley/protocol';
import type { ConversationEvents } from '../conversations/conversation-events.ts';
import { conversationRoom } from './visitor-types.ts';
import type { VisitorNamespace } from './visitor-types.ts';

/**
 * A message as a shopper receives it: an agent is a name, never an internal id; `text` is in
 * the conversation's language, with `original` only on an agent's reply that was translated
 * (so the shopper can read what the agent wrote). Translations for agents stay with agents.
 */
export function messageForVisitor(message: Message): Message {
  const { translations: _forAgents, canned: _internalKey, original, ...rest } = message;
  const shown: Message = rest;
  if (original && message.author.kind === 'agent') shown.original = original;
  if (message.author.kind !== 'agent' || message.author.id === undefined) return shown;
  const { id: _id, ...author } = message.author;
  return { ...shown, author };
}

/**
 * Carries the pipeline's facts to the shopper's sockets (every tab of the conversation):
 * every stored message, an agent typing ("Ana is typing"), and how far agents have read
 * ("Seen"). The shopper's own typing and receipts go to agents only.
 */
export function subscribeVisitorFanout(namespace: VisitorNamespace, events: ConversationEvents): void {
  events.on('message.created', ({ conversation, message }) => {
    namespace.to(conversationRoom(conversation.id)).emit('message:created', messageForVisitor(message));
  });
  events.on('typing.changed', ({ conversationId, author, isTyping }) => {
    if (author.kind !== 'agent') return;
    namespace.to(conversationRoom(conversationId)).emit('typing:changed', { author: author.name ? { kind: 'agent', name: author.name } : { kind: 'agent' }, isTyping });
  });
  events.on('read.changed', ({ conversationId, by, seq }) => {
    if (by !== 'agent') return;
    namespace.to(conversationRoom(conversationId)).emit('read:changed', { by, seq });
  });
}
