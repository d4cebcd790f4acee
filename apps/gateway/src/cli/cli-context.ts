import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import type { DirectoryStore } from '../storage/directory/directory-store.ts';
import { UsageError } from './usage.ts';

/** What a command may use: the directory (opened on demand), output, and the password on stdin. */
export interface CliContext {
  openDirectory(): Promise<DirectoryStore>;
  out(text: string): void;
  readPassword(): Promise<string>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** A command's flags (strict: an unknown flag or a stray word is a UsageError). */
export function flagsOf<T extends Options>(args: string[], options: T): Record<keyof T, string | boolean | undefined> {
  try {
    const { values } = parseArgs({ args, options, strict: true, allowPositionals: false });
    return values as unknown as Record<keyof T, string | boolean | undefined>;
  } catch (error) {
    // parseArgs explains itself well ("Unknown option '--nmae'"); keep its words.
    throw new UsageError((error as Error).message);
  }
}

/** Runs `work` with the directory open, and closes it whatever happens. */
export async function withDirectory<T>(context: CliContext, work: (directory: DirectoryStore) => Promise<T>): Promise<T> {
  const directory = await context.openDirectory();
  try {
    return await work(directory);
  } finally {
    await directory.close();
  }
}
