import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import type { TrustProxy } from '../config.ts';

/** Finds the client's IP in a raw HTTP request (a Socket.IO handshake or an Engine.IO request). */
export type ClientIpOf = (request: IncomingMessage) => string;

/**
 * The one rule for "who is the client" on sockets, the same one Fastify applies to REST
 * (`request.ip`) from the same `trustProxy` value and the same library: walk `X-Forwarded-For`
 * from the right, past the peer and each trusted proxy, and take the first address that no
 * trusted proxy vouches for. Entries the client wrote itself sit to the left of that one and are
 * never read, so forging the header cannot move a client out of its own rate limits.
 *
 * @example
 * const ipOf = createClientIpOf(1); // one nginx in front
 * ipOf(request); // the address nginx saw, whatever X-Forwarded-For the client sent
 */
export function createClientIpOf(trustProxy: TrustProxy): ClientIpOf {
  const trust = trustFunction(trustProxy);
  if (trust === false) return (request) => request.socket.remoteAddress ?? 'unknown';
  return (request) => proxyAddr(request, trust);
}

/**
 * `trustProxy` as the function Fastify and proxy-addr both take: whether the address `hop`
 * entries from the peer is a proxy to see past. Handing Fastify this same function is what
 * makes `request.ip` and the sockets' IP one rule.
 */
export function trustFunction(trustProxy: TrustProxy): false | ((address: string, hop: number) => boolean) {
  if (trustProxy === false) return false;
  if (typeof trustProxy === 'number') return (_address, hop) => hop < trustProxy;
  return proxyAddr.compile(trustProxy);
}
