import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import fastifyRateLimit from '@fastify/rate-limit';
import { Server } from 'socket.io';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { AGENT_NAMESPACE, ERROR_CATALOGUE, LIMITS, ParleyError, toWellFormedDeep, VISITOR_NAMESPACE } from '@parley/protocol';
import type { ErrorCode } from '@parley/protocol';
import { createReplyTemplates } from '@parley/culture';
import { createUnderstanding } from '@parley/understanding';
import type { GatewayConfig } from './config.ts';
import { BotRunner, isReadByBot } from './features/bot/bot-runner.ts';
import fastifyCookie from '@fastify/cookie';
import { accountRoutes } from './features/accounts/account-routes.ts';
import { createAuthenticator } from './features/accounts/authenticator.ts';
import { attachAgentNamespace } from './features/agent/agent-namespace.ts';
import { conversationRestRoutes } from './features/agent/agent-rest-routes.ts';
import { ConversationEvents } from './features/conversations/conversation-events.ts';
import { ConversationService } from './features/conversations/conversation-service.ts';
import { createSlaClock } from './features/conversations/sla-clock.ts';
import { consoleRoutes } from './features/static/console-routes.ts';
import { subscribeVisitorFanout } from './features/visitor/visitor-fanout.ts';
import { startOwedAnswersSweep } from './jobs/owed-answers-sweep.ts';
import { startSnoozeSweep } from './jobs/snooze-sweep.ts';
import { openDirectory } from './storage/directory/open-directory.ts';
import type { DirectoryStore } from './storage/directory/directory-store.ts';
import { healthRoutes } from './features/health/health-routes.ts';
import { registerOpenApi } from './features/openapi/openapi.ts';
import { understandRoutes } from './features/understand/understand-routes.ts';
import { brandingRoute } from './features/static/branding-route.ts';
import { staticRoutes } from './features/static/static-routes.ts';
import type { StaticDirs } from './features/static/static-routes.ts';
import { createHandshake } from './features/visitor/handshake.ts';
import { onVisitorConnection } from './features/visitor/visitor-events.ts';
import { VisitorSessions } from './features/visitor/visitor-sessions.ts';
import type { GatewayIo } from './features/visitor/visitor-types.ts';
import { RegionRouter } from './regions/region-router.ts';
import { createClientIpOf, trustFunction } from './security/client-ip.ts';
import { AGENT_PACKETS_PER_SOCKET, DEFAULT_FLOOD_POLICY, FloodControl } from './security/flood-control.ts';
import { SocketRateLimits } from './security/rate-limits.ts';
import { guardConnections } from './socket/connection-gate.ts';
import { guardedParser } from './socket/guarded-parser.ts';
import { guardPackets } from './socket/packet-guard.ts';
import { resolveSecret } from './security/secret.ts';
import { VisitorTokenSigner } from './security/visitor-token.ts';
import { loadSiteRegistry } from './sites/site-registry.ts';
import { createSiteServices } from './sites/site-services.ts';
import { drainOnClose } from './shutdown.ts';
import type { Region } from '@parley/protocol';
import type { TranslationProvider } from '@parley/translation';
import { maskingFor } from './features/agent/agent-feature.ts';
import { ConversationTranslation } from './features/translation/conversation-translation.ts';
import { MachineTranslator } from './features/translation/machine-translator.ts';
import { createRegionProviders } from './features/translation/translation-providers.ts';
import { cannedRoutes } from './features/translation/canned-routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The Socket.IO server attached to this app's HTTP server. */
    io: GatewayIo;
    /** Per-region stores. */
    regions: RegionRouter;
    /** Agents, sessions and API tokens (no shopper data). */
    directory: DirectoryStore;
    /** The message pipeline every channel posts through. */
    conversations: ConversationService;
  }
}

/** Options tests and embedders may override; production uses the defaults. */
export interface BuildAppOptions {
  /** Pino logging; `false` silences it (tests). Defaults to the config's level. */
  logger?: boolean;
  staticDirs?: Partial<StaticDirs & { consoleDir: string }>;
  /** The bot's clock, for tests of business hours; defaults to the real time. */
  clock?: () => Date;
  /** How long an agent whose console closed shows as away before going offline (default 60 s). */
  agentOfflineAfterMs?: number;
  /** How often open agent sockets are authenticated again (default 30 s; tests shorten it). */
  agentRecheckAuthMs?: number;
  /** How often snoozed conversations that are due wake up (default 30 s). */
  snoozeSweepMs?: number;
  /** How often the bot looks for answers it still owes (default 30 s; the first look is at start). */
  owedAnswersSweepMs?: number;
  /** How long closing waits for the bot's queued answers before closing the stores (default 5 s). */
  botDrainMs?: number;
  /** Translation providers per region instead of those `config.translation` names (tests). */
  translationProviders?: Partial<Record<Region, TranslationProvider>>;
}

