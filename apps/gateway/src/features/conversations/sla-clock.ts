import type { SiteRegistry } from '../../sites/site-registry.ts';
import { hoursFor } from '../bot/handoff-plan.ts';
import { slaDueAt } from './sla.ts';
import type { SlaClock } from './status-rules.ts';

const DEFAULT_TARGETS = { firstResponseMinutes: 5, nextResponseMinutes: 15 };

/**
 * The SLA clock of every site: first- and next-response targets from the site's `sla`
 * configuration (5 and 15 minutes by default), counted in the business hours of the
 * shopper's market, so a message at 3 a.m. is not "breached" before the team arrives.
 */
export function createSlaClock(sites: SiteRegistry): SlaClock {
  return (conversation, kind, since) => {
    const site = sites.get(conversation.siteKey);
    if (!site) return undefined;
    const targets = site.sla ?? DEFAULT_TARGETS;
    return slaDueAt({ since, kind, targets, hours: hoursFor(site, conversation.country) });
  };
}
