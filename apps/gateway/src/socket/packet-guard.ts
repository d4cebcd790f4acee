import type { FastifyBaseLogger } from 'fastify';
import type { Socket } from 'socket.io';
import { ParleyError } from '@parley/protocol';
import type { Ack, ParleyErrorPayload } from '@parley/protocol';
import type { RateLimit } from '../config.ts';
import type { FloodControl } from '../security/flood-control.ts';
import { MalformedCall } from './socket-edge.ts';

/** What guarding a socket's packets needs. */
export interface PacketGuardDeps {
  flood: FloodControl;
  /** The client IP by the gateway's one proxy rule (penalties are per IP). */
  ip: string;
  /** This namespace's packet budget per socket, when not the policy's default. */
  packetsPerSocket?: RateLimit | undefined;
  log: FastifyBaseLogger;
}

type AnyAck = (result: Ack<unknown>) => void;

/**
 * Runs before every handler of one socket (Socket.IO's per-socket middleware), so no event can
 * skip it:
 * - the ack is found wherever Socket.IO puts it (the last argument, if a function) and the call
 *   is reshaped to `(payload, ack)`; a call with no payload or extra arguments reaches the
 *   handler as a MalformedCall, which answers PARLEY_ERR_PAYLOAD_INVALID; an acked call of an
 *   event nobody handles is answered so too, instead of hanging the client;
 * - every packet takes one token from the socket's budget; over it, an acked call is answered
 *   PARLEY_ERR_RATE_LIMITED and an unacked one (typing, receipts: best effort) is dropped,
 *   without reaching a handler;
 * - each acked call refused for the budget is a strike; a socket that keeps calling through
 *   enough strikes is told why (`session:closed`), disconnected, and its IP refused new
 *   connections for a while. A handler's own limits (per visitor, per IP) are not strikes: an
 *   agent's resync or a shopper's queued messages meet them honestly, and back off.
 * Floods of unacked packets are cut by the per-connection ceiling in guarded-parser.ts.
 */
export function guardPackets(socket: Socket, deps: PacketGuardDeps): void {
  const meter = deps.flood.meter(deps.packetsPerSocket);
  let isClosing = false;
  const strike = () => {
    if (isClosing || !meter.strike()) return;
    isClosing = true;
    closeForFlood(socket, deps);
  };
  socket.use((packet, next) => {
    const [event, ...args] = packet as [string, ...unknown[]];
    const last = args.at(-1);
    if (isClosing) {
      // Still answered (exactly once, as every acked call is), but no work is done for it.
      if (typeof last === 'function') (last as AnyAck)({ ok: false, error: new ParleyError('PARLEY_ERR_FLOOD_DISCONNECTED').toPayload() });
      return;
    }
    const ack = typeof last === 'function' ? answerOnce(last as AnyAck) : undefined;
    if (!meter.admit()) {
      if (!ack) return;
      ack({ ok: false, error: new ParleyError('PARLEY_ERR_RATE_LIMITED', undefined, { retryAfterMs: meter.retryAfterMs() }).toPayload() });
      strike();
      return;
    }
    if (ack) {
      if (socket.listeners(event).length === 0) {
        ack({ ok: false, error: new ParleyError('PARLEY_ERR_PAYLOAD_INVALID', `No event "${event}" on this namespace.`, { event }).toPayload() });
        return;
      }
      const payloads = args.slice(0, -1);
      packet.length = 1;
      packet.push(payloads.length === 1 ? payloads[0] : new MalformedCall(payloads.length), ack);
    }
    next();
  });
}

/** The ack, callable once: a second answer to one call would confuse the client. */
function answerOnce(ack: AnyAck): AnyAck {
  let isAnswered = false;
  return (result) => {
    if (isAnswered) return;
    isAnswered = true;
    ack(result);
  };
}

function closeForFlood(socket: Socket, deps: PacketGuardDeps): void {
  // At once, not after the penalty is recorded: every frame read meanwhile is more work the
  // flood gets. The wait said here is the shortest; a repeat offender's refusal (a 403 with the
  // code) says the rest.
  const retryAfterMs = deps.flood.policy.penaltyMs;
  const error: ParleyErrorPayload = new ParleyError('PARLEY_ERR_FLOOD_DISCONNECTED', undefined, { retryAfterMs }).toPayload();
  socket.emit('session:closed', { error });
  // Closing the underlying connection (not just the namespace) stops the frames themselves.
  socket.disconnect(true);
  deps.flood.penalise(deps.ip).then(
    (penaltyMs) => deps.log.warn({ socketId: socket.id, penaltyMs }, 'socket disconnected for flooding; its IP is refused new connections for a while'),
    (failure: unknown) => deps.log.error({ err: failure }, 'could not record a flood penalty'),
  );
}
