import { createHmac, timingSafeEqual } from 'node:crypto';
import { ParleyError } from '@parley/protocol';
import type { VisitorIdentity } from '@parley/protocol';
import type { VisitorIdentityRecord } from '../storage/region-store.ts';
import type { Site } from '../sites/site.ts';

/**
 * Checks a shopper identity the page sent with `identify`: its `userHash` must be
 * HMAC-SHA256(site.identitySecret, userId) in hex, which only the shop's server can compute.
 * Without this, any page visitor could claim to be any customer.
 *
 * @example
 * // on the shop's server:
 * const userHash = createHmac('sha256', identitySecret).update(user.id).digest('hex');
 */
export function verifyIdentity(site: Site, identity: VisitorIdentity): VisitorIdentityRecord {
  if (!site.identitySecret) {
    throw new ParleyError('PARLEY_ERR_IDENTITY_INVALID', `Site "${site.key}" has no identitySecret, so identify cannot be verified.`);
  }
  const expected = Buffer.from(createHmac('sha256', site.identitySecret).update(identity.userId).digest('hex'));
  const given = Buffer.from(identity.userHash);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new ParleyError('PARLEY_ERR_IDENTITY_INVALID');
  }
  const record: VisitorIdentityRecord = { userId: identity.userId };
  if (identity.name) record.name = identity.name;
  if (identity.email) record.email = identity.email;
  return record;
}
