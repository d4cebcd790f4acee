import { randomUUID } from 'node:crypto';
import { ParleyError } from '@parley/protocol';
import type { LocaleHints } from '@parley/culture';
import { validTimeZone } from '@parley/culture';
import { decideLocale } from './visitor-locale.ts';
import type { RegionRouter } from '../../regions/region-router.ts';
import type { VisitorTokenSigner } from '../../security/visitor-token.ts';
import type { Site } from '../../sites/site.ts';
import type { VisitorIdentityRecord } from '../../storage/region-store.ts';
import type { VisitorContext } from './visitor-types.ts';

/** Inputs to resolve a connecting visitor into a session context. */
export interface ResolveVisitorInput {
  site: Site;
  visitorToken: string | undefined;
  ip: string;
  country: string | undefined;
  /** IANA time zone the browser reported. */
  timeZone?: string | undefined;
  /** Locale hints from the handshake; the resumed conversation may add the shopper's writing. */
  localeHints: LocaleHints;
  /** A verified identity to attach to the visitor (identify). */
  identity?: VisitorIdentityRecord | undefined;
  /** The page the widget was opened on (origin and path). */
  pageUrl?: string | undefined;
}

/**
 * Turns a handshake into a visitor context: resumes the visitor and conversation a valid token
 * names (looking only in the region the token names), or creates both in the region the site's
 * residency policy picks. A token that fails verification, or names data that no longer exists,
 * is refused with PARLEY_ERR_TOKEN_INVALID rather than silently replaced, so the client knows
 * to forget it.
 */
export class VisitorSessions {
  readonly #router: RegionRouter;
  readonly #signer: VisitorTokenSigner;

  constructor(deps: { router: RegionRouter; signer: VisitorTokenSigner }) {
    this.#router = deps.router;
    this.#signer = deps.signer;
  }

  async resolve(input: ResolveVisitorInput): Promise<VisitorContext> {
    const context = await this.#resumeOrCreate(input);
    if (input.identity) {
      const store = this.#router.store(context.region);
      await store.setVisitorIdentity(context.visitorId, input.identity);
      // Kept on the conversation too, so an agent sees the same user's earlier conversations.
      await store.updateConversation(context.conversationId, { userId: input.identity.userId });
    }
    return context;
  }

  async #resumeOrCreate(input: ResolveVisitorInput): Promise<VisitorContext> {
    const base = { site: input.site, ip: input.ip, timeZone: validTimeZone(input.timeZone), country: countryCode(input.country), pageUrl: input.pageUrl };
    if (input.visitorToken) {
      const claims = this.#signer.verify(input.visitorToken);
      if (!claims || claims.siteKey !== input.site.key) throw new ParleyError('PARLEY_ERR_TOKEN_INVALID');
      const conversation = await this.#router.store(claims.region).getConversation(claims.conversationId);
      if (!conversation || conversation.visitorId !== claims.visitorId) {
        throw new ParleyError('PARLEY_ERR_TOKEN_INVALID', 'The visitor token names a conversation this gateway no longer has.');
      }
      // A v1 token carries no expiry: it lives as long after the conversation's last activity.
      const expiresAt = claims.expiresAt?.getTime() ?? Date.parse(conversation.updatedAt ?? conversation.createdAt) + this.#signer.lifetimeMs;
      if (expiresAt <= Date.now()) {
        throw new ParleyError('PARLEY_ERR_TOKEN_INVALID', 'The visitor token has expired; start without it.', { reason: 'expired' });
      }
      // A language the shopper wrote in earlier still counts after a reload or on another page.
      const written = conversation.localeSource === 'message' ? conversation.locale : undefined;
      const locale = decideLocale({ ...input.localeHints, written });
      const { visitorId, conversationId, region } = claims;
      // Renewed on use: the client keeps the token session:ready brings.
      const visitorToken = this.#signer.sign({ visitorId, siteKey: input.site.key, conversationId, region });
      return { ...base, locale, visitorId, conversationId, region, visitorToken };
    }
    const locale = decideLocale(input.localeHints);
    const region = this.#router.regionFor(input.site, input.country);
    const store = this.#router.store(region);
    const now = new Date().toISOString();
    const visitorId = `v_${randomUUID()}`;
    const conversationId = `c_${randomUUID()}`;
    await store.createVisitor({ id: visitorId, siteKey: input.site.key, createdAt: now });
    await store.createConversation({
      id: conversationId,
      visitorId,
      siteKey: input.site.key,
      locale: locale.decision.locale,
      localeSource: locale.decision.source,
      localeCandidates: locale.decision.candidates,
      createdAt: now,
      updatedAt: now,
      status: 'bot',
      assigneeId: null,
      channel: 'widget',
      ...(base.country ? { country: base.country } : {}),
      ...(base.timeZone ? { timeZone: base.timeZone } : {}),
      ...(input.pageUrl ? { pageUrl: input.pageUrl } : {}),
      ...(input.identity ? { userId: input.identity.userId } : {}),
    });
    const visitorToken = this.#signer.sign({ visitorId, siteKey: input.site.key, conversationId, region });
    return { ...base, locale, visitorId, conversationId, region, visitorToken };
  }
}

/** An ISO 3166-1 alpha-2 code from an edge header (`de` → `DE`), or undefined. */
function countryCode(value: string | undefined): string | undefined {
  const code = value?.trim().toUpperCase();
  return code && /^[A-Z]{2}$/u.test(code) ? code : undefined;
}
