import type { IncomingMessage } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { ClientIpOf } from '../security/client-ip.ts';
import type { FloodControl } from '../security/flood-control.ts';

/** What the gate in front of the Engine.IO handshake needs. */
export interface ConnectionGateDeps {
  flood: FloodControl;
  ipOf: ClientIpOf;
  /** True once the gateway has begun shutting down. */
  isDraining: () => boolean;
  log: FastifyBaseLogger;
}

/**
 * Socket.IO's `allowRequest`: runs on every new Engine.IO connection before anything is
 * allocated for it, so refusing here costs one small HTTP answer. Refuses while shutting down,
 * an IP serving a flood penalty, and an IP already holding its share of open connections.
 * The reason travels as the refusal's message: `PARLEY_ERR_…: text`.
 */
export function guardConnections(deps: ConnectionGateDeps): (request: IncomingMessage, callback: (error: string | null | undefined, isAllowed: boolean) => void) => void {
  return (request, callback) => {
    if (deps.isDraining()) return callback('the gateway is shutting down', false);
    const ip = deps.ipOf(request);
    deps.flood.refusal(ip).then(
      (refusal) => {
        if (!refusal) return callback(null, true);
        deps.log.debug({ code: refusal.code }, 'connection refused before the handshake');
        callback(`${refusal.code}: retry after ${refusal.retryAfterMs} ms`, false);
      },
      (error: unknown) => {
        // The limiter failing must not lock every shopper out.
        deps.log.error({ err: error }, 'flood control failed; letting the connection in');
        callback(null, true);
      },
    );
  };
}
