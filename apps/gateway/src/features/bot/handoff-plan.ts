import { closesAt, nextOpening } from '@parley/knowledge';
import type { BusinessHours } from '@parley/knowledge';
import type { Site } from '../../sites/site.ts';
import type { PlannedReply } from './bot-plan.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The team hours that apply to a shopper: their country's market, else the site's default. */
export function hoursFor(site: Site, country: string | undefined): BusinessHours | undefined {
  if (!site.support) return undefined;
  const market = country ? site.support.markets?.find((candidate) => candidate.countries.includes(country)) : undefined;
  return market?.hours ?? site.support.hours;
}

/**
 * What the bot says when it hands a conversation to a person, told from what is true now.
 * The conversation is always queued in the agents' inbox, so every text says so or follows
 * from it, and none promises a reply time the shop did not state:
 *
 * - an agent who may take it is online → a person is joining (with the shop's own "typically
 *   replies within" when the site sets one);
 * - within the team's hours but nobody free (or presence unknown) → queued, the team works
 *   until HH:MM on the shopper's clock, and an email is welcome;
 * - outside the hours → queued, back at HH:MM (or on a date when more than a day away);
 * - no hours configured → queued, leave an email.
 *
 * `awaitsEmail` tells the bot to turn the next email into a ticket.
 */
export function handoffReplies(site: Site, country: string | undefined, now: Date, isAgentAvailable?: boolean): { replies: PlannedReply[]; awaitsEmail: boolean } {
  if (isAgentAvailable === true) {
    const minutes = site.branding?.typicalReplyMinutes;
    const reply: PlannedReply = minutes ? { key: 'handoff.connectingTypical', values: { minutes } } : { key: 'handoff.connecting' };
    return { replies: [reply], awaitsEmail: false };
  }
  const hours = hoursFor(site, country);
  if (!hours) return { replies: [{ key: 'offline.leaveEmail' }], awaitsEmail: true };
  const closing = closesAt(hours, now);
  if (closing) return { replies: [{ key: 'handoff.queued', values: { time: closing } }], awaitsEmail: true };
  const opening = nextOpening(hours, now);
  if (!opening) return { replies: [{ key: 'offline.leaveEmail' }], awaitsEmail: true };
  const isWithinADay = opening.getTime() - now.getTime() < DAY_MS;
  const reply: PlannedReply = isWithinADay
    ? { key: 'offline.backAt', values: { time: opening } }
    : { key: 'offline.backOn', values: { date: opening, time: opening } };
  return { replies: [reply], awaitsEmail: true };
}
