/**
 * `@parley/understanding`: what a shopper wants, from a short message in any of 12 languages.
 * Pure and self-contained: the classifier trains in memory from the corpus shipped in
 * `corpus/` (no model download), in well under a second.
 *
 * Status: groundwork for the intents issue. Held-out accuracy is 88.2% (600 messages, 12
 * languages), short of the 90% target; knowledge and the bot flow are not built yet.
 * The gateway exposes it as `POST /v1/understand`.
 */
export { INTENTS } from './intents.ts';
export type { Intent } from './intents.ts';
export { IntentClassifier } from './intent-classifier.ts';
export type { IntentCorpus, IntentScore } from './intent-classifier.ts';
export { TRAINING_CORPORA } from './corpus.ts';
export { normalize, textFeatures } from './text-features.ts';
export { createUnderstanding } from './understand.ts';
export type { Understand, Understanding } from './understand.ts';
export { DEFAULT_ORDER_PATTERNS, extractEntities } from './entities.ts';
export type { Entities } from './entities.ts';
