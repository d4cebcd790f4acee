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
 * Multinomial Naive Bayes over binary character n-gram and word features, trained in memory
 * from the shipped corpus (no model download). Scores are averaged per feature before the
 * softmax, so confidence does not grow with message length: a long message is not more
 * certain just for being long.
 */
export class IntentClassifier {
  readonly #logLikelihood = new Map<Intent, Map<string, number>>();
  readonly #unseen = new Map<Intent, number>();
  readonly #vocabulary = new Set<string>();
  readonly #features: (text: string) => Map<string, number>;

  /** `features` replaces the feature extractor (benchmarks compare against word-only features). */
  constructor(corpora: readonly IntentCorpus[], options: { features?: (text: string) => Map<string, number> } = {}) {
    this.#features = options.features ?? textFeatures;
    const counts = new Map<Intent, { features: Map<string, number>; total: number }>();
    for (const corpus of corpora) {
      for (const [intent, utterances] of Object.entries(corpus) as [Intent, readonly string[]][]) {
        const entry = counts.get(intent) ?? { features: new Map(), total: 0 };
        for (const utterance of utterances) {
          for (const feature of this.#features(utterance).keys()) {
            entry.features.set(feature, (entry.features.get(feature) ?? 0) + 1);
            entry.total += 1;
            this.#vocabulary.add(feature);
          }
        }
        counts.set(intent, entry);
      }
    }
    const vocabularySize = this.#vocabulary.size;
    for (const [intent, { features, total }] of counts) {
      const denominator = total + SMOOTHING * vocabularySize;
      const table = new Map<string, number>();
      for (const [feature, count] of features) table.set(feature, Math.log((count + SMOOTHING) / denominator));
      this.#logLikelihood.set(intent, table);
      this.#unseen.set(intent, Math.log(SMOOTHING / denominator));
    }
  }

  /** Number of distinct features learnt (a rough model size). */
  get vocabularySize(): number {
    return this.#vocabulary.size;
  }

  /** Learnt weights (one per intent and feature seen with it): the model's size in numbers. */
  get weightCount(): number {
    let count = 0;
    for (const table of this.#logLikelihood.values()) count += table.size;
    return count;
  }

  /** Scores every intent; returns the best with its probability and lead over the second. */
  classify(text: string): IntentScore {
    const features = [...this.#features(text).keys()].filter((feature) => this.#vocabulary.has(feature));
    if (features.length === 0) return { intent: 'unknown', confidence: 0, margin: 0 };
    const scores: [Intent, number][] = [];
    for (const [intent, table] of this.#logLikelihood) {
      const unseen = this.#unseen.get(intent)!;
      let sum = 0;
      for (const feature of features) sum += table.get(feature) ?? unseen;
      scores.push([intent, sum / features.length]);
    }
    // Per-feature averages differ by small amounts; sharpen before the softmax so that the
    // probabilities spread over [0, 1] (the factor was chosen on the training corpus).
    const SHARPNESS = 12;
    const best = Math.max(...scores.map(([, score]) => score));
    const weights = scores.map(([intent, score]) => [intent, Math.exp((score - best) * SHARPNESS)] as const);
    const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
    const ranked = weights.map(([intent, weight]) => [intent, weight / total] as const).sort((a, b) => b[1] - a[1]);
    const [first, second] = ranked;
    return { intent: first![0], confidence: first![1], margin: first![1] - (second?.[1] ?? 0) };
  }
}
