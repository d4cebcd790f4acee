import type { FastifyBaseLogger } from 'fastify';
import { HistoryFetchSchema, LIMITS, MessageSendSchema, ReadSetSchema, TypingSetSchema } from '@parley/protocol';
import type { HistoryFetchAckData, Message } from '@parley/protocol';
import type { ReplyTemplates } from '@parley/culture';
import type { SocketRateLimits } from '../../security/rate-limits.ts';
import { answer, parsePayload } from '../../socket/socket-edge.ts';
import { openingMessages } from '../bot/greeting-bot.ts';
import type { ConversationPatch } from '../../storage/region-store.ts';
import type { ConversationService } from '../conversations/conversation-service.ts';
import { messageForVisitor } from './visitor-fanout.ts';
import { pageWithinBytes } from '../conversations/history-page.ts';
import { localeAfterMessage, localePayload } from './visitor-locale.ts';
import { conversationRoom } from './visitor-types.ts';
import type { VisitorNamespace, VisitorSocket } from './visitor-types.ts';

/** What the visitor event handlers need. */
export interface VisitorEventDeps {
  namespace: VisitorNamespace;
  conversations: ConversationService;
  templates: ReplyTemplates;
  limits: SocketRateLimits;
  log: FastifyBaseLogger;
}

const TYPING_MIN_INTERVAL_MS = 500;

/**
 * The thin `/visitor` adapter: joins the conversation's room, registers the handlers (before
 * any await, so no early event is missed), sends `session:ready`, and greets an empty
 * conversation. Messages go through the conversation pipeline (validate here → persist → ack →
 * domain events that fan out, run the bot and route), like every other channel's.
 */
export function onVisitorConnection(deps: VisitorEventDeps, socket: VisitorSocket): void {
  const context = socket.data.context;
  const { region, conversationId } = context;
  const store = deps.conversations.store(region);
  const log = deps.log.child({ socketId: socket.id, conversationId, region });
  const room = conversationRoom(conversationId);

  socket.on('message:send', (raw, ack) =>
    answer(ack, log, async () => {
      await deps.limits.consumeEvent(context.visitorId, context.ip);
      const payload = parsePayload(MessageSendSchema, raw);
      // The shopper's own writing is a locale source: "Meine Bestellung ist verschwunden" on an
      // English page switches the conversation to German; "ok" or "thanks" never does.
      const { next, hasChanged } = localeAfterMessage(context.locale, payload.text);
      if (hasChanged) {
        // Stored before the message, so the bot (which reads the stored conversation) answers in it.
        await store.setConversationLocale(conversationId, next.decision.locale, next.decision.source);
      }
      const { message, isDuplicate } = await deps.conversations.postMessage(
        region,
        { conversationId, clientMsgId: payload.clientMsgId, author: { kind: 'visitor', id: context.visitorId }, text: payload.text, locale: next.decision.locale },
        { quickReply: payload.quickReply },
      );
      context.locale = next;
      if (hasChanged && !isDuplicate) queueMicrotask(() => deps.namespace.to(room).emit('locale:changed', localePayload(context.site, next, deps.templates, { country: context.country, now: new Date() })));
      return messageForVisitor(message);
    }),
  );

  socket.on('history:fetch', (raw, ack) =>
    answer(ack, log, async (): Promise<HistoryFetchAckData> => {
      await deps.limits.consumeEvent(context.visitorId, context.ip);
      const { afterSeq, limit = LIMITS.historyPageMax } = parsePayload(HistoryFetchSchema, raw);
      const page = await store.listMessages(conversationId, { afterSeq, limit: limit + 1 });
      return pageWithinBytes(page.map(messageForVisitor), limit, LIMITS.historyPageBytesMax);
    }),
  );

  let lastTypingAt = 0;
  socket.on('typing:set', (raw) => {
    const parsed = TypingSetSchema.safeParse(raw);
    const now = Date.now();
    // Typing is best-effort presence: malformed or too-frequent signals are dropped, not answered.
    if (!parsed.success || now - lastTypingAt < TYPING_MIN_INTERVAL_MS) return;
    lastTypingAt = now;
    deps.conversations.publishTyping(region, conversationId, { kind: 'visitor' }, parsed.data.isTyping);
  });

  let lastReadSeq = 0;
  socket.on('read:set', (raw) => {
    const parsed = ReadSetSchema.safeParse(raw);
    // Each receipt reads the conversation: only one that moves forward is worth that read.
    if (!parsed.success || parsed.data.seq <= lastReadSeq) return;
    lastReadSeq = parsed.data.seq;
    deps.conversations.markRead(region, conversationId, 'visitor', parsed.data.seq).catch((error: unknown) => log.debug({ err: error }, 'read receipt dropped'));
  });

  void startSession(deps, socket).catch((error: unknown) => {
    log.error({ err: error }, 'could not start the session; disconnecting so the client retries');
    socket.disconnect(true);
  });
}

