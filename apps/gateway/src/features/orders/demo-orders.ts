import type { Order, OrderLookup } from './order.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The demo shop's sample orders, dated relative to `now` so the demo always shows a parcel on
 * its way, a late one, one still being packed and a delivered one with a refund:
 *
 * - `NL-10492` shipped 2 days ago to Germany, due in 2 days
 * - `NL-10493` shipped 12 days ago to Spain, due 4 days ago and no new estimate (late: a person
 *   finds out where it is)
 * - `NL-10496` shipped 9 days ago to France, due 2 days ago, the carrier now says in 2 days
 * - `NL-10494` placed yesterday, not shipped yet
 * - `NL-10495` delivered 6 days ago to Japan, €59.90 refunded 2 days ago
 */
export function demoOrders(now: Date): Order[] {
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS).toISOString();
  return [
    { number: 'NL-10492', status: 'shipped', placedAt: at(-3), shippedAt: at(-2), estimatedDelivery: at(2), destinationCountry: 'DE', carrier: 'DHL' },
    { number: 'NL-10493', status: 'shipped', placedAt: at(-13), shippedAt: at(-12), estimatedDelivery: at(-4), destinationCountry: 'ES', carrier: 'Correos' },
    { number: 'NL-10494', status: 'processing', placedAt: at(-1) },
    { number: 'NL-10496', status: 'shipped', placedAt: at(-10), shippedAt: at(-9), estimatedDelivery: at(-2), revisedDelivery: at(2), destinationCountry: 'FR', carrier: 'Colissimo' },
    {
      number: 'NL-10495',
      status: 'delivered',
      placedAt: at(-14),
      shippedAt: at(-12),
      deliveredAt: at(-6),
      destinationCountry: 'JP',
      carrier: 'Japan Post',
      refund: { amount: 59.9, currency: 'EUR', issuedAt: at(-2) },
    },
  ];
}

/** Looks orders up among the demo orders; `10492` finds `NL-10492` too. */
export function demoOrderLookup(clock: () => Date = () => new Date()): OrderLookup {
  return async (orderNumber) => {
    const wanted = orderNumber.toUpperCase().replace(/^#/u, '');
    const order = demoOrders(clock()).find((candidate) => candidate.number === wanted || candidate.number.endsWith(`-${wanted}`));
    return order ? { kind: 'found', order } : { kind: 'not-found' };
  };
}
