import type { ConsumptionTax, KnowledgeBase } from '@parley/knowledge';
import type { Site } from '../../sites/site.ts';
import type { PlannedReply } from './bot-plan.ts';

/** The `taxKind` templates name the tax by (`{{taxName}}`: VAT, GST, 消費税, sales tax). */
const TAX_KINDS: Record<ConsumptionTax['kind'], string> = { VAT: 'vat', GST: 'gst', 'consumption tax': 'consumption', 'sales tax': 'sales' };

/** A knowledge answer, and whether a person must take over (Parley has no data to answer from). */
export interface KnowledgeAnswer {
  replies: PlannedReply[];
  needsPerson: boolean;
}

/**
 * VAT: the standard rate, and the tax in an amount when the shopper named one. The amount is
 * read as the shopper says it is ("net", "plus VAT" → tax on top; "incl. VAT" → inside), else
 * as the destination's shelf prices are shown: tax-inclusive in the EU ("of the €120.00,
 * €20.00 is VAT"), tax on top in Canada. Without a national rate the bot says it has no data
 * and a person answers.
 */
export function vatReplies(knowledge: KnowledgeBase, country: string, amount: { value: number; currency: string } | undefined, basis: 'net' | 'gross' | undefined): KnowledgeAnswer {
  const tax = knowledge.consumptionTax(country);
  const answer = amount ? knowledge.vat(country, amount.value) : undefined;
  // No national rate (US), or provinces add their own on top (Canada): no single true figure.
  if (tax?.standardRate === undefined || tax.variesByRegion || (amount && !answer)) return { replies: [{ key: 'vat.noData', values: { country } }], needsPerson: true };
  const rate = tax.standardRate;
  const taxKind = TAX_KINDS[tax.kind];
  if (!amount || !answer) return { replies: [{ key: tax.pricesIncludeTax ? 'vat.rateOnly' : 'vat.rateOnlyAdded', values: { country, rate, taxKind } }], needsPerson: false };
  const isNet = (basis ?? (tax.pricesIncludeTax ? 'gross' : 'net')) === 'net';
  const reply: PlannedReply = isNet
    ? { key: 'vat.added', values: { country, rate, taxKind, amount: amount.value, vat: answer.addedVat, total: roundCents(amount.value + answer.addedVat) }, currency: amount.currency }
    : { key: 'vat.included', values: { country, rate, taxKind, amount: amount.value, vat: answer.includedVat }, currency: amount.currency };
  return { replies: [reply], needsPerson: false };
}

/**
 * Customs: up to which value a parcel clears without duty and without import tax (in the
 * destination's currency), and the papers the shopper must give the carrier (Brazil's CPF).
 * Without a rule for the destination the bot says it has no data and a person answers.
 */
export function customsReplies(knowledge: KnowledgeBase, country: string): KnowledgeAnswer {
  const rule = knowledge.importRule(country);
  if (!rule) return { replies: [{ key: 'customs.noData', values: { country } }], needsPerson: true };
  const { dutyFreeUpTo: threshold, taxFreeUpTo: taxThreshold, currency } = rule;
  const replies: PlannedReply[] = [
    threshold <= 0
      ? { key: 'customs.dutyFromFirst', values: { country } }
      : taxThreshold === threshold
        ? { key: 'customs.duties', values: { country, threshold }, currency }
        : taxThreshold <= 0
          ? { key: 'customs.dutiesTaxFromFirst', values: { country, threshold }, currency }
          : { key: 'customs.thresholds', values: { country, threshold, taxThreshold }, currency },
  ];
  if (rule.shopperMustProvide?.length) replies.push({ key: 'customs.documents', values: { country, documents: rule.shopperMustProvide.join(', ') } });
  return { replies, needsPerson: false };
}

/** Returns: the steps with the site's window, and the warehouse for the shopper's country. */
export function returnReplies(site: Site, knowledge: KnowledgeBase, country: string | undefined): PlannedReply[] {
  const replies: PlannedReply[] = [{ key: 'returns.steps', values: { days: knowledge.returnWindowDays } }];
  const entry = country ? site.returns?.addresses?.find((candidate) => candidate.countries.includes(country)) : undefined;
  // The warehouse's country is named in the shopper's language ("Países Bajos"), never as the site typed it.
  if (entry) replies.push({ key: 'returns.address', values: entry.country ? { address: entry.address, addressCountry: entry.country } : { address: entry.address } });
  return replies;
}

function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}
