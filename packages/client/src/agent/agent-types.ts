import type {
  AgentClientEvents as AgentWireCommands,
  AgentPresence,
  AgentReady,
  AgentServerEvents,
  ConversationStatus,
  ConversationSummary,
  Message,
  MessageTranslated,
  Note,
  TranslationState,
} from '@parley/protocol';
import type { Ack, ParleyError } from '@parley/protocol/errors';
import type { ConnectionStatus } from '../client-types.ts';

interface AgentClientBaseOptions {
  /** The gateway's base URL, e.g. `https://chat.example.com`. */
  url: string;
  /** How long an acked call waits before it rejects (sends retry instead). Default 10 s. */
  ackTimeoutMs?: number | undefined;
  /** How long `connect()` waits for `agent:ready` before rejecting (the client keeps trying). Default 20 s. */
  connectTimeoutMs?: number | undefined;
}

/** Sign in as an agent: `connect()` first posts these to `/v1/agent/session`. */
export interface AgentPasswordOptions extends AgentClientBaseOptions {
  email: string;
  password: string;
  /** The 6-digit authenticator code, for accounts with two-factor sign-in. */
  totp?: string | undefined;
  token?: never;
}

/** Connect with an API token (sent in the handshake's `auth.token`). */
export interface AgentTokenOptions extends AgentClientBaseOptions {
  token: string;
  email?: never;
  password?: never;
}

/** Reuse the session cookie a browser holds from an earlier sign-in (a console page reload). */
export interface AgentCookieOptions extends AgentClientBaseOptions {
  email?: never;
  password?: never;
  token?: never;
}

/** Options of createAgentClient: credentials, an API token, or (browsers) the session cookie. */
export type AgentClientOptions = AgentPasswordOptions | AgentTokenOptions | AgentCookieOptions;

/** What the handshake's `auth` carries on `/agent`. */
export interface AgentHandshakeAuth {
  protocolVersion: number;
  token?: string;
}

/** Someone typing in a conversation this agent follows. */
export type AgentTypingChanged = Parameters<AgentServerEvents['typing:changed']>[0];
/** Someone (the shopper, or an agent) read a conversation up to `seq`. */
export type AgentReadChanged = Parameters<AgentServerEvents['read:changed']>[0];
/** Who has a followed conversation open now. */
export type ViewersChanged = Parameters<AgentServerEvents['viewers:changed']>[0];

/** Statuses an agent may set (`bot` belongs to the bot). */
export type AgentSettableStatus = Exclude<ConversationStatus, 'bot'>;

/** Events of `agent.on`. */
/** Options of `send`. */
export interface AgentSendOptions {
  /** Send even though another agent replied moments ago. */
  force?: boolean;
  /** Idempotency key; generated when absent. */
  clientMsgId?: string;
  /** Send as written in a conversation that translates (after the agent confirmed). */
  untranslated?: boolean;
  /** A canned reply by key: the shopper receives its native version in their locale. */
  cannedKey?: string;
}

export interface AgentClientEvents {
  /** A conversation this agent may see changed (new message, assignment, status): update the inbox. */
  conversation: ConversationSummary;
  /** Every message of each followed (opened) conversation, once, in seq order per conversation. */
  message: Message;
  /** Every internal note of each followed conversation, once (its own included). */
  note: Note;
  typing: AgentTypingChanged;
  read: AgentReadChanged;
  /** A teammate's presence changed (`agent.team` is updated before this fires). */
  presence: AgentPresence;
  viewers: ViewersChanged;
  /** A translation of a followed conversation's message into my language arrived (or failed: `error`). */
  translated: MessageTranslated;
  /** Translation was switched off or on for a followed conversation. */
  translation: { conversationId: string; state: TranslationState };
  /** Connection state, as the shopper client reports it. */
  status: ConnectionStatus;
  /** Every `agent:ready`: the first connect and every reconnect. */
  ready: AgentReady;
  /** A refusal after the first connect (session expired, account disabled), or a followed
   * conversation that could not be reopened after a reconnect (`details.conversationId`). */
  error: ParleyError;
}

/** The `/agent` commands that take an ack. */
export type AckedCommand = {
  [E in keyof AgentWireCommands]: Parameters<AgentWireCommands[E]>['length'] extends 2 ? E : never;
}[keyof AgentWireCommands];
/** A command's payload. */
export type CommandPayload<E extends keyof AgentWireCommands> = Parameters<AgentWireCommands[E]>[0];
/** The data of a command's successful ack. */
export type CommandResult<E extends AckedCommand> = Parameters<AgentWireCommands[E]>[1] extends (result: Ack<infer T>) => void ? T : never;
