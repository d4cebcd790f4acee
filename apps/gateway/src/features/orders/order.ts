import { z } from 'zod';

const Timestamp = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);
const DATE_FOR_STATUS: Partial<Record<string, 'placedAt' | 'shippedAt' | 'deliveredAt'>> = {
  processing: 'placedAt',
  shipped: 'shippedAt',
  delivered: 'deliveredAt',
};

/**
 * An order as a shop's lookup webhook returns it (and as the demo orders are written). Only
 * what the bot's answers use; extra fields a shop sends are ignored, never echoed.
 */
export const OrderSchema = z.object({
  number: z.string().min(1).max(64),
  status: z.enum(['processing', 'shipped', 'delivered', 'cancelled']),
  placedAt: Timestamp.optional(),
  shippedAt: Timestamp.optional(),
  /** When the carrier expects to deliver (shipped orders). */
  estimatedDelivery: Timestamp.optional(),
  /** The carrier's newer estimate once the first one has passed (a late parcel). */
  revisedDelivery: Timestamp.optional(),
  deliveredAt: Timestamp.optional(),
  /** ISO 3166-1 alpha-2 of the shipping address. */
  destinationCountry: z.string().regex(/^[A-Z]{2}$/).optional(),
  carrier: z.string().max(80).optional(),
  refund: z.object({ amount: z.number().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/), issuedAt: Timestamp }).optional(),
}).refine((order) => DATE_FOR_STATUS[order.status] === undefined || order[DATE_FOR_STATUS[order.status]!] !== undefined, {
  // The bot quotes this date; without it, it would have to make one up.
  message: 'processing orders need placedAt, shipped orders shippedAt, delivered orders deliveredAt',
});
/** See OrderSchema. */
export type Order = z.infer<typeof OrderSchema>;

/** Why a lookup gave no order: the shop does not know it, or it could not be asked. */
export type OrderLookupFailure = 'timeout' | 'unreachable' | 'bad-status' | 'bad-json' | 'bad-shape' | 'too-large' | 'not-configured';

/** The outcome of asking a shop about an order number. */
export type OrderLookupResult =
  | { kind: 'found'; order: Order }
  | { kind: 'not-found' }
  | { kind: 'failed'; reason: OrderLookupFailure };

/** Finds an order by the number a shopper wrote; never throws, failures are results. */
export type OrderLookup = (orderNumber: string) => Promise<OrderLookupResult>;
