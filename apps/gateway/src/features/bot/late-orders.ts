import type { Order } from '../orders/order.ts';
import type { PlannedReply } from './bot-plan.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/u;

/** A shipped parcel whose delivery estimate has passed, and by how much. */
export interface LateDelivery {
  /** Days past the estimate, rounded to the nearest whole day, at least 1 once it has passed. */
  daysLate: number;
  /** The carrier's newer estimate, when the order data has one still ahead of `now`. */
  revised: Date | undefined;
}

/**
 * Whether a shipped order is past its estimate at `now`. An estimate given as a date only
 * ("by 27 November") runs to the end of that day. A passed estimate is never quoted as the
 * future: the caller says the parcel is late, by how much, and what happens next.
 */
export function lateDelivery(order: Order, now: Date): LateDelivery | undefined {
  if (order.status !== 'shipped' || !order.estimatedDelivery) return undefined;
  const due = dueBy(order.estimatedDelivery);
  const overdue = now.getTime() - due.getTime();
  if (overdue <= 0) return undefined;
  const revised = order.revisedDelivery === undefined ? undefined : dueBy(order.revisedDelivery);
  // Rounded, as people say it: 3 days and 23 hours late is "4 days late".
  return { daysLate: Math.max(1, Math.round(overdue / DAY_MS)), revised: revised && revised.getTime() > now.getTime() ? revised : undefined };
}

/**
 * The answer for a late parcel: the apology with how late it is, and the carrier's new
 * estimate when there is one (`needsPerson` false), else that a person will find out where
 * it is (`needsPerson` true: the caller hands off, so the sentence is true).
 */
export function lateReply(order: Order, late: LateDelivery): { reply: PlannedReply; needsPerson: boolean } {
  const values = { orderNumber: order.number, date: new Date(order.shippedAt!), eta: new Date(order.estimatedDelivery!), count: late.daysLate };
  if (late.revised) return { reply: { key: 'order.lateNewEstimate', values: { ...values, newEta: late.revised } }, needsPerson: false };
  return { reply: { key: 'order.lateHandoff', values }, needsPerson: true };
}

/** The moment an estimate runs out: a date-only value covers its whole day. */
function dueBy(value: string): Date {
  return DATE_ONLY.test(value) ? new Date(Date.parse(`${value}T00:00:00Z`) + DAY_MS) : new Date(value);
}
