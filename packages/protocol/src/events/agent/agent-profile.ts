import { z } from 'zod';
import { LocaleTagSchema, RegionSchema, safeString } from '../common.ts';

/** What an account may do. `admin`: agents, sites, everything. `supervisor`: every conversation
 * of their sites and regions, reassigns. `agent`: unassigned and their own, in their sites and regions. */
export const AGENT_ROLES = ['admin', 'supervisor', 'agent'] as const;
export const AgentRoleSchema = z.enum(AGENT_ROLES);
export type AgentRole = z.infer<typeof AgentRoleSchema>;

/** Online: takes new conversations. Away: signed in, takes none. Offline: no open console. */
export const PRESENCE_STATUSES = ['online', 'away', 'offline'] as const;
export const PresenceStatusSchema = z.enum(PRESENCE_STATUSES);
export type PresenceStatus = z.infer<typeof PresenceStatusSchema>;

/** An agent as the console and other agents see them (no password, no secrets). */
export const AgentProfileSchema = z.object({
  agentId: z.string(),
  email: z.string(),
  name: safeString(80),
  role: AgentRoleSchema,
  /** Languages they answer in (BCP 47 primary tags: `de`, `ja`). */
  languages: z.array(z.string()),
  /** Sites they may work on; `null` means every site. */
  sites: z.array(z.string()).nullable(),
  /** Regions whose conversations they may read; `null` means every region. */
  regions: z.array(RegionSchema).nullable(),
  /** Open conversations they take at once before routing passes them by. */
  capacity: z.int().positive(),
  /** The console's language and time zone for this agent. */
  uiLocale: LocaleTagSchema.optional(),
  timeZone: z.string().optional(),
  /** Whether they may reveal a masked value (admins and supervisors may by default). */
  canRevealPersonalData: z.boolean(),
});
export type AgentProfile = z.infer<typeof AgentProfileSchema>;

/** Another agent's presence, as every agent of the workspace sees it. */
export interface AgentPresence {
  agentId: string;
  name: string;
  status: PresenceStatus;
  /** Open conversations assigned to them now. */
  load: number;
}
