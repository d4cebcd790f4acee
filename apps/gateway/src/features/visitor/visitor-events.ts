import type { FastifyBaseLogger } from 'fastify';
import { HistoryFetchSchema, LIMITS, MessageSendSchema, TypingSetSchema } from '@parley/protocol';
import type { HistoryFetchAckData, Message } from '@parley/protocol';
import type { ReplyTemplates } from '@parley/culture';
import type { RegionRouter } from '../../regions/region-router.ts';
import type { SocketRateLimits } from '../../security/rate-limits.ts';
import type { BotRunner } from '../bot/bot-runner.ts';
import { openingMessages } from '../bot/greeting-bot.ts';
import { answer, parsePayload } from './socket-edge.ts';
import { localeAfterMessage, localePayload } from './visitor-locale.ts';
import { conversationRoom } from './visitor-types.ts';
import type { VisitorNamespace, VisitorSocket } from './visitor-types.ts';

/** What the visitor event handlers need. */
export interface VisitorEventDeps {
  namespace: VisitorNamespace;
  router: RegionRouter;
  templates: ReplyTemplates;
  limits: SocketRateLimits;
  bot: BotRunner;
  log: FastifyBaseLogger;
}

const TYPING_MIN_INTERVAL_MS = 500;

/**
 * Wires one connected visitor socket: joins its conversation's room, registers the event
 * handlers (before any await, so no early event is missed), sends `session:ready`, and greets
 * an empty conversation. The pipeline for a message is validate → persist → ack → fan out.
 */
export function onVisitorConnection(deps: VisitorEventDeps, socket: VisitorSocket): void {
  const context = socket.data.context;
  const store = deps.router.store(context.region);
  const log = deps.log.child({ socketId: socket.id, conversationId: context.conversationId, region: context.region });
  const room = conversationRoom(context.conversationId);
  const publish = (message: Message) => deps.namespace.to(room).emit('message:created', message);
  void socket.join(room);

  socket.on('message:send', (raw, ack) =>
    answer(ack, log, async () => {
      await deps.limits.consumeEvent(context.visitorId, context.ip);
      const payload = parsePayload(MessageSendSchema, raw);
      // The shopper's own writing is a locale source: "Meine Bestellung ist verschwunden" on an
      // English page switches the conversation to German; "ok" or "thanks" never does.
      const { next, hasChanged } = localeAfterMessage(context.locale, payload.text);
      const { message, isDuplicate } = await store.appendMessage({
        conversationId: context.conversationId,
        clientMsgId: payload.clientMsgId,
        author: { kind: 'visitor' },
        text: payload.text,
        locale: next.decision.locale,
      });
      context.locale = next;
      if (hasChanged && !isDuplicate) {
        await store.setConversationLocale(context.conversationId, next.decision.locale, next.decision.source);
        queueMicrotask(() => deps.namespace.to(room).emit('locale:changed', localePayload(context.site, next, deps.templates)));
      }
      // Fan out after the ack is queued; a duplicate was fanned out (and answered) the first time.
      if (!isDuplicate) {
        queueMicrotask(() => publish(message));
        deps.bot.answer({ context, store, message, quickReply: payload.quickReply, publish }).catch((error: unknown) => {
          // The shopper's message is stored and acked; only the bot's answer is missing.
          log.error({ err: error }, 'the bot could not answer a message');
        });
      }
      return message;
    }),
  );

  socket.on('history:fetch', (raw, ack) =>
    answer(ack, log, async (): Promise<HistoryFetchAckData> => {
      await deps.limits.consumeEvent(context.visitorId, context.ip);
      const { afterSeq, limit = LIMITS.historyPageMax } = parsePayload(HistoryFetchSchema, raw);
      const page = await store.listMessages(context.conversationId, { afterSeq, limit: limit + 1 });
      return { messages: page.slice(0, limit), hasMore: page.length > limit };
    }),
  );

  let lastTypingAt = 0;
  socket.on('typing:set', (raw) => {
    const parsed = TypingSetSchema.safeParse(raw);
    const now = Date.now();
    // Typing is best-effort presence: malformed or too-frequent signals are dropped, not answered.
    if (!parsed.success || now - lastTypingAt < TYPING_MIN_INTERVAL_MS) return;
    lastTypingAt = now;
    socket.to(room).emit('typing:changed', { author: { kind: 'visitor' }, isTyping: parsed.data.isTyping });
  });

  void startSession(deps, socket, publish).catch((error: unknown) => {
    log.error({ err: error }, 'could not start the session; disconnecting so the client retries');
    socket.disconnect(true);
  });
}

async function startSession(deps: VisitorEventDeps, socket: VisitorSocket, publish: (m: Message) => void): Promise<void> {
  const context = socket.data.context;
  const store = deps.router.store(context.region);
  let lastSeq = await store.lastSeq(context.conversationId);
  // The greeting and privacy notice are stored before the session is announced, so they are
  // always seq 1 and 2: a shopper (or a fast client) answering session:ready at once can never
  // land ahead of them.
  const opening: Message[] = [];
  if (lastSeq === 0) {
    const messages = openingMessages({ site: context.site, conversationId: context.conversationId, region: context.region, locale: context.locale.decision.locale, templates: deps.templates });
    for (const message of messages) {
      const result = await store.appendMessage(message);
      if (!result.isDuplicate) opening.push(result.message);
    }
    lastSeq = await store.lastSeq(context.conversationId);
  }
  socket.emit('session:ready', {
    visitorId: context.visitorId,
    visitorToken: context.visitorToken,
    conversationId: context.conversationId,
    region: context.region,
    lastSeq,
    ...localePayload(context.site, context.locale, deps.templates),
  });
  for (const message of opening) publish(message);
}
