/**
 * Widget size report: gzipped bytes of loader.js and of the app chunks, each as a ratio to its
 * budget, and the app's size beside a baseline built in the same run: Preact + socket.io-client
 * alone (what any Preact chat widget over Socket.IO must carry). Run after `pnpm build`:
 *   pnpm --filter @parley/bench size
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const cdn = fileURLToPath(new URL('../packages/widget/dist/cdn', import.meta.url));
const gz = (code: string | Buffer) => gzipSync(code, { level: 9 }).length;

const loader = gz(readFileSync(join(cdn, 'loader.js')));
const app = readdirSync(join(cdn, 'chunks')).reduce((sum, name) => sum + gz(readFileSync(join(cdn, 'chunks', name))), 0);

// Baseline: the two libraries the app cannot do without, bundled and minified the same way.
const entry = fileURLToPath(new URL('./size-baseline.js', import.meta.url));
const output = (await build({
  configFile: false,
  logLevel: 'silent',
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: { write: false, minify: true, target: 'es2020', rolldownOptions: { input: entry, preserveEntrySignatures: 'exports-only' } },
})) as { output: { type: string; code?: string }[] } | { output: { type: string; code?: string }[] }[];
const files = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
const baseline = files.reduce((sum, file) => sum + (file.type === 'chunk' && file.code ? gz(file.code) : 0), 0);

console.log(`loader.js          ${loader} B gz   ${(loader / 2048).toFixed(2)} of the 2 KB budget`);
console.log(`app chunks         ${app} B gz   ${(app / (35 * 1024)).toFixed(2)} of the 35 KB budget`);
console.log(`baseline (preact + socket.io-client) ${baseline} B gz; app / baseline = ${(app / baseline).toFixed(2)}`);
