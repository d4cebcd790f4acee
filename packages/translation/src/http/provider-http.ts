import CircuitBreaker from 'opossum';
import type { TranslationFailure } from '../translator.ts';

/** What a provider answered: its status, headers and body (parsed JSON when it is JSON). */
export interface HttpReply {
  status: number;
  headers: Headers;
  body: unknown;
}

/** A reply (any status: the adapter maps 4xx bodies to failures), or a failure with no reply. */
export type HttpOutcome = { ok: true; reply: HttpReply } | { ok: false; failure: TranslationFailure };

/** How patient a provider client is. */
export interface ProviderHttpOptions {
  /** Per attempt. Default 8 s: a chat message must not wait long for its translation. */
  timeoutMs?: number | undefined;
  /** Extra attempts after a 429, a 5xx or a connection error. Default 2. */
  retries?: number | undefined;
  /** First backoff; doubles each attempt, with jitter, capped at 4 s. `Retry-After` wins when longer. */
  baseDelayMs?: number | undefined;
  /** The breaker opens once at least this many calls in the last minute failed, and half of them did. Default 5. */
  breakerThreshold?: number | undefined;
  /** How long the breaker stays open before letting one call through. Default 30 s. */
  breakerResetMs?: number | undefined;
  /** For tests: a fetch to call instead of the global one. */
  fetch?: typeof fetch | undefined;
}

/** Thrown inside the breaker for a call that counts as the provider failing (and unwrapped after). */
class ProviderDown extends Error {
  readonly outcome: HttpOutcome;
  constructor(outcome: HttpOutcome) {
    super('provider failed');
    this.outcome = outcome;
  }
}

const MAX_DELAY_MS = 4_000;
const isRetryableStatus = (status: number) => status === 429 || status >= 500;

/**
 * One provider's HTTP client: plain `fetch` with a timeout per attempt, retries with exponential
 * backoff (honouring `Retry-After`) on 429, 5xx and connection errors, and a circuit breaker
 * (opossum) so a provider that is down is not called for every message while it is: the callers
 * get `circuit_open` at once and show the original.
 */
export function createProviderHttp(options: ProviderHttpOptions = {}): { send(url: string, init: RequestInit): Promise<HttpOutcome> } {
  const timeoutMs = options.timeoutMs ?? 8_000;
  const retries = options.retries ?? 2;
  const baseDelayMs = options.baseDelayMs ?? 250;
  const doFetch = options.fetch ?? fetch;

  const attempt = async (url: string, init: RequestInit): Promise<HttpOutcome> => {
    const signal = init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
    try {
      const response = await doFetch(url, { ...init, signal });
      return { ok: true, reply: { status: response.status, headers: response.headers, body: await readBody(response) } };
    } catch (error) {
      const isTimeout = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      return { ok: false, failure: { kind: isTimeout ? 'timeout' : 'unavailable', message: isTimeout ? `no answer within ${timeoutMs} ms` : `connection failed: ${(error as Error).message}`, isRetryable: true } };
    }
  };

  const withRetries = async (url: string, init: RequestInit): Promise<HttpOutcome> => {
    let outcome = await attempt(url, init);
    for (let tried = 0; tried < retries && shouldRetry(outcome) && !init.signal?.aborted; tried++) {
      await sleep(backoff(baseDelayMs, tried, outcome));
      outcome = await attempt(url, init);
    }
    if (shouldRetry(outcome)) throw new ProviderDown(outcome);
    return outcome;
  };

  const breaker = new CircuitBreaker(withRetries, {
    timeout: false, // each attempt has its own timeout above
    resetTimeout: options.breakerResetMs ?? 30_000,
    // Chat traffic per provider is thin: wait for a handful of calls before judging, then open
    // when half of the last minute's failed.
    volumeThreshold: options.breakerThreshold ?? 5,
    errorThresholdPercentage: 50,
    rollingCountTimeout: 60_000,
  });

  return {
    async send(url, init) {
      try {
        return await breaker.fire(url, init);
      } catch (error) {
        if (error instanceof ProviderDown) return error.outcome;
        if ((error as { code?: string }).code === 'EOPENBREAKER') {
          return { ok: false, failure: { kind: 'circuit_open', message: 'the provider failed repeatedly; not called for a while', isRetryable: true } };
        }
        return { ok: false, failure: { kind: 'unavailable', message: (error as Error).message, isRetryable: true } };
      }
    },
  };
}

function shouldRetry(outcome: HttpOutcome): boolean {
  return outcome.ok ? isRetryableStatus(outcome.reply.status) : outcome.failure.isRetryable;
}

function backoff(baseDelayMs: number, tried: number, outcome: HttpOutcome): number {
  const exponential = Math.min(MAX_DELAY_MS, baseDelayMs * 2 ** tried) * (0.5 + Math.random() / 2);
  const retryAfter = outcome.ok ? retryAfterMs(outcome.reply.headers.get('retry-after')) : undefined;
  return Math.min(MAX_DELAY_MS, Math.max(exponential, retryAfter ?? 0));
}

/** `Retry-After` in seconds or as an HTTP date, in ms; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!(response.headers.get('content-type') ?? '').includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
