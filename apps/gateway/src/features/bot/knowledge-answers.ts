import type { KnowledgeBase } from '@parley/knowledge';
import type { Site } from '../../sites/site.ts';
import type { PlannedReply } from './bot-plan.ts';

/**
 * VAT: the standard rate, and the amount when the shopper named one ("€120 to France": 20 %,
 * €20.00 included). The amount is read as the consumer price, which in the EU includes VAT.
 * Undefined when Parley has no national rate (the US has only state sales taxes).
 */
export function vatReplies(knowledge: KnowledgeBase, country: string, amount: { value: number; currency: string } | undefined): PlannedReply[] | undefined {
  const tax = knowledge.consumptionTax(country);
  if (tax?.standardRate === undefined) return undefined;
  if (!amount) return [{ key: 'vat.rateOnly', values: { country, rate: tax.standardRate } }];
  const answer = knowledge.vat(country, amount.value);
  if (!answer) return undefined;
  return [{ key: 'vat.rate', values: { country, rate: answer.rate, amount: amount.value, vat: answer.includedVat }, currency: amount.currency }];
}

/**
 * Customs: from which value duties apply (in the destination's currency), and the papers the
 * shopper must give the carrier (Brazil's CPF). Undefined for destinations Parley has no rule for.
 */
export function customsReplies(knowledge: KnowledgeBase, country: string): PlannedReply[] | undefined {
  const rule = knowledge.importRule(country);
  if (!rule) return undefined;
  const replies: PlannedReply[] = [
    rule.dutyFreeUpTo > 0
      ? { key: 'customs.duties', values: { country, threshold: rule.dutyFreeUpTo }, currency: rule.currency }
      : { key: 'customs.dutyFromFirst', values: { country } },
  ];
  if (rule.shopperMustProvide?.length) replies.push({ key: 'customs.documents', values: { country, documents: rule.shopperMustProvide.join(', ') } });
  return replies;
}

/** Returns: the steps with the site's window, and the warehouse for the shopper's country. */
export function returnReplies(site: Site, knowledge: KnowledgeBase, country: string | undefined): PlannedReply[] {
  const replies: PlannedReply[] = [{ key: 'returns.steps', values: { days: knowledge.returnWindowDays } }];
  const address = country ? site.returns?.addresses?.find((entry) => entry.countries.includes(country))?.address : undefined;
  if (address) replies.push({ key: 'returns.address', values: { address } });
  return replies;
}
