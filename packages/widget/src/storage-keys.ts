/** The localStorage key of a site's visitor token, shared by the loader and the app. */
export function tokenKey(siteKey: string): string {
  return `parley:${siteKey}:visitorToken`;
}

/** The localStorage key of a site's unsent messages (see PersistedOutbox). */
export function outboxKey(siteKey: string): string {
  return `parley:${siteKey}:outbox`;
}

/** The localStorage key of how far the shopper has read, per conversation (see LastRead). */
export function lastReadKey(siteKey: string): string {
  return `parley:${siteKey}:lastRead`;
}

/** The localStorage key of the site's last branding, so a returning shopper's launcher is the shop's at once. */
export function brandingKey(siteKey: string): string {
  return `parley:${siteKey}:branding`;
}
