import type { Order } from '../orders/order.ts';
import { displayDate, estimateRunsOut, estimateStarts, isDateOnly } from '../orders/order-dates.ts';
import type { PlannedReply } from './bot-plan.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A shipped parcel whose delivery estimate has passed, and by how much. */
export interface LateDelivery {
  /** Days past the estimate, as people count them, at least 1 once it has passed. */
  daysLate: number;
  /** The carrier's newer estimate (as the order gives it), when it is still ahead of `now`. */
  revised: string | undefined;
}

/**
 * Whether a shipped order is past its estimate at `now`. A date-only estimate ("by 27
 * November") counts as passed only once that day has ended everywhere; a passed estimate is
 * never quoted as the future: the caller says the parcel is late, by how much, and what
 * happens next.
 */
export function lateDelivery(order: Order, now: Date): LateDelivery | undefined {
  if (order.status !== 'shipped' || !order.estimatedDelivery) return undefined;
  if (now.getTime() <= estimateRunsOut(order.estimatedDelivery).getTime()) return undefined;
  const overdue = now.getTime() - estimateStarts(order.estimatedDelivery).getTime();
  // A date-only estimate counts calendar days (due the 27th, asked on the 1st: 4 days late);
  // a timestamp is rounded as people say it (3 days and 23 hours late is "4 days late").
  const daysLate = Math.max(1, isDateOnly(order.estimatedDelivery) ? Math.floor(overdue / DAY_MS) : Math.round(overdue / DAY_MS));
  const revised = order.revisedDelivery !== undefined && estimateRunsOut(order.revisedDelivery).getTime() > now.getTime() ? order.revisedDelivery : undefined;
  return { daysLate, revised };
}

/**
 * The answer for a late parcel: the apology with how late it is, and the carrier's new
 * estimate when there is one (`needsPerson` false), else that a person will find out where
 * it is (`needsPerson` true: the caller hands off, so the sentence is true).
 */
export function lateReply(order: Order, late: LateDelivery): { reply: PlannedReply; needsPerson: boolean } {
  const values = { orderNumber: order.number, date: displayDate(order.shippedAt!), eta: displayDate(order.estimatedDelivery!), count: late.daysLate };
  if (late.revised) return { reply: { key: 'order.lateNewEstimate', values: { ...values, newEta: displayDate(late.revised) } }, needsPerson: false };
  return { reply: { key: 'order.lateHandoff', values }, needsPerson: true };
}
