/**
 * Console size report: gzipped bytes of the console's JavaScript (the entry plus every chunk,
 * language chunks listed apart, since a session loads only one) and CSS, beside the same
 * baseline as the widget's, built in this run: Preact + socket.io-client alone. Run after
 * `pnpm build`:
 *   pnpm --filter @parley/bench console-size
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baselineBytes, gz } from './size-baseline-build.ts';

const assets = fileURLToPath(new URL('../apps/console/dist/assets', import.meta.url));
const files = readdirSync(assets);
const sizeOf = (name: string) => gz(readFileSync(join(assets, name)));
const isLanguage = (name: string) => /^(de|es|ja|zh|en)-/.test(name);
const entry = files.filter((name) => name.endsWith('.js') && !isLanguage(name)).reduce((sum, name) => sum + sizeOf(name), 0);
const languages = files.filter((name) => name.endsWith('.js') && isLanguage(name)).map((name) => `${name.split('-')[0]} ${sizeOf(name)} B`);
const css = files.filter((name) => name.endsWith('.css')).reduce((sum, name) => sum + sizeOf(name), 0);

const baseline = await baselineBytes();

console.log(`console JS (entry + shared chunks) ${entry} B gz`);
console.log(`language chunks (one loads)        ${languages.join(', ')}`);
console.log(`console CSS                        ${css} B gz`);
console.log(`baseline (preact + socket.io-client) ${baseline} B gz; console / baseline = ${(entry / baseline).toFixed(2)}`);
