/**
 * Tuning aid: intent accuracy on the dev/ set only, per language, with every miss listed
 * (expected → got, confidence). dev/ is for tuning the corpus; heldout/ is never read here.
 *   node bench/intent-dev.ts [lang …]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createUnderstanding } from '../packages/understanding/src/index.ts';

const dir = fileURLToPath(new URL('../packages/understanding/dev/', import.meta.url));
const wanted = new Set(process.argv.slice(2));
const understand = createUnderstanding();
let total = 0;
let correct = 0;
for (const file of readdirSync(dir).sort()) {
  const lang = file.replace('.json', '');
  if (wanted.size > 0 && !wanted.has(lang)) continue;
  const byIntent = JSON.parse(readFileSync(dir + file, 'utf8')) as Record<string, string[]>;
  const misses: string[] = [];
  let all = 0;
  for (const [intent, messages] of Object.entries(byIntent)) {
    for (const text of messages) {
      all += 1;
      const got = understand(text);
      if (got.intent === intent) correct += 1;
      else misses.push(`  ${intent} → ${got.intent} (${got.confidence}): ${text}`);
    }
  }
  total += all;
  console.log(`${lang} ${all - misses.length}/${all}${all ? ` (${((100 * (all - misses.length)) / all).toFixed(0)}%)` : ''}`);
  if (wanted.size > 0) for (const miss of misses) console.log(miss);
}
console.log(`dev overall ${correct}/${total} (${((100 * correct) / Math.max(total, 1)).toFixed(1)}%)`);
