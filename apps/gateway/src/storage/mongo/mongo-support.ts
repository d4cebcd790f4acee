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
