/** What a shopper can want, as the bot understands it. `unknown` means: do not guess. */
export const INTENTS = [
  'order_status',
  'order_lost',
  'shipping_delay',
  'return_request',
  'refund_status',
  'cancel_order',
  'change_address',
  'payment_issue',
  'customs_duties',
  'vat_question',
  'installation_help',
  'privacy_request',
  'talk_to_human',
  'complaint',
  'greeting',
  'thanks',
  'unknown',
] as const;

/** One of INTENTS. */
export type Intent = (typeof INTENTS)[number];
