import type { FastifyBaseLogger } from 'fastify';
import type { ExtendedError } from 'socket.io';
import { ParleyError, PROTOCOL_VERSION } from '@parley/protocol';
import type { HandshakeErrorData } from '@parley/protocol';
import type { ClientIpOf } from '../../security/client-ip.ts';
import type { SocketRateLimits } from '../../security/rate-limits.ts';
import { toErrorPayload } from '../../socket/socket-edge.ts';
import type { Authenticator, Principal } from '../accounts/principal.ts';
import type { AgentSocket } from './agent-types.ts';

/** What the `/agent` handshake needs. */
export interface AgentHandshakeDeps {
  authenticator: Authenticator;
  limits: SocketRateLimits;
  ipOf: ClientIpOf;
  log: FastifyBaseLogger;
}

/**
 * Socket.IO middleware for `/agent`: rate limit per IP, protocol version, then the session
 * cookie (consoles) or `auth.token` (an API token, for integrations and the Node SDK).
 * A cookie-authenticated socket must come from the gateway's own origin: SameSite=Strict
 * already keeps the cookie off cross-site WebSocket requests, and this check makes
 * cross-site WebSocket hijacking impossible even for browsers that would send it.
 */
export function createAgentHandshake(deps: AgentHandshakeDeps): (socket: AgentSocket, next: (err?: ExtendedError) => void) => void {
  return (socket, next) => {
    handshake(deps, socket).then(
      () => next(),
      (error: unknown) => {
        const payload: HandshakeErrorData = toErrorPayload(error, deps.log);
        deps.log.info({ socketId: socket.id, code: payload.code }, 'agent handshake refused');
        next(Object.assign(new Error(payload.message), { data: payload }));
      },
    );
  };
}

async function handshake(deps: AgentHandshakeDeps, socket: AgentSocket): Promise<void> {
  await deps.limits.consumeHandshake(deps.ipOf(socket.request));
  const auth = (socket.handshake.auth ?? {}) as { protocolVersion?: unknown };
  if (auth.protocolVersion !== PROTOCOL_VERSION) {
    throw new ParleyError('PARLEY_ERR_PROTOCOL_VERSION_MISMATCH', undefined, { client: auth.protocolVersion ?? null, server: PROTOCOL_VERSION });
  }
  const principal = await authenticateSocket(deps.authenticator, socket);
  // An API token reads conversations only with that scope; writing is checked per command.
  if (principal.via === 'token' && !principal.scopes.includes('conversations:read')) {
    throw new ParleyError('PARLEY_ERR_AUTH_SCOPE_MISSING', undefined, { scope: 'conversations:read' });
  }
  socket.data.principal = principal;
  socket.data.agent = principal.agent;
}

/** Whether the socket may change things: a console session, or a token with conversations:write. */
export function mayWrite(socket: AgentSocket): boolean {
  const { principal } = socket.data;
  return principal.via === 'session' || principal.scopes.includes('conversations:write');
}

/** Throws AUTH_SCOPE_MISSING for a read-only token. */
export function assertMayWrite(socket: AgentSocket): void {
  if (!mayWrite(socket)) throw new ParleyError('PARLEY_ERR_AUTH_SCOPE_MISSING', undefined, { scope: 'conversations:write' });
}

/**
 * The socket's caller from its handshake: `auth.token` (an API token) or the session cookie.
 * Run again while the socket is open, so a revoked session or a disabled agent loses it.
 */
export async function authenticateSocket(authenticator: Authenticator, socket: AgentSocket, options: { isUse?: boolean } = {}): Promise<Principal> {
  const auth = (socket.handshake.auth ?? {}) as { token?: unknown };
  const token = typeof auth.token === 'string' && auth.token.length <= 256 ? auth.token : undefined;
  const headers = socket.handshake.headers;
  if (!token) assertSameOrigin(headers.origin, headers.host);
  return authenticator.authenticate(token ? { authorization: `Bearer ${token}` } : { cookie: headers.cookie }, options);
}

function assertSameOrigin(origin: string | undefined, host: string | undefined): void {
  if (!origin) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new ParleyError('PARLEY_ERR_ORIGIN_NOT_ALLOWED');
  }
  if (originHost !== host) throw new ParleyError('PARLEY_ERR_ORIGIN_NOT_ALLOWED', 'The console must be opened from the gateway it signs in to.');
}
