import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TRAINING_CORPORA } from './corpus.ts';
import { IntentClassifier } from './intent-classifier.ts';
import { INTENTS } from './intents.ts';
import type { Intent } from './intents.ts';

const heldoutDir = fileURLToPath(new URL('../heldout/', import.meta.url));
const heldout = Object.fromEntries(
  readdirSync(heldoutDir).map((file) => [file.replace('.json', ''), JSON.parse(readFileSync(heldoutDir + file, 'utf8')) as Record<Intent, string[]>]),
);
const classifier = new IntentClassifier(Object.values(TRAINING_CORPORA));

describe('intent classifier', () => {
  it('trains from the shipped corpus: every intent in 12 languages', () => {
    expect(Object.keys(TRAINING_CORPORA).sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'it', 'ja', 'ko', 'nl', 'pt', 'tr', 'zh']);
    for (const corpus of Object.values(TRAINING_CORPORA)) expect(Object.keys(corpus).sort()).toEqual([...INTENTS].sort());
  });

  it('never trains on a held-out message', () => {
    const training = new Set(Object.values(TRAINING_CORPORA).flatMap((corpus) => Object.values(corpus).flat()));
    const leaked = Object.values(heldout).flatMap((byIntent) => Object.values(byIntent).flat()).filter((text) => training.has(text));
    expect(leaked).toEqual([]);
  });

  // Regression floor, not the goal: the intents issue asks for 90%; we are at 88.2% today.
  it('keeps held-out accuracy at or above its current floor in every language', () => {
    let correct = 0;
    let total = 0;
    for (const [lang, byIntent] of Object.entries(heldout)) {
      let langCorrect = 0;
      let langTotal = 0;
      for (const [intent, messages] of Object.entries(byIntent)) {
        for (const text of messages) {
          langTotal += 1;
          if (classifier.classify(text).intent === intent) langCorrect += 1;
        }
      }
      expect(langCorrect / langTotal, lang).toBeGreaterThanOrEqual(0.78);
      correct += langCorrect;
      total += langTotal;
    }
    expect(total).toBe(600);
    expect(correct / total).toBeGreaterThanOrEqual(0.87);
  });

  it('handles Japanese, Chinese and Korean without a word segmenter', () => {
    expect(classifier.classify('返品したいのですがどうすればいいですか').intent).toBe('return_request');
    expect(classifier.classify('我想取消这个订单').intent).toBe('cancel_order');
    expect(classifier.classify('환불은 언제 받을 수 있나요').intent).toBe('refund_status');
  });

  it('gives no confidence to text it has no features for', () => {
    expect(classifier.classify('🙂🙂🙂')).toEqual({ intent: 'unknown', confidence: 0, margin: 0 });
  });
});
