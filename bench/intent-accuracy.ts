/**
 * Intent accuracy per language on messages the classifier never trained on, training time,
 * model size and per-message time, beside a baseline trained the same way on word features
 * only (what a tokenizer-based classifier sees: nothing inside a CJK sentence or a compound).
 *
 * Two sets: `heldout/` is the test set, never looked at message by message while tuning: the
 * November 2026 messages (13 languages) and the December 2026 ones (all 20 languages, written by
 * someone who never saw the corpus; messages that coincide with a corpus or dev line removed);
 * `dev/` was used to tune the corpus and thresholds, so its figure is optimistic and shown only
 * for comparison.
 *   pnpm --filter @parley/bench intents
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createUnderstanding, IntentClassifier, normalize, TRAINING_CORPORA } from '../packages/understanding/src/index.ts';

type LabelledSet = ReadonlyArray<readonly [lang: string, byIntent: Record<string, string[]>]>;

function load(dir: string): LabelledSet {
  const path = fileURLToPath(new URL(`../packages/understanding/${dir}/`, import.meta.url));
  return readdirSync(path)
    .sort()
    .map((file) => [file.replace('.json', ''), JSON.parse(readFileSync(path + file, 'utf8')) as Record<string, string[]>] as const);
}

function evaluate(set: LabelledSet, classify: (text: string) => string): { total: number; correct: number; byLang: string[] } {
  let total = 0;
  let correct = 0;
  const byLang: string[] = [];
  for (const [lang, byIntent] of set) {
    let ok = 0;
    let all = 0;
    for (const [intent, messages] of Object.entries(byIntent)) {
      for (const text of messages) {
        all += 1;
        if (classify(text) === intent) ok += 1;
      }
    }
    total += all;
    correct += ok;
    byLang.push(`${lang} ${ok}/${all} (${((100 * ok) / all).toFixed(0)}%)`);
  }
  return { total, correct, byLang };
}

const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
const heldout = load('heldout');
const dev = load('dev');

const started = performance.now();
const model = new IntentClassifier(Object.values(TRAINING_CORPORA));
const trainMs = performance.now() - started;
const understand = createUnderstanding();

const raw = evaluate(heldout, (text) => model.classify(text).intent);
// Steady-state time per message (after the run above warmed the JIT): classifier alone, and
// understand() with language detection and entity extraction, as the bot calls it.
const timePerMessage = (run: (text: string) => unknown): number => {
  const texts = heldout.flatMap(([, byIntent]) => Object.values(byIntent).flat());
  const started = performance.now();
  for (let round = 0; round < 3; round += 1) for (const text of texts) run(text);
  return ((performance.now() - started) * 1000) / (texts.length * 3);
};
const perMessageUs = timePerMessage((text) => model.classify(text));
const understandUs = timePerMessage((text) => understand(text));
// What the bot acts on: the classifier plus the confidence and margin thresholds (unsure → unknown).
const product = evaluate(heldout, (text) => understand(text).intent);
const devProduct = evaluate(dev, (text) => understand(text).intent);

const wordFeatures = (text: string) => new Map(normalize(text).split(' ').filter(Boolean).map((word) => [`w:${word}`, 1] as const));
const baselineModel = new IntentClassifier(Object.values(TRAINING_CORPORA), { features: wordFeatures });
const baseline = evaluate(heldout, (text) => baselineModel.classify(text).intent);

const trainingSize = Object.values(TRAINING_CORPORA).reduce((sum, corpus) => sum + Object.values(corpus).flat().length, 0);
console.log(`training: ${trainingSize} utterances, ${model.vocabularySize} features, ${model.weightCount} weights (~${((model.weightCount * 8) / 1024 / 1024).toFixed(1)} MiB as float64), ${trainMs.toFixed(0)} ms`);
console.log(`held-out test set (${product.total} messages, ${heldout.length} languages):`);
console.log(`  understand() as the bot uses it: ${product.correct}/${product.total} = ${pct(product.correct, product.total)}`);
console.log(`  classifier alone (no thresholds): ${raw.correct}/${raw.total} = ${pct(raw.correct, raw.total)}`);
console.log(`  time per message: classifier ${perMessageUs.toFixed(0)} µs, understand() ${understandUs.toFixed(0)} µs`);
console.log(`  baseline (words only):            ${baseline.correct}/${baseline.total} = ${pct(baseline.correct, baseline.total)}`);
console.log(`  ratio parley/baseline = ${(raw.correct / baseline.correct).toFixed(3)}`);
console.log(`  per language: ${product.byLang.join(', ')}`);
console.log(`dev set (used for tuning, optimistic): ${devProduct.correct}/${devProduct.total} = ${pct(devProduct.correct, devProduct.total)}`);
