import { createAgentClient } from '@parley/client';
import type {
  AgentPresence,
  CannedReplyOption,
  AgentProfile,
  ConversationDetail,
  ConversationStatus,
  ConversationSummary,
  InboxPage,
  InboxQuery,
  Message,
  MessageTranslated,
  Note,
  TranslationPreviewResult,
  TranslationState,
  Viewer,
} from '@parley/protocol';

/** Connection states the client reports through its `status` event. */
export type AgentConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'closed';

/** Payloads of `agent.on(name, handler)`, as the console uses them. */
export interface AgentEvents {
  conversation: ConversationSummary;
  message: Message;
  note: Note;
  typing: { conversationId: string; author: { kind: 'visitor' | 'agent'; id?: string; name?: string }; isTyping: boolean };
  read: { conversationId: string; by: 'visitor' | 'agent'; seq: number };
  presence: AgentPresence;
  viewers: { conversationId: string; viewers: Viewer[] };
  status: AgentConnectionStatus;
  /** A translation of a followed conversation's message into my language arrived, or failed. */
  translated: MessageTranslated;
  /** Translation was switched off or on for a followed conversation. */
  translation: { conversationId: string; state: TranslationState };
  /** A refusal after the first connect (session expired, account disabled). */
  error: { code: string; message: string; details?: unknown };
}

/** How a reply goes out: forced past a colleague's reply, untranslated, or as a canned reply; `clientMsgId` keeps a retry one message. */
export interface SendOptions {
  force?: boolean;
  untranslated?: boolean;
  cannedKey?: string;
  clientMsgId?: string;
}

/** The statuses an agent may set (`bot` is the bot's alone). */
export type SettableStatus = Exclude<ConversationStatus, 'bot'>;

/**
 * The slice of `createAgentClient` the console relies on. Declared here so every component
 * codes against one small surface, and a change in the SDK shows up as one type error.
 */
export interface AgentApi {
  connect(): Promise<AgentProfile>;
  inbox(query: InboxQuery): Promise<InboxPage>;
  on<K extends keyof AgentEvents>(name: K, handler: (payload: AgentEvents[K]) => void): () => void;
  open(id: string): Promise<ConversationDetail>;
  leave(id: string): Promise<unknown>;
  assign(id: string, agentId?: string | null): Promise<unknown>;
  send(id: string, text: string, options?: SendOptions): Promise<Message>;
  previewTranslation(id: string, text: string): Promise<TranslationPreviewResult>;
  setTranslation(id: string, options: { isOff: boolean }): Promise<TranslationState>;
  cannedReplies(id: string): Promise<{ replies: CannedReplyOption[] }>;
  note(id: string, text: string): Promise<unknown>;
  setStatus(id: string, status: SettableStatus, options?: { until: string }): Promise<unknown>;
  setTyping(id: string, isTyping: boolean): void;
  markRead(id: string, seq: number): void;
  setPresence(status: 'online' | 'away'): Promise<unknown>;
  reveal(id: string, messageId: string, index: number, reason: string): Promise<string>;
  readonly me: AgentProfile | undefined;
  readonly team: AgentPresence[];
  disconnect(): void;
}

/** How to reach the gateway: with credentials (sign-in) or with none (the session cookie). */
export interface AgentCredentials {
  email?: string;
  password?: string;
  totp?: string;
}

/**
 * Creates the agent client for this page's gateway. Without credentials it relies on the
 * session cookie set by an earlier sign-in (a page reload).
 */
export function createAgentApi(credentials: AgentCredentials = {}): AgentApi {
  const { email, password, totp } = credentials;
  const options = email && password ? { url: location.origin, email, password, ...(totp ? { totp } : {}) } : { url: location.origin };
  const client: AgentApi = createAgentClient(options);
  return client;
}
