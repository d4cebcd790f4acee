import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { RateLimit } from '../config.ts';

/** How a connection that floods is stopped, and for how long its IP is slowed afterwards. */
export interface FloodPolicy {
  /** Packets (any event) one socket may send: a burst of `points`, refilled over `durationSeconds`. */
  packetsPerSocket: RateLimit;
  /** Acked calls refused for being over that budget a socket may collect in 10 s before it is disconnected. */
  strikesBeforeDisconnect: number;
  /** How long a flooding IP's new connections are refused. */
  penaltyMs: number;
  /**
   * Offences within the hour that keep the fixed penalty: an office or carrier NAT shares its IP
   * with honest shoppers, so one buggy device must not lock them out for long. Past this, each
   * offence doubles the penalty.
   */
  offencesBeforeEscalation: number;
  /** The longest an IP is ever refused for. */
  penaltyMaxMs: number;
  /** Open connections one IP may hold at once. */
  connectionsPerIp: number;
}

/** The defaults: generous for people (and honest SDKs that back off), fatal for loops. */
export const DEFAULT_FLOOD_POLICY: Omit<FloodPolicy, 'connectionsPerIp'> = {
  // A burst of 60 and 6 a second after it: far above a person (and the SDK paces itself by
  // retryAfterMs), while a flood's allowed share of the gateway stays a few milliseconds.
  packetsPerSocket: { points: 60, durationSeconds: 10 },
  strikesBeforeDisconnect: 30,
  penaltyMs: 15_000,
  offencesBeforeEscalation: 3,
  penaltyMaxMs: 5 * 60_000,
};

/** Agents' consoles and integrations are signed in and send bursts (a resync opens every followed conversation). */
export const AGENT_PACKETS_PER_SOCKET: RateLimit = { points: 300, durationSeconds: 10 };

const STRIKE_WINDOW_MS = 10_000;

/**
 * A socket's packet budget, checked synchronously on every inbound packet: a token bucket in
 * the socket's own closure, because a limiter call that allocates a promise per packet is itself
 * the cost a flood of 70,000 frames a second must not get. Refusals are strikes; too many in the
 * window and the socket is cut.
 */
export class SocketMeter {
  readonly #policy: FloodPolicy;
  #tokens: number;
  #refilledAt = Date.now();
  #strikes: number[] = [];

  constructor(policy: FloodPolicy) {
    this.#policy = policy;
    this.#tokens = policy.packetsPerSocket.points;
  }

  /** Takes one packet from the budget; false when the socket is over it. */
  admit(now = Date.now()): boolean {
    const { points, durationSeconds } = this.#policy.packetsPerSocket;
    this.#tokens = Math.min(points, this.#tokens + ((now - this.#refilledAt) * points) / (durationSeconds * 1000));
    this.#refilledAt = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** Counts a refusal; true once the socket has ignored enough of them to be disconnected. */
  strike(now = Date.now()): boolean {
    this.#strikes.push(now);
    while (this.#strikes.length > 0 && this.#strikes[0]! <= now - STRIKE_WINDOW_MS) this.#strikes.shift();
    return this.#strikes.length >= this.#policy.strikesBeforeDisconnect;
  }

  /** How long until one more packet would be admitted. */
  retryAfterMs(): number {
    const { points, durationSeconds } = this.#policy.packetsPerSocket;
    return Math.ceil(((1 - this.#tokens) * durationSeconds * 1000) / points);
  }
}

/**
 * Per-IP defences below the handshake: how many connections each IP holds open, and which IPs
 * are serving a penalty for flooding. Kept with rate-limiter-flexible (the escalation counter
 * and the block), so a Redis limiter can replace the memory one when the gateway runs as
 * several instances.
 */
export class FloodControl {
  readonly policy: FloodPolicy;
  readonly #open = new Map<string, number>();
  readonly #offences = new RateLimiterMemory({ keyPrefix: 'flood-offences', points: 1_000, duration: 3_600 });
  readonly #blocked = new RateLimiterMemory({ keyPrefix: 'flood-blocked', points: 1, duration: 1 });

  constructor(policy: FloodPolicy) {
    this.policy = policy;
  }

  /** A new meter for one socket (with its namespace's own packet budget, when it has one). */
  meter(packetsPerSocket: RateLimit = this.policy.packetsPerSocket): SocketMeter {
    return new SocketMeter({ ...this.policy, packetsPerSocket });
  }

  /** Why a new connection from `ip` is refused (and for how long), or undefined to let it in. */
  async refusal(ip: string): Promise<{ code: 'PARLEY_ERR_FLOOD_DISCONNECTED' | 'PARLEY_ERR_TOO_MANY_CONNECTIONS'; retryAfterMs: number } | undefined> {
    const blocked = await this.#blocked.get(ip);
    if (blocked && blocked.consumedPoints > 1) return { code: 'PARLEY_ERR_FLOOD_DISCONNECTED', retryAfterMs: blocked.msBeforeNext };
    if ((this.#open.get(ip) ?? 0) >= this.policy.connectionsPerIp) return { code: 'PARLEY_ERR_TOO_MANY_CONNECTIONS', retryAfterMs: 5_000 };
    return undefined;
  }

  /** Counts an open connection from `ip`; call the returned function when it closes. */
  opened(ip: string): () => void {
    this.#open.set(ip, (this.#open.get(ip) ?? 0) + 1);
    let isClosed = false;
    return () => {
      if (isClosed) return;
      isClosed = true;
      const left = (this.#open.get(ip) ?? 1) - 1;
      if (left <= 0) this.#open.delete(ip);
      else this.#open.set(ip, left);
    };
  }

  /** Puts `ip` on a penalty for flooding; resolves with how long it lasts. */
  async penalise(ip: string): Promise<number> {
    const offences = (await this.#offences.penalty(ip, 1)).consumedPoints;
    const doublings = Math.max(0, offences - this.policy.offencesBeforeEscalation);
    const ms = Math.min(this.policy.penaltyMaxMs, this.policy.penaltyMs * 2 ** Math.min(20, doublings));
    await this.#blocked.block(ip, Math.ceil(ms / 1000));
    return ms;
  }
}
