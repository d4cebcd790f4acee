import { ParleyError, REGIONS } from '@parley/protocol';
import type { Region } from '@parley/protocol';
import type { AgentRecord } from '../../storage/directory/directory-store.ts';
import type { ConversationRecord } from '../../storage/region-store.ts';
import { toAgentProfile } from '../accounts/agent-profile.ts';

/**
 * Who may read and act on what. Residency is also who may read: an agent barred from `eu`
 * never receives an EU conversation, not even as a preview in a list. An `agent` sees the
 * queue and their own conversations only; supervisors and admins see every conversation of
 * their sites and regions.
 */

/** The regions an agent may read, in the catalogue's order. */
export function regionsOf(agent: AgentRecord): Region[] {
  return agent.regions ? REGIONS.filter((region) => agent.regions!.includes(region)) : [...REGIONS];
}

/** Whether the agent may work on this site at all. */
export function isSiteAllowed(agent: AgentRecord, siteKey: string): boolean {
  return agent.sites === null || agent.sites.includes(siteKey);
}

/** Supervisors and admins oversee; agents take the queue and their own. */
export function isOverseer(agent: AgentRecord): boolean {
  return agent.role === 'admin' || agent.role === 'supervisor';
}

/** Whether the agent may see this conversation (in a list, an event, or opened). */
export function maySee(agent: AgentRecord, region: Region, conversation: ConversationRecord): boolean {
  if (!regionsOf(agent).includes(region) || !isSiteAllowed(agent, conversation.siteKey)) return false;
  return isOverseer(agent) || !conversation.assigneeId || conversation.assigneeId === agent.id;
}

/** Throws the precise refusal when the agent may not read the conversation. */
export function assertMayRead(agent: AgentRecord, region: Region, conversation: ConversationRecord): void {
  if (!regionsOf(agent).includes(region)) throw new ParleyError('PARLEY_ERR_FORBIDDEN_REGION', undefined, { region });
  if (!isSiteAllowed(agent, conversation.siteKey)) throw new ParleyError('PARLEY_ERR_FORBIDDEN_SITE', undefined, { siteKey: conversation.siteKey });
  if (!maySee(agent, region, conversation)) throw new ParleyError('PARLEY_ERR_CONVERSATION_NOT_ASSIGNED');
}

/**
 * Whether the agent may reply, write notes or change status: overseers always; an agent when
 * it is theirs or still unassigned (replying to a queued conversation takes it).
 */
export function assertMayAct(agent: AgentRecord, region: Region, conversation: ConversationRecord): void {
  assertMayRead(agent, region, conversation);
}

/**
 * Assignment rules: anyone allowed may take an unassigned conversation for themselves or give
 * up their own; an agent may hand their own to a colleague; only overseers take a
 * conversation away from another agent.
 */
export function assertMayAssign(agent: AgentRecord, region: Region, conversation: ConversationRecord, to: string | null): void {
  assertMayRead(agent, region, conversation);
  if (isOverseer(agent)) return;
  const current = conversation.assigneeId ?? null;
  const isTakingQueued = current === null && to === agent.id;
  const isOwn = current === agent.id;
  if (!isTakingQueued && !isOwn) throw new ParleyError('PARLEY_ERR_FORBIDDEN_ROLE', 'Only supervisors reassign conversations.');
}

/** Whether the agent may reveal a masked value (the role's default unless set per agent). */
export function mayReveal(agent: AgentRecord): boolean {
  return toAgentProfile(agent).canRevealPersonalData;
}
