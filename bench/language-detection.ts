/**
 * Language detection on short shopper messages (packages/culture's held-out fixture): accuracy,
 * time per message, and the detector's start-up cost, beside a baseline run in the same
 * process: plain eld (same data size, all 60 of its languages, no script rules, no thresholds).
 *   pnpm --filter @parley/bench detection
 */
import { SHORT_MESSAGES, UNDECIDABLE_MESSAGES } from '../packages/culture/src/detect/short-messages.fixture.ts';

const heapBefore = process.memoryUsage().heapUsed;
const loadStarted = performance.now();
const { detectLanguage } = await import('../packages/culture/src/detect/detect-language.ts');
const loadMs = performance.now() - loadStarted;
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;

const baselineEld = (await import('eld/small')).eld.newInstance();
const baseline = (text: string) => {
  const language = baselineEld.detect(text).language;
  if (language !== 'zh') return language === 'ms' ? 'id' : language;
  return 'zh-?'; // eld does not tell Simplified from Traditional
};

const cases = Object.entries(SHORT_MESSAGES).flatMap(([lang, messages]) => messages.map((text) => ({ lang, text })));
function measure(detect: (text: string) => string): { correct: number; perMessageUs: number; byLang: Map<string, [number, number]> } {
  const byLang = new Map<string, [number, number]>();
  let correct = 0;
  const started = performance.now();
  for (const { lang, text } of cases) {
    const isRight = detect(text) === lang;
    if (isRight) correct += 1;
    const [ok = 0, all = 0] = byLang.get(lang) ?? [];
    byLang.set(lang, [ok + (isRight ? 1 : 0), all + 1]);
  }
  return { correct, perMessageUs: ((performance.now() - started) * 1000) / cases.length, byLang };
}

const parley = measure((text) => {
  const detection = detectLanguage(text);
  return detection.isReliable ? detection.lang : 'und';
});
const plain = measure(baseline);
const flips = UNDECIDABLE_MESSAGES.filter((text) => detectLanguage(text).isReliable);

const pct = (n: number) => `${((100 * n) / cases.length).toFixed(1)}%`;
console.log(`messages: ${cases.length} in ${Object.keys(SHORT_MESSAGES).length} languages`);
console.log(`parley detectLanguage: ${parley.correct}/${cases.length} = ${pct(parley.correct)}, ${parley.perMessageUs.toFixed(0)} µs/message`);
console.log(`baseline plain eld:    ${plain.correct}/${cases.length} = ${pct(plain.correct)}, ${plain.perMessageUs.toFixed(0)} µs/message`);
console.log(`ratio accuracy parley/baseline = ${(parley.correct / plain.correct).toFixed(3)}; time ratio = ${(parley.perMessageUs / plain.perMessageUs).toFixed(2)}`);
console.log(`per language (parley): ${[...parley.byLang].map(([lang, [ok, all]]) => `${lang} ${ok}/${all}`).join(', ')}`);
console.log(`courtesy/short messages that would flip the locale: ${flips.length}/${UNDECIDABLE_MESSAGES.length}`);
console.log(`detector start-up: ${loadMs.toFixed(0)} ms, heap +${heapMb.toFixed(1)} MB (eld small + tables)`);
