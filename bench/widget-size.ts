/**
 * Widget size report: gzipped bytes of loader.js and of the app chunks, each as a ratio to its
 * budget, and the app's size beside a baseline built in the same run: Preact + socket.io-client
 * alone (what any Preact chat widget over Socket.IO must carry). Run after `pnpm build`:
 *   pnpm --filter @parley/bench size
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baselineBytes, gz } from './size-baseline-build.ts';

const cdn = fileURLToPath(new URL('../packages/widget/dist/cdn', import.meta.url));

const loader = gz(readFileSync(join(cdn, 'loader.js')));
const app = readdirSync(join(cdn, 'chunks')).reduce((sum, name) => sum + gz(readFileSync(join(cdn, 'chunks', name))), 0);

const baseline = await baselineBytes();

console.log(`loader.js          ${loader} B gz   ${(loader / 2048).toFixed(2)} of the 2 KB budget`);
console.log(`app chunks         ${app} B gz   ${(app / (35 * 1024)).toFixed(2)} of the 35 KB budget`);
console.log(`baseline (preact + socket.io-client) ${baseline} B gz; app / baseline = ${(app / baseline).toFixed(2)}`);
