import type { ConversationContext, Message, Region } from '@parley/protocol';
import { extractEntities } from '@parley/understanding';
import type { Site } from '../../sites/site.ts';
import type { SiteServices } from '../../sites/site-services.ts';
import type { ConversationRecord, RegionStore } from '../../storage/region-store.ts';
import { maskText } from '../privacy/masking.ts';
import type { MaskingOptions } from './agent-views.ts';

const EARLIER_MAX = 10;
const ORDERS_MAX = 3;

/** What the context panel needs to read. */
export interface ContextInput {
  region: Region;
  conversation: ConversationRecord;
  messages: readonly Message[];
  store: RegionStore;
  site: Site | undefined;
  services: SiteServices;
  masking: MaskingOptions;
}

/**
 * Everything beside the conversation that helps an agent answer: the locale and why, country,
 * region, time zone (the console shows the shopper's clock), page, identified user (email
 * masked), earlier conversations in this region only, and the orders named in it, looked up
 * through the site's own order webhook at the moment the agent opens it.
 */
export async function buildContext(input: ContextInput): Promise<ConversationContext> {
  const { conversation, store } = input;
  const context: ConversationContext = { locale: conversation.locale, region: input.region, earlier: [], orders: [], tickets: [] };
  if (conversation.localeSource) context.localeSource = conversation.localeSource;
  if (conversation.localeCandidates) context.localeCandidates = conversation.localeCandidates;
  if (conversation.country) context.country = conversation.country;
  if (conversation.timeZone) context.timeZone = conversation.timeZone;
  if (conversation.pageUrl) context.pageUrl = conversation.pageUrl;
  const visitor = await store.getVisitor(conversation.visitorId);
  if (visitor?.identity) {
    const { userId, name, email } = visitor.identity;
    // A shop may use an email or a phone as the user id: masked like any other contact field.
    context.identity = { userId: maskText(userId, input.masking).text, ...(name ? { name } : {}), ...(email ? { email: maskText(email, input.masking).text } : {}) };
  }
  const subject = { visitorId: conversation.visitorId, userId: visitor?.identity?.userId };
  const earlier = await store.listConversationsOf(subject, EARLIER_MAX + 1);
  // The same user id on another site is another shop's customer: never shown across sites.
  context.earlier = earlier
    .filter((other) => other.id !== conversation.id && other.siteKey === conversation.siteKey)
    .slice(0, EARLIER_MAX)
    .map((other) => ({ id: other.id, createdAt: other.createdAt, status: other.status ?? 'bot' }));
  context.orders = await lookUpOrders(input);
  const tickets = await store.listTickets(conversation.id);
  context.tickets = tickets.map((ticket) => ({ id: ticket.id, email: maskText(ticket.email, input.masking).text, createdAt: ticket.createdAt }));
  return context;
}

async function lookUpOrders(input: ContextInput): Promise<ConversationContext['orders']> {
  const numbers = new Set<string>();
  if (input.conversation.botSummary?.orderNumber) numbers.add(input.conversation.botSummary.orderNumber);
  const patterns = input.site ? input.services.orderPatterns(input.site) : undefined;
  for (const message of input.messages) {
    if (message.author.kind !== 'visitor') continue;
    // Read from the masked text: a phone's digits are not an order number to look up.
    for (const number of extractEntities(maskText(message.text, input.masking).text, patterns).orderNumbers) numbers.add(number);
  }
  const lookup = input.site ? input.services.orderLookup(input.site) : undefined;
  const wanted = [...numbers].slice(0, ORDERS_MAX);
  if (!lookup) return wanted.map((number) => ({ number, error: 'not-configured' }));
  return Promise.all(
    wanted.map(async (number) => {
      const result = await lookup(number);
      if (result.kind === 'found') {
        const order = result.order;
        // The calendar date is what an agent needs; the console formats nothing inside it.
        const eta = order.estimatedDelivery?.slice(0, 10);
        const summary = [order.carrier, order.destinationCountry, eta && `ETA ${eta}`].filter(Boolean).join(' · ');
        return summary ? { number, status: order.status, summary } : { number, status: order.status };
      }
      return { number, error: result.kind === 'not-found' ? 'not-found' : result.reason };
    }),
  );
}
