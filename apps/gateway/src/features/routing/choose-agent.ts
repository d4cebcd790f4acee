import type { Region } from '@parley/protocol';
import type { AgentRecord } from '../../storage/directory/directory-store.ts';
import type { ConversationRecord } from '../../storage/region-store.ts';
import { isSiteAllowed, regionsOf } from '../agent/access.ts';

/** An online agent and how many open conversations they hold now. */
export interface RoutingCandidate {
  agent: AgentRecord;
  load: number;
}

/** The primary language subtag of a locale: `ja-JP` → `ja`, `zh-Hant` → `zh`. */
export function languageOf(locale: string): string {
  return (locale.split('-')[0] ?? locale).toLowerCase();
}

/** Whether the agent may take this conversation at all (site and region). */
export function mayTake(agent: AgentRecord, region: Region, conversation: Pick<ConversationRecord, 'siteKey'>): boolean {
  return !agent.isDisabled && regionsOf(agent).includes(region) && isSiteAllowed(agent, conversation.siteKey);
}

/**
 * Who gets a queued conversation: an online agent allowed on its site and region, under
 * capacity, who speaks its language, least loaded first; with no language match, any such
 * agent (live translation bridges the gap later); nobody → undefined (it waits in the queue).
 * Ties go to the agent who has waited longest since their last assignment is not tracked yet,
 * so to the lowest id: deterministic, which tests and people both like.
 */
export function chooseAgent(candidates: readonly RoutingCandidate[], region: Region, conversation: Pick<ConversationRecord, 'siteKey' | 'locale'>): AgentRecord | undefined {
  const language = languageOf(conversation.locale);
  const eligible = candidates.filter(({ agent, load }) => mayTake(agent, region, conversation) && load < agent.capacity);
  const speakers = eligible.filter(({ agent }) => agent.languages.includes(language));
  const pool = speakers.length > 0 ? speakers : eligible;
  const sorted = [...pool].sort((a, b) => a.load - b.load || a.agent.id.localeCompare(b.agent.id));
  return sorted[0]?.agent;
}
