/**
 * `@parley/client`: the headless Parley SDK over socket.io-client, for browsers and Node.js:
 * `createParleyClient` for shoppers (`/visitor`), `createAgentClient` for agents (`/agent`).
 * Imports only types and zod-free values from the protocol, so bundles stay free of zod.
 */
export { createParleyClient, ParleyClient } from './parley-client.ts';
export { createAgentClient, AgentClient } from './agent-client.ts';
export { newClientMsgId } from './core/ids.ts';
export { OUTBOX_MAX_BYTES, OUTBOX_MAX_MESSAGES, outboxHasRoom, utf8Length } from './core/outbox-limits.ts';
export type { ConnectionStatus, LocaleChange, ParleyClientEvents, ParleyClientOptions, SessionClosedEvent } from './client-types.ts';
export type {
  AgentClientEvents,
  AgentClientOptions,
  AgentCookieOptions,
  AgentPasswordOptions,
  AgentReadChanged,
  AgentSendOptions,
  AgentSettableStatus,
  AgentTokenOptions,
  AgentTypingChanged,
  ViewersChanged,
} from './agent/agent-types.ts';
export { ParleyError } from '@parley/protocol/errors';
export type { ErrorCode } from '@parley/protocol/errors';
export type { Author, BotMeta, Message, MessageOriginal, MessageTranslation, QuickReply, QuickReplyId, Session, TypingChanged, VisitorIdentity } from '@parley/protocol';
export type {
  AgentPresence,
  AgentProfile,
  AgentReady,
  ConversationDetail,
  ConversationStatus,
  ConversationSummary,
  InboxPage,
  InboxQuery,
  InboxView,
  Note,
  PresenceStatus,
  Viewer,
  CannedReplyOption,
  MessageTranslated,
  TranslationPreviewResult,
  TranslationState,
} from '@parley/protocol';
