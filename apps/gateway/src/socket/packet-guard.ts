import type { FastifyBaseLogger } from 'fastify';
import type { Socket } from 'socket.io';
import { ParleyError } from '@parley/protocol';
import type { Ack, ParleyErrorPayload } from '@parley/protocol';
import type { FloodControl } from '../security/flood-control.ts';
import { MalformedCall } from './socket-edge.ts';

/** What guarding a socket's packets needs. */
export interface PacketGuardDeps {
  flood: FloodControl;
  /** The client IP by the gateway's one proxy rule (penalties are per IP). */
  ip: string;
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
 * - every packet takes one token from the socket's budget; over it, the packet is answered
 *   PARLEY_ERR_RATE_LIMITED (or dropped when unacked) without reaching a handler;
 * - every RATE_LIMITED answer (this budget's or a handler's own limits) is a strike; a socket
 *   that keeps sending through enough strikes is told why (`session:closed`), disconnected,
 *   and its IP refused new connections for a while (doubling for repeat offenders).
 */
export function guardPackets(socket: Socket, deps: PacketGuardDeps): void {
  const meter = deps.flood.meter();
  let isClosing = false;
  const strike = () => {
    if (isClosing || !meter.strike()) return;
    isClosing = true;
    void closeForFlood(socket, deps);
  };
  socket.use((packet, next) => {
    if (isClosing) return;
    const [event, ...args] = packet as [string, ...unknown[]];
    const last = args.at(-1);
    const ack = typeof last === 'function' ? wrapAck(last as AnyAck, strike) : undefined;
    if (!meter.admit()) {
      ack?.({ ok: false, error: new ParleyError('PARLEY_ERR_RATE_LIMITED', undefined, { retryAfterMs: meter.retryAfterMs() }).toPayload() });
      if (!ack) strike();
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

function wrapAck(ack: AnyAck, strike: () => void): AnyAck {
  let isAnswered = false;
  return (result) => {
    if (isAnswered) return;
    isAnswered = true;
    if (!result.ok && result.error.code === 'PARLEY_ERR_RATE_LIMITED') strike();
    ack(result);
  };
}

async function closeForFlood(socket: Socket, deps: PacketGuardDeps): Promise<void> {
  const retryAfterMs = await deps.flood.penalise(deps.ip);
  const error: ParleyErrorPayload = new ParleyError('PARLEY_ERR_FLOOD_DISCONNECTED', undefined, { retryAfterMs }).toPayload();
  deps.log.warn({ socketId: socket.id, retryAfterMs }, 'socket disconnected for flooding; its IP is refused new connections for a while');
  socket.emit('session:closed', { error });
  // Closing the underlying connection (not just the namespace) stops the frames themselves.
  socket.disconnect(true);
}
