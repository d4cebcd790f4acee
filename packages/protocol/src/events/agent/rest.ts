import { z } from 'zod';
import { ConversationStatusSchema, MessageTextSchema, RegionSchema } from '../common.ts';

/** `POST /v1/agent/session` — sign in; sets the session cookie and answers the CSRF token. */
export const AgentLoginRequestSchema = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(1024),
  /** The 6-digit code from the agent's authenticator app, when two-factor is on. */
  totp: z.string().regex(/^\d{6}$/).optional(),
});
export type AgentLoginRequest = z.infer<typeof AgentLoginRequestSchema>;

/** Scopes an API token can carry. */
export const API_TOKEN_SCOPES = ['conversations:read', 'conversations:write', 'agents:admin'] as const;
export const ApiTokenScopeSchema = z.enum(API_TOKEN_SCOPES);
export type ApiTokenScope = z.infer<typeof ApiTokenScopeSchema>;

/** `POST /v1/conversations/:id/messages` — an agent message through an API token. */
export const RestAgentMessageSchema = z.object({ clientMsgId: z.uuid(), text: MessageTextSchema });
/** `PATCH /v1/conversations/:id` — change status and/or assignee. */
export const RestConversationPatchSchema = z.object({
  status: ConversationStatusSchema.exclude(['bot']).optional(),
  snoozedUntil: z.iso.datetime().optional(),
  assigneeId: z.string().min(1).max(64).nullable().optional(),
});
export const RestConversationQuerySchema = z.object({
  region: RegionSchema.optional(),
  status: ConversationStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
