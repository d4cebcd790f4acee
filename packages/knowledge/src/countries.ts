import { CONSUMPTION_TAXES } from './consumption-taxes.ts';
import { EU_COUNTRIES, IMPORT_RULES } from './import-rules.ts';

/**
 * Why a covered country lacks a consumption tax or an import rule. A country without a sourced
 * fact is left out rather than guessed; these are the deliberate gaps.
 */
export const KNOWLEDGE_GAPS: Readonly<Record<string, string>> = {
  HK: 'No import rule: Hong Kong is a free port with no duty or import tax on general goods (only liquor, tobacco, hydrocarbons and methyl alcohol are dutiable), which a value threshold cannot express.',
  EG: 'No import rule: no official source found for a de minimis on parcels into Egypt; carrier guides disagree.',
};

/**
 * Every country (ISO 3166-1 alpha-2, sorted) with at least one built-in fact: a consumption tax,
 * an import rule of its own, or the EU import rule. Use `KnowledgeBase.countries()` for a site's
 * list, which adds the countries its overrides name.
 */
export const KNOWLEDGE_COUNTRIES: readonly string[] = [
  ...new Set([...CONSUMPTION_TAXES.map((tax) => tax.country), ...IMPORT_RULES.map((rule) => rule.country).filter((code) => code !== 'EU'), ...EU_COUNTRIES]),
].sort();
