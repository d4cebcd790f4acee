import type { FastifyBaseLogger } from 'fastify';
import type { ExtendedError } from 'socket.io';
import { HandshakeAuthSchema, ParleyError, PROTOCOL_VERSION } from '@parley/protocol';
import type { HandshakeErrorData } from '@parley/protocol';
import type { ClientIpOf } from '../../security/client-ip.ts';
import type { SocketRateLimits } from '../../security/rate-limits.ts';
import { MALFORMED_AUTH } from '../../socket/guarded-parser.ts';
import type { SiteRegistry } from '../../sites/site-registry.ts';
import { isOriginAllowed } from '../../sites/site.ts';
import { verifyIdentity } from '../../security/identity.ts';
import { parsePayload, toErrorPayload } from '../../socket/socket-edge.ts';
import type { VisitorSessions } from './visitor-sessions.ts';
import type { VisitorSocket } from './visitor-types.ts';

/** What the handshake middleware needs. */
export interface HandshakeDeps {
  sites: SiteRegistry;
  sessions: VisitorSessions;
  limits: SocketRateLimits;
  countryHeader: string | undefined;
  /** The client's IP by the gateway's one proxy rule (the same as REST's `request.ip`). */
  ipOf: ClientIpOf;
  log: FastifyBaseLogger;
}

/**
 * Socket.IO middleware for the visitor namespace. Checks, in order: rate limit per IP, protocol
 * version, handshake shape, site key, origin, identity, visitor token; then resolves the session. Every
 * refusal reaches the client as `connect_error` with `err.data = { code, message, details? }`.
 * A missing Origin is accepted: browsers always send one on cross-site connections, so only
 * non-browser clients (the Node SDK) lack it, and an origin check cannot stop those anyway.
 */
export function createHandshake(deps: HandshakeDeps): (socket: VisitorSocket, next: (err?: ExtendedError) => void) => void {
  return (socket, next) => {
    handshake(deps, socket).then(
      () => next(),
      (error: unknown) => {
        const payload: HandshakeErrorData = toErrorPayload(error, deps.log);
        const refusal: ExtendedError = Object.assign(new Error(payload.message), { data: payload });
        deps.log.info({ socketId: socket.id, code: payload.code }, 'handshake refused');
        next(refusal);
      },
    );
  };
}

async function handshake(deps: HandshakeDeps, socket: VisitorSocket): Promise<void> {
  const ip = deps.ipOf(socket.request);
  await deps.limits.consumeHandshake(ip);
  const raw: unknown = socket.handshake.auth;
  const malformed = (raw as Record<string, unknown>)[MALFORMED_AUTH];
  if (malformed !== undefined) {
    throw new ParleyError('PARLEY_ERR_HANDSHAKE_INVALID', `The handshake auth must be an object, not ${String(malformed)}.`, { auth: malformed });
  }
  const version = (raw as { protocolVersion?: unknown } | null)?.protocolVersion;
  if (version !== undefined && version !== PROTOCOL_VERSION) {
    throw new ParleyError('PARLEY_ERR_PROTOCOL_VERSION_MISMATCH', undefined, { client: version, server: PROTOCOL_VERSION });
  }
  const auth = parsePayload(HandshakeAuthSchema, raw, 'PARLEY_ERR_HANDSHAKE_INVALID');
  const site = deps.sites.get(auth.siteKey);
  if (!site) throw new ParleyError('PARLEY_ERR_SITE_UNKNOWN', `No site has the key "${auth.siteKey}".`);
  const origin = socket.handshake.headers.origin;
  if (origin && !isOriginAllowed(site, origin)) {
    throw new ParleyError('PARLEY_ERR_ORIGIN_NOT_ALLOWED', `The origin ${origin} is not allowed for site "${site.key}".`);
  }
  const localeHints = {
    explicit: auth.locale,
    pageLang: auth.pageLang,
    navigatorLocales: auth.locales,
    acceptLanguage: headerValue(socket, 'accept-language'),
    siteDefault: site.defaultLocale,
  };
  // Verify before creating anything, so a forged identity leaves no visitor behind.
  const identity = auth.identity ? verifyIdentity(site, auth.identity) : undefined;
  const country = deps.countryHeader ? headerValue(socket, deps.countryHeader) : undefined;
  // Only a page of the site itself: anything else would put a stranger's link in the agent's panel.
  const pageUrl = auth.pageUrl && isOriginAllowed(site, new URL(auth.pageUrl).origin) ? withoutQuery(auth.pageUrl) : undefined;
  socket.data.context = await deps.sessions.resolve({ site, visitorToken: auth.visitorToken, ip, country, timeZone: auth.timeZone, localeHints, identity, pageUrl });
}

function headerValue(socket: VisitorSocket, name: string): string | undefined {
  const value = socket.handshake.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Origin and path of a page URL: a query or fragment can carry emails, tokens or order secrets. */
function withoutQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}`;
}
