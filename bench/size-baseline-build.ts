/**
 * Builds the size baseline (`size-baseline.js`: Preact + socket.io-client, what any Preact chat
 * UI over Socket.IO carries) minified like the apps, and answers its gzipped bytes.
 */
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

/** Gzipped (level 9) bytes of a file's content. */
export const gz = (code: string | Buffer): number => gzipSync(code, { level: 9 }).length;

/** The baseline's gzipped bytes, built in this run. */
export async function baselineBytes(): Promise<number> {
  const entry = fileURLToPath(new URL('./size-baseline.js', import.meta.url));
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    root: fileURLToPath(new URL('.', import.meta.url)),
    build: { write: false, minify: true, target: 'es2020', rolldownOptions: { input: entry, preserveEntrySignatures: 'exports-only' } },
  })) as { output: { type: string; code?: string }[] } | { output: { type: string; code?: string }[] }[];
  const files = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
  return files.reduce((sum, file) => sum + (file.type === 'chunk' && file.code ? gz(file.code) : 0), 0);
}
