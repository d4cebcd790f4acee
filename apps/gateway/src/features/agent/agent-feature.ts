import type { FastifyBaseLogger } from 'fastify';
import type { Region } from '@parley/protocol';
import { DEFAULT_ORDER_PATTERNS } from '@parley/understanding';
import type { ClientIpOf } from '../../security/client-ip.ts';
import type { SocketRateLimits } from '../../security/rate-limits.ts';
import type { Authenticator } from '../accounts/principal.ts';
import type { SiteRegistry } from '../../sites/site-registry.ts';
import type { SiteServices } from '../../sites/site-services.ts';
import type { DirectoryStore } from '../../storage/directory/directory-store.ts';
import type { ConversationRecord } from '../../storage/region-store.ts';
import type { ConversationService } from '../conversations/conversation-service.ts';
import type { AssignmentRouter } from '../routing/assignment-router.ts';
import type { ConversationTranslation } from '../translation/conversation-translation.ts';
import type { MaskingOptions } from './agent-views.ts';
import type { AgentNamespace } from './agent-types.ts';
import type { ConversationLocator } from './locate-conversation.ts';
import type { PresenceTracker } from './presence.ts';
import type { ViewerRegistry } from './viewers.ts';

/** Everything the `/agent` namespace's handlers share. */
export interface AgentFeature {
  namespace: AgentNamespace;
  conversations: ConversationService;
  directory: DirectoryStore;
  presence: PresenceTracker;
  routing: AssignmentRouter;
  viewers: ViewerRegistry;
  locator: ConversationLocator;
  sites: SiteRegistry;
  services: SiteServices;
  limits: SocketRateLimits;
  /** The client's IP by the gateway's one proxy rule (rate limits are per IP). */
  ipOf: ClientIpOf;
  log: FastifyBaseLogger;
  now: () => Date;
  /** Re-authenticates open agent sockets this often (30 s). */
  authenticator: Authenticator;
  recheckAuthMs: number;
  /** Live translation between the shopper's language and each agent's. */
  translation: ConversationTranslation;
}

/** Another agent's reply this recent makes a send ask "send anyway?" first. */
export const RECENT_REPLY_MS = 10_000;

/** How to mask one conversation for agents: its site's order formats stay readable. */
export function maskingFor(feature: Pick<AgentFeature, 'sites' | 'services'>, conversation: Pick<ConversationRecord, 'siteKey' | 'country' | 'locale'>): MaskingOptions {
  const site = feature.sites.get(conversation.siteKey);
  const own = site ? feature.services.orderPatterns(site) : undefined;
  // A national number ("0151 12345678") needs a country to be recognised: the shopper's, else
  // the region of the conversation's locale (de-DE → DE), else the site's home (en-US → US).
  const regionOf = (locale: string | undefined) => (locale ? /-([A-Z]{2})\b/.exec(locale)?.[1] : undefined);
  const defaultCountry = conversation.country ?? regionOf(conversation.locale) ?? regionOf(site?.defaultLocale);
  // Parley's default formats minus the bare digit run (/\b(\d{5,12})\b/): kept readable, it
  // would keep "0501234567" too. A site whose order numbers are bare digits says so itself.
  const defaults = DEFAULT_ORDER_PATTERNS.filter((pattern) => !/^\\b\(\\d/.test(pattern.source));
  return { keepPatterns: [...(own ?? []), ...defaults], defaultCountry };
}

/** The region and record of a conversation event, for fan-out checks. */
export interface RegionalRecord {
  region: Region;
  conversation: ConversationRecord;
}
