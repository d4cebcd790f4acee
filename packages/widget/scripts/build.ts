/**
 * Builds the script-tag distribution into dist/cdn/:
 *   chunks/app-<hash>.js (+ shared chunks)  the Preact app, ESM, imported on intent
 *   loader.js                               IIFE, knows the app chunk's hashed name
 * Two passes because the loader must embed the name the first pass produced.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { InlineConfig, Rolldown } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/cdn', import.meta.url));

const shared: InlineConfig = {
  root,
  configFile: false,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: { outDir, emptyOutDir: false, target: 'es2020', minify: true, sourcemap: false },
};

rmSync(outDir, { recursive: true, force: true });

const appOutput = (await build({
  ...shared,
  build: {
    ...shared.build,
    rolldownOptions: {
      input: { app: fileURLToPath(new URL('../src/app/mount.tsx', import.meta.url)) },
      preserveEntrySignatures: 'exports-only',
      output: { format: 'es', entryFileNames: 'chunks/[name]-[hash].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
})) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];

const outputs = Array.isArray(appOutput) ? appOutput : [appOutput];
const appChunk = outputs.flatMap((o) => o.output).find((file) => file.type === 'chunk' && file.isEntry);
if (!appChunk) throw new Error('the app build produced no entry chunk');

await build({
  ...shared,
  define: { __PARLEY_APP_CHUNK__: JSON.stringify(`./${appChunk.fileName}`) },
  build: {
    ...shared.build,
    rolldownOptions: {
      input: fileURLToPath(new URL('../src/loader/loader.ts', import.meta.url)),
      output: { format: 'iife', entryFileNames: 'loader.js' },
    },
  },
});

console.log(`@parley/widget: built dist/cdn/loader.js and dist/cdn/${appChunk.fileName}`);
