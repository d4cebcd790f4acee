import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import { ParleyError, toWellFormedDeep } from '@parley/protocol';
import type { Ack, ErrorCode, ParleyErrorPayload } from '@parley/protocol';

/**
 * What a handler receives instead of a payload when a call came with none or with several
 * arguments before its ack (see packet-guard.ts): it fails every schema with a clear reason.
 */
export class MalformedCall {
  readonly argumentCount: number;

  constructor(argumentCount: number) {
    this.argumentCount = argumentCount;
  }
}

/**
 * The one place inbound socket payloads (and the handshake, with its own code) are validated. An over-long message gets its own code
 * (the widget tells the shopper to shorten it); any other mismatch is PAYLOAD_INVALID with the
 * offending paths, never the raw input (it may be huge or personal).
 */
export function parsePayload<Schema extends z.ZodType>(
  schema: Schema,
  raw: unknown,
  invalidCode: ErrorCode = 'PARLEY_ERR_PAYLOAD_INVALID',
): z.output<Schema> {
  if (raw instanceof MalformedCall) {
    throw new ParleyError(invalidCode, `Send exactly one payload, then the ack; this call had ${raw.argumentCount} arguments before it.`, { argumentCount: raw.argumentCount });
  }
  // Lone surrogates become U+FFFD here, once: the ack, the store and every later read agree.
  const result = schema.safeParse(toWellFormedDeep(raw));
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const isTooLong = result.error.issues.some((issue) => issue.code === 'too_big' && issue.path[0] === 'text');
  if (isTooLong) throw new ParleyError('PARLEY_ERR_MESSAGE_TOO_LONG', undefined, { issues });
  throw new ParleyError(invalidCode, undefined, { issues });
}

/** Turns anything thrown by a handler into a coded payload; unexpected errors are logged, not leaked. */
export function toErrorPayload(error: unknown, log: FastifyBaseLogger): ParleyErrorPayload {
  if (error instanceof ParleyError) {
    if (error.code === 'PARLEY_ERR_STORE_UNAVAILABLE') log.error({ err: error }, 'store unavailable');
    return error.toPayload();
  }
  log.error({ err: error }, 'unexpected error in a socket handler');
  return new ParleyError('PARLEY_ERR_INTERNAL_ERROR').toPayload();
}

/**
 * Runs an acked handler: whatever happens, the client's ack is called exactly once with
 * `{ ok, data }` or `{ ok: false, error }`, so no client call ever hangs on a gateway failure.
 */
export async function answer<T>(
  ack: unknown,
  log: FastifyBaseLogger,
  handler: () => Promise<T>,
): Promise<void> {
  const reply = typeof ack === 'function' ? (ack as (result: Ack<T>) => void) : undefined;
  try {
    const data = await handler();
    reply?.({ ok: true, data });
  } catch (error) {
    reply?.({ ok: false, error: toErrorPayload(error, log) });
  }
}
