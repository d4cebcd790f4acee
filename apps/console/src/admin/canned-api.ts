import { restCall } from '../auth/rest.ts';

/** A site an admin may manage (`GET /v1/admin/sites`). */
export interface AdminSite {
  key: string;
  name: string;
  defaultLocale: string;
}

/** A site's own canned reply as the gateway stores it. */
export interface SiteCannedReply {
  key: string;
  title: string;
  /** Body per locale or language tag (`de`, `de-DE`). */
  bodies: Record<string, string>;
  updatedAt: string;
  /** The agent id of the last writer. */
  updatedBy: string;
}

/**
 * The admin's canned-reply calls, bound to the session's CSRF token (the gateway refuses cookie
 * writes without it). Each rejects with the gateway's coded ParleyError.
 */
export interface CannedAdminApi {
  /** `GET /v1/admin/sites`. */
  sites(): Promise<AdminSite[]>;
  /** `GET /v1/admin/sites/:siteKey/canned-replies`. */
  list(siteKey: string): Promise<SiteCannedReply[]>;
  /** `PUT /v1/admin/sites/:siteKey/canned-replies/:key` (creates or replaces). */
  save(siteKey: string, key: string, reply: { title: string; bodies: Record<string, string> }): Promise<SiteCannedReply>;
  /** `DELETE /v1/admin/sites/:siteKey/canned-replies/:key`; false when it was gone already. */
  remove(siteKey: string, key: string): Promise<boolean>;
}

const repliesUrl = (siteKey: string) => `/v1/admin/sites/${encodeURIComponent(siteKey)}/canned-replies`;
const replyUrl = (siteKey: string, key: string) => `${repliesUrl(siteKey)}/${encodeURIComponent(key)}`;

/** The canned-reply admin calls for the session whose CSRF token is `csrfToken`. */
export function createCannedAdminApi(csrfToken: string): CannedAdminApi {
  return {
    sites: async () => (await restCall<{ sites: AdminSite[] }>('/v1/admin/sites')).sites,
    list: async (siteKey) => (await restCall<{ replies: SiteCannedReply[] }>(repliesUrl(siteKey))).replies,
    save: (siteKey, key, reply) => restCall<SiteCannedReply>(replyUrl(siteKey, key), { method: 'PUT', body: reply, csrfToken }),
    remove: async (siteKey, key) => (await restCall<{ deleted: boolean }>(replyUrl(siteKey, key), { method: 'DELETE', csrfToken })).deleted,
  };
}
