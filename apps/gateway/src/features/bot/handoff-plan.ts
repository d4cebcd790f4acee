import { isOpen, nextOpening } from '@parley/knowledge';
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
 * What the bot says when it hands a conversation to a person, told from presence first: an
 * agent who may take it is online → a person is joining. Nobody online (or, when presence is
 * not known, outside the team's hours): when the team is back, as a time on the shopper's
 * clock ("back at 09:00"), with the day too when that is more than a day away, or, within
 * hours with nobody there, simply an invitation to leave an email. `awaitsEmail` tells the bot
 * to turn the next email into a ticket. Every hand-off is queued in the inbox either way.
 */
export function handoffReplies(site: Site, country: string | undefined, now: Date, isAgentAvailable?: boolean): { replies: PlannedReply[]; awaitsEmail: boolean } {
  if (isAgentAvailable === true) return { replies: [{ key: 'handoff.connecting' }], awaitsEmail: false };
  const hours = hoursFor(site, country);
  const isWithinHours = !hours || isOpen(hours, now);
  if (isWithinHours && isAgentAvailable === undefined) return { replies: [{ key: 'handoff.connecting' }], awaitsEmail: false };
  if (!hours || isWithinHours) return { replies: [{ key: 'offline.leaveEmail' }], awaitsEmail: true };
  const opening = nextOpening(hours, now);
  if (!opening) return { replies: [{ key: 'offline.leaveEmail' }], awaitsEmail: true };
  const isWithinADay = opening.getTime() - now.getTime() < DAY_MS;
  const reply: PlannedReply = isWithinADay
    ? { key: 'offline.backAt', values: { time: opening } }
    : { key: 'offline.backOn', values: { date: opening, time: opening } };
  return { replies: [reply], awaitsEmail: true };
}
