import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TRAINING_CORPORA } from './corpus.ts';
import { IntentClassifier } from './intent-classifier.ts';
import { INTENTS } from './intents.ts';
import { createUnderstanding } from './understand.ts';
import type { Intent } from './intents.ts';

type LabelledSet = Record<string, Record<Intent, string[]>>;
function load(dir: string): LabelledSet {
  const path = fileURLToPath(new URL(`../${dir}/`, import.meta.url));
  return Object.fromEntries(readdirSync(path).map((file) => [file.replace('.json', ''), JSON.parse(readFileSync(path + file, 'utf8')) as Record<Intent, string[]>]));
}
// `heldout/` is the test set; `dev/` was used while tuning (see bench/intent-accuracy.ts).
const heldout = load('heldout');
const dev = load('dev');
const understand = createUnderstanding();
/** Messages in heldout/: a changed count means the test set changed, which must be deliberate. */
const HELDOUT_TOTAL = 1700;
const classifier = new IntentClassifier(Object.values(TRAINING_CORPORA));

describe('intent classifier', () => {
  it('trains from the shipped corpus: every intent in all 20 languages the culture engine speaks', () => {
    expect(Object.keys(TRAINING_CORPORA).sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'he', 'hi', 'id', 'it', 'ja', 'ko', 'nl', 'pl', 'pt', 'ru', 'th', 'tr', 'vi', 'zh', 'zh-Hant']);
    for (const corpus of Object.values(TRAINING_CORPORA)) expect(Object.keys(corpus).sort()).toEqual([...INTENTS].sort());
  });

  it('never trains on a held-out or dev message, and the two sets share none', () => {
    const training = new Set(Object.values(TRAINING_CORPORA).flatMap((corpus) => Object.values(corpus).flat()));
    const texts = (set: LabelledSet) => Object.values(set).flatMap((byIntent) => Object.values(byIntent).flat());
    expect(texts(heldout).filter((text) => training.has(text))).toEqual([]);
    expect(texts(dev).filter((text) => training.has(text))).toEqual([]);
    const devTexts = new Set(texts(dev));
    expect(texts(heldout).filter((text) => devTexts.has(text))).toEqual([]);
  });

  // Issue 9's target: at least 93 % of unseen messages overall and 90 % in every one of the 20
  // languages. heldout/ holds the November 2026 set (13 languages, 663 messages) and the
  // December 2026 set (all 20, 1,120 messages written by someone who never saw the corpus);
  // the figures measured before any tuning are in bench/intent-accuracy.ts. Floors catch regressions.
  it('gets at least 93% of held-out intents right, as the bot sees them, and 90% in every language', () => {
    let correct = 0;
    let total = 0;
    for (const [lang, byIntent] of Object.entries(heldout)) {
      let langCorrect = 0;
      let langTotal = 0;
      for (const [intent, messages] of Object.entries(byIntent)) {
        expect(messages.length, `${lang} ${intent}`).toBeGreaterThanOrEqual(2);
        for (const text of messages) {
          langTotal += 1;
          if (understand(text).intent === intent) langCorrect += 1;
        }
      }
      expect(langCorrect / langTotal, lang).toBeGreaterThanOrEqual(0.9);
      correct += langCorrect;
      total += langTotal;
    }
    expect(Object.keys(heldout)).toHaveLength(20);
    expect(total).toBe(HELDOUT_TOTAL);
    expect(correct / total).toBeGreaterThanOrEqual(0.93);
  });

  it('handles Japanese, Chinese, Korean and Thai without a word segmenter', () => {
    expect(classifier.classify('ส่งสินค้าคืนแล้ว เมื่อไหร่จะได้เงินคืน').intent).toBe('refund_status');
    expect(classifier.classify('พัสดุยังไม่มาส่งเลย ล่าช้ามาก').intent).toBe('shipping_delay');
    expect(classifier.classify('返品したいのですがどうすればいいですか').intent).toBe('return_request');
    expect(classifier.classify('我想取消这个订单').intent).toBe('cancel_order');
    expect(classifier.classify('환불은 언제 받을 수 있나요').intent).toBe('refund_status');
  });

  it('reads a German compound by its parts: "Rücksendeetikett" shares n-grams with "Rücksendung"', () => {
    expect(classifier.classify('Wo finde ich das Rücksendeetikett?').intent).toBe('return_request');
    expect(classifier.classify('Lieferadressänderung bitte').intent).toBe('change_address');
  });

  it('gives no confidence to text it has no features for', () => {
    expect(classifier.classify('🙂🙂🙂')).toEqual({ intent: 'unknown', confidence: 0, margin: 0 });
  });
});