const DEFAULT_STATIC_DIRS: StaticDirs = {
  widgetDir: fileURLToPath(new URL('../../../packages/widget/dist/cdn/', import.meta.url)),
  demoDir: fileURLToPath(new URL('../../../examples/storefront/', import.meta.url)),
};
const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../console/dist/', import.meta.url));
const SNOOZE_SWEEP_MS = 30_000;
const OWED_SWEEP_MS = 30_000;
const BOT_DRAIN_MS = 5_000;

/**
 * Builds the gateway: Fastify 5 with Socket.IO 4 attached to its HTTP server, stores opened
 * per region, sites loaded. Never listens: `main.ts` does, and tests call `app.listen({ port: 0 })`
 * or `app.inject()`. `app.close()` disconnects sockets, closes Socket.IO and every store.
 *
 * @example
 * const app = await buildApp(loadConfig(process.env));
 * await app.listen({ host: '127.0.0.1', port: 8787 });
 */
export async function buildApp(config: GatewayConfig, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // JSON lines by default; pino-pretty for people (`PARLEY_LOG_FORMAT=pretty`, as `pnpm dev` sets).
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            ...(config.logFormat === 'pretty' ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
          },
    trustProxy: trustFunction(config.trustProxy),
    bodyLimit: LIMITS.packetBytesMax,
  });
  app.setValidatorCompiler(validatorCompiler);
  // The REST edge makes text well-formed before validating, as parsePayload does for sockets.
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined) request.body = toWellFormedDeep(request.body);
  });
  app.setSerializerCompiler(serializerCompiler);

  const router = await RegionRouter.open(config.storage);
  app.decorate('regions', router);
  const directory = await openDirectory(config.directory).catch(async (error: unknown) => {
    await router.close();
    throw error;
  });
  app.decorate('directory', directory);
  const sites = loadSiteRegistry({ sitesFile: config.sitesFile, dataDir: config.dataDir });
  const signer = new VisitorTokenSigner(resolveSecret({ secret: config.secret, dataDir: config.dataDir, log: app.log }), { lifetimeDays: config.visitorTokenTtlDays });
  const limits = new SocketRateLimits(config.rateLimits);
  const templates = createReplyTemplates();
  const understand = createUnderstanding();
  const services = createSiteServices();
  const clock = options.clock ?? (() => new Date());
  const events = new ConversationEvents((error, event) => app.log.error({ err: error, event }, 'a conversation event listener failed'));
  const conversations = new ConversationService({ router, events, sla: createSlaClock(sites), awaitsBot: isReadByBot, now: clock });
  app.decorate('conversations', conversations);
  const authenticator = createAuthenticator({ directory, now: clock });

  const ipOf = createClientIpOf(config.trustProxy);
  const flood = new FloodControl({ ...DEFAULT_FLOOD_POLICY, connectionsPerIp: config.connectionsPerIp });
  const isDraining = drainOnClose(app, () => io);
  const io: GatewayIo = new Server(app.server, {
    serveClient: false,
    // Refused before the Engine.IO handshake: closing down, a flooding IP, or too many open.
    allowRequest: guardConnections({ flood, ipOf, isDraining, log: app.log }),
    // A connection that has not completed a namespace handshake by then is closed.
    connectTimeout: config.handshakeTimeoutMs,
    parser: guardedParser,
    maxHttpBufferSize: LIMITS.packetBytesMax,
    // Origins are checked per site in the handshake (visitors) or against the host (agents);
    // CORS here only lets polling reach it.
    cors: { origin: true, credentials: false },
  });
  app.decorate('io', io);
  io.engine.on('connection', (connection: { request: Parameters<typeof ipOf>[0]; once(event: 'close', listener: () => void): void }) => {
    connection.once('close', flood.opened(ipOf(connection.request)));
  });
  const namespace = io.of(VISITOR_NAMESPACE);
  namespace.use(
    createHandshake({
      sites,
      sessions: new VisitorSessions({ router, signer }),
      limits,
      countryHeader: config.countryHeader,
      ipOf,
      log: app.log,
    }),
  );
  namespace.on('connection', (socket) => guardPackets(socket, { flood, ip: ipOf(socket.request), log: app.log }));
  namespace.on('connection', (socket) => onVisitorConnection({ namespace, conversations, templates, limits, log: app.log }, socket));
  subscribeVisitorFanout(namespace, events);
  const translator = new MachineTranslator({
    providers: options.translationProviders ?? (config.translation ? createRegionProviders(config.translation).providers : {}),
    store: (region) => router.store(region),
    directory,
    now: clock,
  });
  const translation = new ConversationTranslation({ translator, sites, directory, masking: (conversation) => maskingFor({ sites, services }, conversation), now: clock });
  const agents = attachAgentNamespace({
    translation,
    io,
    events,
    conversations,
    directory,
    authenticator,
    sites,
    services,
    limits,
    ipOf,
    log: app.log,
    offlineAfterMs: options.agentOfflineAfterMs ?? 60_000,
    ...(options.agentRecheckAuthMs ? { recheckAuthMs: options.agentRecheckAuthMs } : {}),
    now: clock,
  });
  io.of(AGENT_NAMESPACE).on('connection', (socket) => guardPackets(socket, { flood, ip: ipOf(socket.request), packetsPerSocket: AGENT_PACKETS_PER_SOCKET, log: app.log }));
  const bot = new BotRunner({
    templates,
    understand,
    services,
    sites,
    conversations,
    isSomeoneAvailable: (siteKey, region) => agents.feature.routing.isSomeoneAvailable(siteKey, region),
    log: app.log,
    now: clock,
  });
  bot.subscribe(events);
  const owedAnswers = startOwedAnswersSweep({ bot, log: app.log, intervalMs: options.owedAnswersSweepMs ?? OWED_SWEEP_MS, graceMs: options.owedAnswersSweepMs ?? OWED_SWEEP_MS });
  const stopSnoozeSweep = startSnoozeSweep({ conversations, log: app.log, intervalMs: options.snoozeSweepMs ?? SNOOZE_SWEEP_MS, now: clock });

  app.addHook('onClose', async () => {
    stopSnoozeSweep();
    owedAnswers.stop();
    agents.close();
    await new Promise<void>((resolve) => void io.close(() => resolve()));
    // Answers already being written finish before the stores close; nothing new arrives now.
    // Bounded: what is not answered by then stays marked as owed and is answered on next start.
    await settleWithin(Promise.all([owedAnswers.firstRun, bot.idle()]), options.botDrainMs ?? BOT_DRAIN_MS);
    await router.close();
    await directory.close();
  });
  // No cookie secret: the session cookie is a random token of which only the SHA-256 is stored.
  await app.register(fastifyCookie, { hook: 'onRequest' });

  await app.register(fastifyRateLimit, {
    // Static files are cacheable and usually behind a CDN; many shoppers can share one IP.
    allowList: (request) => request.url.startsWith('/widget/') || request.url.startsWith('/demo/') || request.url.startsWith('/console/'),
    max: config.rateLimits.restPerIp.points,
    timeWindow: config.rateLimits.restPerIp.durationSeconds * 1000,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: errorBody('PARLEY_ERR_RATE_LIMITED', { retryAfterMs: context.ttl }).error,
    }),
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send(errorBody('PARLEY_ERR_ROUTE_NOT_FOUND', { method: request.method, url: request.url }));
  });
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ParleyError) return reply.code(error.status).send({ error: error.toPayload() });
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 429) return reply.code(429).send(errorBody('PARLEY_ERR_RATE_LIMITED'));
    if (status === 413) return reply.code(413).send(errorBody('PARLEY_ERR_PAYLOAD_TOO_LARGE', { limitBytes: LIMITS.packetBytesMax }));
    if (status === 415) return reply.code(415).send(errorBody('PARLEY_ERR_MEDIA_TYPE_UNSUPPORTED', { contentType: request.headers['content-type'] ?? null }));
    if (status >= 400 && status < 500) return reply.code(status).send(errorBody('PARLEY_ERR_PAYLOAD_INVALID', { reason: (error as Error).message }));
    request.log.error({ err: error }, 'unhandled route error');
    return reply.code(500).send(errorBody('PARLEY_ERR_INTERNAL_ERROR'));
  });

  await registerOpenApi(app);
  await app.register(healthRoutes, { router });
  await app.register(understandRoutes, { sites, services, understand, perMinute: config.rateLimits.understandPerIp.points });
  await app.register(brandingRoute, { sites, rateLimit: config.rateLimits.restPerIp });
  await app.register(accountRoutes, { directory, authenticator, now: clock });
  await app.register(conversationRestRoutes, { actions: agents.actions, authenticator });
  await app.register(cannedRoutes, { directory, sites, authenticator, now: clock });
  // Static files are not logged per request (a page load is dozens of them); errors still are.
  await app.register(staticRoutes, { ...DEFAULT_STATIC_DIRS, ...options.staticDirs, logLevel: 'warn' });
  await app.register(consoleRoutes, { consoleDir: options.staticDirs?.consoleDir ?? DEFAULT_CONSOLE_DIR, logLevel: 'warn' });
  return app;
}

function errorBody(code: ErrorCode, details?: unknown): { error: { code: ErrorCode; message: string; details?: unknown } } {
  const message = ERROR_CATALOGUE[code].message;
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Waits for `work`, but no longer than `ms` (its failure is the caller's logs' business). */
async function settleWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  await Promise.race([work.then(() => undefined, () => undefined), deadline]);
  clearTimeout(timer);
}
