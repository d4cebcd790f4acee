import type { Intent } from './intents.ts';
import { textFeatures } from './text-features.ts';

/** Training examples: per intent, the utterances that mean it. */
export type IntentCorpus = Partial<Record<Intent, readonly string[]>>;

/** A classification: the best intent, its probability, and the runner-up's. */
export interface IntentScore {
  intent: Intent;
  confidence: number;
  margin: number;
}

const SMOOTHING = 0.1;
/**
 * Per-feature averages differ by small amounts; multiplying them by this before the softmax
 * spreads the probabilities over [0, 1] (chosen on the training corpus). In effect a message
 * is weighed as this many features' worth of evidence, whatever its length.
 */
const SHARPNESS = 12;

/**
 * Multinomial Naive Bayes over binary character n-gram and word features, trained in memory
 * from the shipped corpus (no model download). Scores are averaged per feature before the
 * softmax, so confidence does not grow with message length: a long message is not more
 * certain just for being long. Nor is a very short one certain for being short: below
 * SHARPNESS learnt features, confidence falls with the evidence there is.
 */
export class IntentClassifier {
  /** The intents, in the order of every weight row. */
  readonly #intents: Intent[] = [];
  /** Per feature, its log-likelihood under each intent: one lookup scores all intents. */
  readonly #weights = new Map<string, Float64Array>();
  /** Per intent, the log-likelihood of a feature it never saw in training. */
  #unseen = new Float64Array(0);
  readonly #features: (text: string) => Map<string, number>;

  /** `features` replaces the feature extractor (benchmarks compare against word-only features). */
  constructor(corpora: readonly IntentCorpus[], options: { features?: (text: string) => Map<string, number> } = {}) {
    this.#features = options.features ?? textFeatures;
    const counts = new Map<Intent, { features: Map<string, number>; total: number }>();
    const vocabulary = new Set<string>();
    for (const corpus of corpora) {
      for (const [intent, utterances] of Object.entries(corpus) as [Intent, readonly string[]][]) {
        const entry = counts.get(intent) ?? { features: new Map(), total: 0 };
        for (const utterance of utterances) {
          for (const feature of this.#features(utterance).keys()) {
            entry.features.set(feature, (entry.features.get(feature) ?? 0) + 1);
            entry.total += 1;
            vocabulary.add(feature);
          }
        }
        counts.set(intent, entry);
      }
    }
    this.#intents.push(...counts.keys());
    this.#unseen = new Float64Array(this.#intents.length);
    for (const [row, intent] of this.#intents.entries()) {
      this.#unseen[row] = Math.log(SMOOTHING / (counts.get(intent)!.total + SMOOTHING * vocabulary.size));
    }
    // Every row starts at "never seen with this intent"; then each intent fills in what it saw.
    for (const feature of vocabulary) this.#weights.set(feature, Float64Array.from(this.#unseen));
    for (const [row, intent] of this.#intents.entries()) {
      const { features, total } = counts.get(intent)!;
      const denominator = total + SMOOTHING * vocabulary.size;
      for (const [feature, count] of features) this.#weights.get(feature)![row] = Math.log((count + SMOOTHING) / denominator);
    }
  }

  /** Number of distinct features learnt. */
  get vocabularySize(): number {
    return this.#weights.size;
  }

  /** Learnt weights (features × intents): the model's size in numbers. */
  get weightCount(): number {
    return this.#weights.size * this.#intents.length;
  }

  /**
   * Scores every intent; returns the best with its probability and lead over the second.
   * A message with fewer learnt features than SHARPNESS is weighed as the features it has,
   * not as SHARPNESS: of "xx" the model knows only " x" and "x " (the end of "tax"), not
   * twelve features' worth of a VAT question. Longer messages are scored as before.
   */
  classify(text: string): IntentScore {
    const sums = new Float64Array(this.#intents.length);
    let known = 0;
    for (const feature of this.#features(text).keys()) {
      const weights = this.#weights.get(feature);
      if (!weights) continue;
      known += 1;
      for (let row = 0; row < sums.length; row += 1) sums[row]! += weights[row]!;
    }
    if (known === 0) return { intent: 'unknown', confidence: 0, margin: 0 };
    const evidence = Math.min(SHARPNESS, known);
    const scores = Array.from(sums, (sum) => sum / known);
    const best = Math.max(...scores);
    const weights = scores.map((score) => Math.exp((score - best) * evidence));
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const ranked = weights.map((weight, row) => [this.#intents[row]!, weight / total] as const).sort((a, b) => b[1] - a[1]);
    const [first, second] = ranked;
    return { intent: first![0], confidence: first![1], margin: first![1] - (second?.[1] ?? 0) };
  }
}
