/** The localStorage key of a site's visitor token, shared by the loader and the app. */
export function tokenKey(siteKey: string): string {
  return `parley:${siteKey}:visitorToken`;
}

/** The localStorage key of a site's unsent messages (see PersistedOutbox). */
export function outboxKey(siteKey: string): string {
  return `parley:${siteKey}:outbox`;
}
