import { restCall } from './rest.ts';

/** A setup in progress: the secret for an authenticator app (not active until confirmed). */
export interface TotpSetup {
  /** Unpadded base32, for typing in by hand. */
  secret: string;
  /** `otpauth://totp/Parley:<email>?…`, shown as a QR code. */
  otpauthUrl: string;
}

/** The workspace's sign-in rules (`/v1/admin/settings`, admins only). */
export interface WorkspaceSettings {
  isTotpRequired: boolean;
}

/**
 * The signed-in agent's two-factor calls and the admin's workspace switch, bound to the
 * session's CSRF token. Each rejects with the gateway's coded ParleyError.
 */
export interface TotpApi {
  /** Starts (or restarts) a setup: `POST /v1/agent/totp`. */
  start(): Promise<TotpSetup>;
  /** Turns two-factor on with a first code: `POST /v1/agent/totp/confirm`. */
  confirm(totp: string): Promise<{ isTotpEnabled: boolean }>;
  /** Turns it off with a current code: `DELETE /v1/agent/totp` (refused while mandatory). */
  disable(totp: string): Promise<{ isTotpEnabled: boolean }>;
  /** `GET /v1/admin/settings`. */
  settings(): Promise<WorkspaceSettings>;
  /** `PUT /v1/admin/settings` (refused until the admin has two-factor on). */
  setTotpRequired(isTotpRequired: boolean): Promise<WorkspaceSettings>;
}

/** The two-factor REST calls for the session whose CSRF token is `csrfToken`. */
export function createTotpApi(csrfToken: string): TotpApi {
  return {
    start: () => restCall('/v1/agent/totp', { method: 'POST', csrfToken }),
    confirm: (totp) => restCall('/v1/agent/totp/confirm', { method: 'POST', body: { totp }, csrfToken }),
    disable: (totp) => restCall('/v1/agent/totp', { method: 'DELETE', body: { totp }, csrfToken }),
    settings: () => restCall('/v1/admin/settings'),
    setTotpRequired: (isTotpRequired) => restCall('/v1/admin/settings', { method: 'PUT', body: { isTotpRequired }, csrfToken }),
  };
}
