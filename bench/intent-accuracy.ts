/**
 * Held-out intent accuracy per language, training time and model size, beside a baseline
 * trained the same way on word features only (what a tokenizer-based classifier sees: nothing
 * inside a CJK sentence or a German compound).
 *   pnpm --filter @parley/bench intents
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IntentClassifier, normalize, TRAINING_CORPORA } from '../packages/understanding/src/index.ts';

const heldoutDir = fileURLToPath(new URL('../packages/understanding/heldout/', import.meta.url));
const heldout = readdirSync(heldoutDir).map((file) => [file.replace('.json', ''), JSON.parse(readFileSync(heldoutDir + file, 'utf8'))] as const);

function evaluate(classify: (text: string) => string): { total: number; correct: number; byLang: string[] } {
  let total = 0;
  let correct = 0;
  const byLang: string[] = [];
  for (const [lang, byIntent] of heldout) {
    let ok = 0;
    let all = 0;
    for (const [intent, messages] of Object.entries(byIntent as Record<string, string[]>)) {
      for (const text of messages) {
        all += 1;
        if (classify(text) === intent) ok += 1;
      }
    }
    total += all;
    correct += ok;
    byLang.push(`${lang} ${ok}/${all}`);
  }
  return { total, correct, byLang };
}

const started = performance.now();
const model = new IntentClassifier(Object.values(TRAINING_CORPORA));
const trainMs = performance.now() - started;
const classifyStarted = performance.now();
const parley = evaluate((text) => model.classify(text).intent);
const perMessageUs = ((performance.now() - classifyStarted) * 1000) / parley.total;

// Baseline: the same Naive Bayes over whitespace-separated words only.
const wordFeatures = (text: string) => new Map(normalize(text).split(' ').filter(Boolean).map((word) => [`w:${word}`, 1] as const));
const baselineModel = new IntentClassifier(Object.values(TRAINING_CORPORA), { features: wordFeatures });
const baseline = evaluate((text) => baselineModel.classify(text).intent);

const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
const trainingSize = Object.values(TRAINING_CORPORA).reduce((sum, corpus) => sum + Object.values(corpus).flat().length, 0);
console.log(`training: ${trainingSize} utterances, ${model.vocabularySize} features, ${trainMs.toFixed(0)} ms`);
console.log(`parley (char 2-4 grams + words): ${parley.correct}/${parley.total} = ${pct(parley.correct, parley.total)}, ${perMessageUs.toFixed(0)} µs/message`);
console.log(`baseline (words only):           ${baseline.correct}/${baseline.total} = ${pct(baseline.correct, baseline.total)}`);
console.log(`ratio parley/baseline = ${(parley.correct / baseline.correct).toFixed(3)}`);
console.log(`per language: ${parley.byLang.join(', ')}`);
