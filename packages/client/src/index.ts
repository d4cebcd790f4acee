/**
 * `@parley/client`: the headless Parley SDK over socket.io-client, for browsers and Node.js.
 * Imports only types and zod-free values from the protocol, so bundles stay free of zod.
 */
export { createParleyClient, ParleyClient } from './parley-client.ts';
export { newClientMsgId } from './ids.ts';
export type { ConnectionStatus, LocaleChange, ParleyClientEvents, ParleyClientOptions } from './client-types.ts';
export { ParleyError } from '@parley/protocol/errors';
export type { ErrorCode } from '@parley/protocol/errors';
export type { Author, BotMeta, Message, QuickReply, QuickReplyId, Session, TypingChanged, VisitorIdentity } from '@parley/protocol';
