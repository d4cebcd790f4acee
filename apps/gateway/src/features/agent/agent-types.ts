import type { Namespace, Socket } from 'socket.io';
import type { AgentClientEvents, AgentServerEvents } from '@parley/protocol';
import type { AgentRecord } from '../../storage/directory/directory-store.ts';
import type { Principal } from '../accounts/principal.ts';

/** What the `/agent` handshake established; `agent` is refreshed on every command. */
export interface AgentSocketData {
  principal: Principal;
  agent: AgentRecord;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- Socket.IO's slot for inter-server events, unused.
type NoInterServerEvents = {};

export type AgentNamespace = Namespace<AgentClientEvents, AgentServerEvents, NoInterServerEvents, AgentSocketData>;
export type AgentSocket = Socket<AgentClientEvents, AgentServerEvents, NoInterServerEvents, AgentSocketData>;

/** Every socket of one agent joins this room (several tabs, a phone). */
export function agentRoom(agentId: string): string {
  return `agent:${agentId}`;
}

/** Agents who opened a conversation join this room and get its messages, typing and receipts. */
export function followRoom(conversationId: string): string {
  return `follow:${conversationId}`;
}
