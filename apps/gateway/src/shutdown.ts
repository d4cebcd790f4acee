import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { GatewayIo } from './features/visitor/visitor-types.ts';

/** How long open connections may linger after close begins before they are cut. */
const DRAIN_GRACE_MS = 2_000;

/**
 * Makes `app.close()` finish even with shoppers connected. Node's server.close() waits for
 * every connection, and upgraded websockets are invisible to Fastify's idle-connection
 * handling; a client reconnecting during shutdown could keep the process alive for ever.
 * So: refuse new Socket.IO handshakes once closing, drop every engine connection, and cut
 * whatever socket is still open after a short grace period.
 *
 * Returns whether closing has begun, for the Socket.IO server's `allowRequest` gate.
 */
export function drainOnClose(app: FastifyInstance, io: () => GatewayIo): () => boolean {
  let isClosing = false;
  const sockets = new Set<Socket>();
  app.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  let cutTimer: NodeJS.Timeout | undefined;
  app.addHook('preClose', async () => {
    isClosing = true;
    // Clients reconnect with backoff (to another instance) and resync from their last seq.
    io().engine.close();
    cutTimer = setTimeout(() => {
      for (const socket of sockets) socket.destroy();
    }, DRAIN_GRACE_MS);
    cutTimer.unref();
  });
  app.addHook('onClose', async () => {
    clearTimeout(cutTimer);
  });
  return () => isClosing;
}
