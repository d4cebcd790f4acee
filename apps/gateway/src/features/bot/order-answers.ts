import type { BotStateRecord } from '../../storage/region-store.ts';
import type { Order, OrderLookup } from '../orders/order.ts';
import { answered } from './bot-plan.ts';
import type { BotTurn, PlannedReply } from './bot-plan.ts';
import { lateDelivery, lateReply } from './late-orders.ts';
import { displayDate } from '../orders/order-dates.ts';

/** Intents answered from the shopper's order; each needs an order number first. */
export const ORDER_INTENTS = new Set(['order_status', 'order_lost', 'shipping_delay', 'refund_status', 'cancel_order', 'change_address']);

/** What the order answers need beyond the order: a way to hand off, and the clock. */
export interface OrderAnswerContext {
  lookup: OrderLookup | undefined;
  now: Date;
  /** The hand-off turn (a person is coming / back at …) for answers that need a person. */
  handoff: (intent: string, lead: PlannedReply[]) => BotTurn;
}

/**
 * Answers an order question about `orderNumber`: looks the order up, then answers from its
 * status. Answers that only a person can carry out (cancel, change the address, trace a lost
 * parcel, find a late one without a new estimate) are said and handed off, and say only what
 * the hand-off makes true; a passed estimate is never quoted as the future; a number the shop
 * does not know is asked for again; a lookup that fails is said plainly and handed off.
 */
export async function answerOrderQuestion(intent: string, orderNumber: string, context: OrderAnswerContext): Promise<BotTurn> {
  const values = { orderNumber };
  if (!context.lookup) return context.handoff(intent, [{ key: 'order.lookupFailed', values }]);
  const result = await context.lookup(orderNumber);
  if (result.kind === 'not-found') {
    const state: BotStateRecord = { unknownStreak: 0, awaiting: { kind: 'order_number', intent } };
    return { intent, replies: [{ key: 'order.notFound', values }], state };
  }
  if (result.kind === 'failed') return context.handoff(intent, [{ key: 'order.lookupFailed', values }]);
  const order = result.order;
  const number = { orderNumber: order.number };
  switch (intent) {
    case 'cancel_order':
      return context.handoff(intent, [{ key: 'cancel.request', values: number }]);
    case 'change_address':
      return context.handoff(intent, [{ key: 'address.change', values: number }]);
    case 'order_lost':
      if (order.status === 'shipped' || order.status === 'delivered') {
        return context.handoff(intent, [{ key: 'order.lost', values: number }]);
      }
      return answered(intent, [statusReply(order)]);
    case 'refund_status':
      return answered(intent, [refundReply(order)]);
    default: {
      // order_status and shipping_delay: where it is, or, past its estimate, that it is late.
      const late = lateDelivery(order, context.now);
      if (!late) return answered(intent, [statusReply(order)]);
      const { reply, needsPerson } = lateReply(order, late);
      return needsPerson ? context.handoff(intent, [reply]) : answered(intent, [reply]);
    }
  }
}

/** Where the order is now, in one reply. Its date is there: the order schema requires it. */
function statusReply(order: Order): PlannedReply {
  const orderNumber = order.number;
  switch (order.status) {
    case 'processing':
      return { key: 'order.processing', values: { orderNumber, date: displayDate(order.placedAt!) } };
    case 'delivered':
      return { key: 'order.delivered', values: { orderNumber, date: displayDate(order.deliveredAt!) } };
    case 'cancelled':
      return { key: 'order.cancelled', values: { orderNumber } };
    case 'shipped': {
      const date = displayDate(order.shippedAt!);
      const eta = order.estimatedDelivery === undefined ? undefined : displayDate(order.estimatedDelivery);
      return eta ? { key: 'order.status', values: { orderNumber, date, eta } } : { key: 'order.shipped', values: { orderNumber, date } };
    }
  }
}

function refundReply(order: Order): PlannedReply {
  if (!order.refund) return { key: 'refund.pending', values: { orderNumber: order.number } };
  return { key: 'refund.status', values: { amount: order.refund.amount, date: displayDate(order.refund.issuedAt) }, currency: order.refund.currency };
}
