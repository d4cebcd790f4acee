/**
 * `@parley/knowledge`: cross-border facts as data, each with a source and an as-of date,
 * overridable per site. Pure: no I/O. The gateway's bot answers VAT, customs and returns
 * questions from it, and says when the team is back from its business hours.
 */
export { createKnowledgeBase, EU_WITHDRAWAL, KnowledgeBase } from './knowledge-base.ts';
export type { KnowledgeOverrides, VatAnswer } from './knowledge-base.ts';
export { CONSUMPTION_TAXES } from './consumption-taxes.ts';
export { EU_COUNTRIES, IMPORT_RULES } from './import-rules.ts';
export { KNOWLEDGE_COUNTRIES, KNOWLEDGE_GAPS } from './countries.ts';
export type { ConsumptionTax, ConsumptionTaxOverride, ImportRule, Provenance } from './fact.ts';
export { closesAt, isOpen, nextOpening, zonedTimeToUtc } from './business-hours.ts';
export type { BusinessHours, Weekday } from './business-hours.ts';
