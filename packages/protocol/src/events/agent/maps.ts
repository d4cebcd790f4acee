import type { Ack } from '../../errors.ts';
import type { Message } from '../common.ts';
import type { HistoryFetchAckData } from '../visitor/message.ts';
import type { AgentPresence, AgentProfile, PresenceStatus } from './agent-profile.ts';
import type {
  AgentHistoryFetch,
  AgentMessageSend,
  AgentReadSet,
  AgentTypingSet,
  ConversationAssign,
  ConversationStatusSet,
  NoteAdd,
  ConversationTranslationSet,
  PiiReveal,
  PresenceSet,
  TranslationPreview,
} from './commands.ts';
import type { CannedReplyOption, MessageTranslated, TranslationPreviewResult, TranslationState } from './translation.ts';
import type { ConversationDetail, ConversationRef, ConversationSummary, Note, Viewer } from './conversation.ts';
import type { InboxPage, InboxQuery } from './inbox.ts';

/** Sent once per connection after the `/agent` handshake (cookie or token) succeeded. */
export interface AgentReady {
  me: AgentProfile;
  /** Every agent of the workspace that shares a site with me, with presence. */
  team: AgentPresence[];
  presence: PresenceStatus;
}

/** Events the console and `createAgentClient` emit on `/agent`. */
export interface AgentClientEvents {
  'inbox:list': (query: InboxQuery, ack: (result: Ack<InboxPage>) => void) => void;
  'conversation:open': (ref: ConversationRef, ack: (result: Ack<ConversationDetail>) => void) => void;
  'conversation:leave': (ref: ConversationRef, ack: (result: Ack<{ left: true }>) => void) => void;
  'conversation:assign': (payload: ConversationAssign, ack: (result: Ack<ConversationSummary>) => void) => void;
  'conversation:status': (payload: ConversationStatusSet, ack: (result: Ack<ConversationSummary>) => void) => void;
  'agent:message:send': (payload: AgentMessageSend, ack: (result: Ack<Message>) => void) => void;
  'note:add': (payload: NoteAdd, ack: (result: Ack<Note>) => void) => void;
  'agent:history:fetch': (payload: AgentHistoryFetch, ack: (result: Ack<HistoryFetchAckData>) => void) => void;
  'agent:typing:set': (payload: AgentTypingSet) => void;
  'agent:read:set': (payload: AgentReadSet) => void;
  'presence:set': (payload: PresenceSet, ack: (result: Ack<{ status: PresenceStatus }>) => void) => void;
  'pii:reveal': (payload: PiiReveal, ack: (result: Ack<{ value: string }>) => void) => void;
  'translation:preview': (payload: TranslationPreview, ack: (result: Ack<TranslationPreviewResult>) => void) => void;
  'conversation:translation': (payload: ConversationTranslationSet, ack: (result: Ack<TranslationState>) => void) => void;
  'canned:list': (ref: ConversationRef, ack: (result: Ack<{ replies: CannedReplyOption[] }>) => void) => void;
}

/** Events the gateway emits to agents' sockets. Messages carry their `conversationId`. */
export interface AgentServerEvents {
  'agent:ready': (ready: AgentReady) => void;
  /** A conversation the agent may see changed (new message, assignment, status): update the inbox. */
  'conversation:changed': (summary: ConversationSummary) => void;
  /** A message in a conversation this agent follows (opened) or is assigned. Masked. */
  'message:created': (message: Message) => void;
  'note:created': (note: Note) => void;
  'typing:changed': (event: { conversationId: string; author: { kind: 'visitor' | 'agent'; id?: string; name?: string }; isTyping: boolean }) => void;
  'read:changed': (event: { conversationId: string; by: 'visitor' | 'agent'; seq: number }) => void;
  'presence:changed': (presence: AgentPresence) => void;
  'viewers:changed': (event: { conversationId: string; viewers: Viewer[] }) => void;
  /** A translation of a message into this agent's language arrived, or failed. */
  'message:translated': (event: MessageTranslated) => void;
  /** Translation was switched off or on for a conversation the agent follows. */
  'translation:changed': (event: { conversationId: string; state: TranslationState }) => void;
}