async function startSession(deps: VisitorEventDeps, socket: VisitorSocket): Promise<void> {
  const context = socket.data.context;
  const store = deps.conversations.store(context.region);
  await storeConversationContext(deps, context);
  // The greeting and privacy notice are stored before the session is announced, so they are
  // always seq 1 and 2: a shopper (or a fast client) answering session:ready at once can never
  // land ahead of them. The socket joins the room after them and reads lastSeq after joining:
  // what came before arrives as history up to lastSeq, everything after as live events.
  const opening: Message[] = [];
  // The conversation's record, not a max(seq) query: on a MongoDB-wire server without index
  // pushdown (FerretDB v1) that query reads every message of the region.
  const newestSeq = async () => (await store.getConversation(context.conversationId))?.lastMessage?.seq ?? 0;
  if ((await newestSeq()) === 0) {
    const messages = openingMessages({ site: context.site, conversationId: context.conversationId, region: context.region, locale: context.locale.decision.locale, templates: deps.templates });
    for (const message of messages) {
      const result = await deps.conversations.postMessage(context.region, message);
      if (!result.isDuplicate) opening.push(result.message);
    }
  }
  await socket.join(conversationRoom(context.conversationId));
  const conversation = await store.getConversation(context.conversationId);
  const lastSeq = conversation?.lastMessage?.seq ?? 0;
  const agentReadSeq = conversation?.agentReadSeq ?? 0;
  socket.emit('session:ready', {
    visitorId: context.visitorId,
    visitorToken: context.visitorToken,
    conversationId: context.conversationId,
    region: context.region,
    lastSeq,
    ...(agentReadSeq > 0 ? { agentReadSeq } : {}),
    ...localePayload(context.site, context.locale, deps.templates, { country: context.country, now: new Date() }),
  });
  // This socket joined after the opening was published to the room: it gets it live too.
  for (const message of opening) socket.emit('message:created', messageForVisitor(message));
}

/**
 * Keeps what is known about the conversation (not the connection) on the stored record, so
 * the bot, agents and later channels read it without a socket: locale and why, the shopper's
 * time zone and country as last seen, and the page the conversation started on.
 */
async function storeConversationContext(deps: VisitorEventDeps, context: VisitorSocket['data']['context']): Promise<void> {
  const store = deps.conversations.store(context.region);
  const stored = await store.getConversation(context.conversationId);
  if (!stored) return;
  const { decision } = context.locale;
  const candidates = decision.candidates;
  const patch: ConversationPatch = {};
  if (stored.locale !== decision.locale || stored.localeSource !== decision.source) Object.assign(patch, { locale: decision.locale, localeSource: decision.source });
  if (JSON.stringify(stored.localeCandidates ?? null) !== JSON.stringify(candidates)) patch.localeCandidates = candidates;
  if (context.timeZone && stored.timeZone !== context.timeZone) patch.timeZone = context.timeZone;
  if (context.country && stored.country !== context.country) patch.country = context.country;
  if (context.pageUrl && !stored.pageUrl) patch.pageUrl = context.pageUrl;
  if (Object.keys(patch).length > 0) await store.updateConversation(context.conversationId, patch);
}
