import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ParleyError } from '@parley/protocol';
import type { RateLimit } from '../config.ts';

/**
 * Socket-side rate limiting with `rate-limiter-flexible` (in memory; swap for its Redis limiter
 * when the gateway runs as several processes). REST routes use @fastify/rate-limit instead.
 */
export class SocketRateLimits {
  readonly #messagesPerVisitor: RateLimiterMemory;
  readonly #messagesPerIp: RateLimiterMemory;
  readonly #handshakesPerIp: RateLimiterMemory;

  constructor(limits: { messagesPerVisitor: RateLimit; messagesPerIp: RateLimit; handshakesPerIp: RateLimit }) {
    const make = (limit: RateLimit) => new RateLimiterMemory({ points: limit.points, duration: limit.durationSeconds });
    this.#messagesPerVisitor = make(limits.messagesPerVisitor);
    this.#messagesPerIp = make(limits.messagesPerIp);
    this.#handshakesPerIp = make(limits.handshakesPerIp);
  }

  /** Counts one inbound event (message, history fetch) against the visitor and the IP. */
  async consumeEvent(visitorId: string, ip: string): Promise<void> {
    await consume(this.#messagesPerVisitor, visitorId);
    await consume(this.#messagesPerIp, ip);
  }

  /** Counts one connection attempt against the IP. */
  async consumeHandshake(ip: string): Promise<void> {
    await consume(this.#handshakesPerIp, ip);
  }
}

async function consume(limiter: RateLimiterMemory, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      throw new ParleyError('PARLEY_ERR_RATE_LIMITED', undefined, { retryAfterMs: rejection.msBeforeNext });
    }
    throw rejection;
  }
}
