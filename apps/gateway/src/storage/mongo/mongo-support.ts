import { MongoError, MongoNetworkError, MongoServerSelectionError } from 'mongodb';
import { ParleyError } from '@parley/protocol';

/** The server's duplicate-key error: a unique index refused the write. */
export const DUPLICATE_KEY = 11000;

/** Whether an error is a unique-index violation (the portable stand-in for a transaction). */
export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoError && error.code === DUPLICATE_KEY;
}

/**
 * Maps "cannot reach the server" to a retryable coded error (with `message` when the store has
 * its own wording, e.g. the directory's); everything else passes through.
 */
export async function guard<T>(operation: () => Promise<T>, message?: string): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof MongoNetworkError || error instanceof MongoServerSelectionError) {
      throw new ParleyError('PARLEY_ERR_STORE_UNAVAILABLE', message, { cause: error.message });
    }
    throw error;
  }
}

/** A copy without undefined fields (drivers would store them as null), nested objects too;
 * for plain records of strings and numbers only (a JSON round trip). */
export function withoutUndefinedFields<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Runs the writes to one document one after another in this process. FerretDB applies an
 * update by reading the matched document and writing it back whole, with nothing held in
 * between, so two concurrent `$set`s of different fields on one conversation can lose one of
 * them; MongoDB itself cannot. Queuing per document keeps every server correct for one gateway
 * (several gateways need the cluster's conversation lock, like the bot's turn).
 */
export class DocumentWriteQueue {
  readonly #tails = new Map<string, Promise<unknown>>();

  /** Runs `write` after every earlier write queued for `documentId` has settled. */
  run<T>(documentId: string, write: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(documentId) ?? Promise.resolve();
    const next = previous.then(write, write);
    const tail = next.catch(() => undefined);
    this.#tails.set(documentId, tail);
    void tail.then(() => {
      if (this.#tails.get(documentId) === tail) this.#tails.delete(documentId);
    });
    return next;
  }
}
