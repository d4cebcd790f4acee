import { isErrorCode, ParleyError } from '@parley/protocol/errors';
import type { Ack } from '@parley/protocol/errors';

/** The part of a socket.io-client Socket an acked call needs; loose because each namespace types
 * its own event map, and the callers above are typed per namespace. */
export interface AckEmitter {
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<unknown> };
}

/** The coded error an ack carries, or INTERNAL_ERROR when what came back is not an ack at all. */
export function errorFromAck(ack: unknown): ParleyError | undefined {
  if (typeof ack !== 'object' || ack === null || !('ok' in ack)) {
    return new ParleyError('PARLEY_ERR_INTERNAL_ERROR', 'The gateway answered with something that is not an ack.');
  }
  const result = ack as Ack<unknown>;
  if (result.ok) return undefined;
  const code = result.error?.code;
  if (!isErrorCode(code)) return new ParleyError('PARLEY_ERR_INTERNAL_ERROR', `The gateway answered with an unknown error code: ${String(code)}`);
  return new ParleyError(code, result.error.message, result.error.details);
}

/**
 * Acked calls in flight. Each one resolves with its ack's data or rejects with the ack's coded
 * error, PARLEY_ERR_CLIENT_TIMEOUT when no ack came in time (or the connection dropped under it),
 * or the error `rejectAll` is given (the application closed the client).
 */
export class PendingCalls {
  readonly #rejects = new Set<(error: ParleyError) => void>();

  get size(): number {
    return this.#rejects.size;
  }

  call<T>(socket: AckEmitter, timeoutMs: number, event: string, payload: unknown): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#rejects.add(reject);
      const settle = (action: () => void) => {
        // rejectAll may have settled this call already; a late ack must not resurrect it.
        if (!this.#rejects.delete(reject)) return;
        action();
      };
      socket
        .timeout(timeoutMs)
        .emitWithAck(event, payload)
        .then(
          (ack) => {
            const error = errorFromAck(ack);
            settle(() => (error ? reject(error) : resolve((ack as { data: T }).data)));
          },
          () => settle(() => reject(new ParleyError('PARLEY_ERR_CLIENT_TIMEOUT', `No answer to ${event} within ${timeoutMs} ms.`))),
        );
    });
  }

  /** Rejects every call still waiting (their acks, should they come, are ignored). */
  rejectAll(error: ParleyError): void {
    const rejects = [...this.#rejects];
    this.#rejects.clear();
    for (const reject of rejects) reject(error);
  }
}
