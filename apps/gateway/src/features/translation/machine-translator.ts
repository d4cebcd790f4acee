import { createHash } from 'node:crypto';
import type { Region } from '@parley/protocol';
import { shieldText } from '@parley/translation';
import type { SpanRange, TranslationFailureKind, TranslationProvider } from '@parley/translation';
import type { DirectoryStore } from '../../storage/directory/directory-store.ts';
import type { RegionStore } from '../../storage/region-store.ts';
import { formalityFor } from './languages.ts';

/** Why a translation did not happen: a provider's failure, or the gateway's own reasons. */
export type TranslationRefusal = TranslationFailureKind | 'no_provider' | 'too_long';

/** One text to translate for a conversation. */
export interface TranslateInput {
  region: Region;
  siteKey: string;
  text: string;
  from: string;
  to: string;
  /** Personal data in `text` (from the masking): sent as placeholders only, restored after. */
  personalData: readonly SpanRange[];
  orderPatterns: readonly RegExp[];
  glossary: readonly string[];
  /** Machine-translated characters per month for the site; undefined = no budget. */
  monthlyBudget: number | undefined;
  /** An overall deadline (retries included), for calls someone is waiting on. */
  signal?: AbortSignal | undefined;
}

export type TranslateOutcome = { ok: true; text: string; provider: string; isCached: boolean } | { ok: false; reason: TranslationRefusal };

/** A translation may run longer than its source, but not without bound (storage limit ×2). */
const MAX_TRANSLATED_CHARS = 8_000;

/** The calendar month of `at` in UTC, as budgets count it: `2026-12`. */
export const monthOf = (at: Date) => at.toISOString().slice(0, 7);

/**
 * Translates one text through the region's provider, the way every caller must: what must not
 * change is shielded first (so personal data never leaves), the region's cache is asked before
 * the provider (keyed on the shielded text, so the cache holds no personal data and one entry
 * serves every order number), the site's monthly budget is checked before a call and charged
 * after, and an answer that lost a protected span is refused rather than shown.
 */
export class MachineTranslator {
  readonly #providers: Partial<Record<Region, TranslationProvider>>;
  readonly #store: (region: Region) => RegionStore;
  readonly #directory: DirectoryStore;
  readonly #now: () => Date;

  constructor(deps: { providers: Partial<Record<Region, TranslationProvider>>; store: (region: Region) => RegionStore; directory: DirectoryStore; now: () => Date }) {
    this.#providers = deps.providers;
    this.#store = deps.store;
    this.#directory = deps.directory;
    this.#now = deps.now;
  }

  /** The provider of a region's conversations, if any. */
  providerOf(region: Region): TranslationProvider | undefined {
    return this.#providers[region];
  }

  async translate(input: TranslateInput): Promise<TranslateOutcome> {
    const provider = this.#providers[input.region];
    if (!provider) return { ok: false, reason: 'no_provider' };
    const shielded = shieldText(input.text, provider.markup, { personalData: input.personalData, orderPatterns: input.orderPatterns, glossary: input.glossary });
    const formality = formalityFor(input.to);
    const key = cacheKey([provider.id, input.from, input.to, formality ?? '', glossaryVersion(input.glossary), shielded.text]);
    const store = this.#store(input.region);
    const cached = await store.getCachedTranslation(key);
    if (cached) {
      const restored = shielded.restore(cached.text);
      if (restored !== null) return { ok: true, text: restored, provider: cached.provider, isCached: true };
    }
    if (!(await provider.supports(input.from, input.to))) return { ok: false, reason: 'unsupported_pair' };
    const month = monthOf(this.#now());
    if (input.monthlyBudget !== undefined && (await this.#directory.getTranslationUsage(input.siteKey, month)) + shielded.text.length > input.monthlyBudget) {
      return { ok: false, reason: 'budget_exhausted' };
    }
    const result = await provider.translate({ text: shielded.text, from: input.from, to: input.to, formality, signal: input.signal });
    if (!result.ok) return { ok: false, reason: result.failure.kind };
    // Charged whatever comes back: the provider bills the characters it was sent.
    await this.#directory.addTranslationUsage(input.siteKey, month, shielded.text.length);
    const restored = shielded.restore(result.text);
    if (restored === null) return { ok: false, reason: 'unfaithful' };
    if (restored.length > MAX_TRANSLATED_CHARS) return { ok: false, reason: 'too_long' };
    await store.putCachedTranslation({ key, text: result.text, provider: provider.id, storedAt: this.#now().toISOString() });
    return { ok: true, text: restored, provider: provider.id, isCached: false };
  }
}

function cacheKey(parts: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** A glossary change must not serve translations made without it. */
function glossaryVersion(glossary: readonly string[]): string {
  return glossary.length === 0 ? '' : createHash('sha256').update(JSON.stringify([...glossary].sort())).digest('hex').slice(0, 16);
}
