import { z } from 'zod';
import { AgentProfileSchema, ApiTokenScopeSchema } from '@parley/protocol';

/** A 6-digit code from an authenticator app. */
export const TotpCodeSchema = z.string().regex(/^\d{6}$/);

/** `POST`/`GET /v1/agent/session`: who is signed in, the CSRF token and when the session ends. */
export const SessionResponseSchema = z.object({
  agent: AgentProfileSchema,
  /** Send it back in `X-CSRF-Token` on every POST, PUT, PATCH and DELETE. */
  csrfToken: z.string(),
  /** The absolute end of the session (it also ends after 12 idle hours). */
  expiresAt: z.iso.datetime(),
  isTotpEnabled: z.boolean(),
  /** Two-factor is mandatory and not set up yet: the console shows the setup screen only. */
  isTotpSetupRequired: z.boolean(),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

/** `POST /v1/agent/totp`: the secret to put in an authenticator app (not active until confirmed). */
export const TotpSetupResponseSchema = z.object({
  /** Unpadded base32, for typing in by hand. */
  secret: z.string(),
  /** `otpauth://totp/Parley:<email>?…`, for a QR code. */
  otpauthUrl: z.string(),
});

/** `POST /v1/agent/totp/confirm` and `DELETE /v1/agent/totp`: a current code. */
export const TotpCodeRequestSchema = z.object({ totp: TotpCodeSchema });

/** Answer of the two-factor confirm and disable calls. */
export const TotpStatusResponseSchema = z.object({ isTotpEnabled: z.boolean() });

/** `GET`/`PUT /v1/admin/settings`. */
export const WorkspaceSettingsSchema = z.object({ isTotpRequired: z.boolean() });

/** `POST /v1/agent/tokens`. */
export const CreateApiTokenRequestSchema = z.object({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(ApiTokenScopeSchema).min(1).max(10),
});

/** An API token as listed: never its secret, which only the creation answer carries. */
export const ApiTokenSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(ApiTokenScopeSchema),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().optional(),
  revokedAt: z.iso.datetime().optional(),
});

/** `POST /v1/agent/tokens` answer: `token` is shown this once; only its SHA-256 is kept. */
export const CreatedApiTokenResponseSchema = ApiTokenSummarySchema.pick({ id: true, name: true, scopes: true, createdAt: true }).extend({
  token: z.string(),
});

/** `GET /v1/agent/tokens` answer. */
export const ApiTokenListResponseSchema = z.object({ tokens: z.array(ApiTokenSummarySchema) });

/** `DELETE /v1/agent/tokens/:id`. */
export const ApiTokenParamsSchema = z.object({ id: z.string().min(1).max(64) });
