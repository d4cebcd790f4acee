import type { FastifyBaseLogger } from 'fastify';
import type { ReplyTemplates, SupportedLocale } from '@parley/culture';
import type { Message, QuickReplyId } from '@parley/protocol';
import type { Understand } from '@parley/understanding';
import type { SiteServices } from '../../sites/site-services.ts';
import { replyFor } from '../../sites/site-texts.ts';
import type { ConversationStore, NewMessage } from '../../storage/conversation-store.ts';
import type { VisitorContext } from '../visitor/visitor-types.ts';
import { QUICK_REPLY_LABEL_KEYS } from './bot-plan.ts';
import type { PlannedReply } from './bot-plan.ts';
import { decideTurn } from './conversation-bot.ts';
import { BOT_AUTHOR } from './greeting-bot.ts';

/** What the bot needs from the gateway. */
export interface BotDeps {
  templates: ReplyTemplates;
  understand: Understand;
  services: SiteServices;
  /** Hand-offs and tickets are logged (ids only, never text or emails) so operators see them. */
  log: FastifyBaseLogger;
  /** The clock (tests move it to 3 a.m.). */
  now?: () => Date;
}

/** One stored shopper message to answer, with where to store and publish the replies. */
export interface BotTurnInput {
  context: VisitorContext;
  store: ConversationStore;
  message: Message;
  /** The quick reply the shopper pressed, if any. */
  quickReply: QuickReplyId | undefined;
  publish: (message: Message) => void;
}

/**
 * Runs the bot on a stored shopper message and stores its replies. One turn at a time per
 * conversation (two quick messages must not both read the same memory), in arrival order.
 * Reply ids derive from the shopper's message, so a retried turn cannot store a reply twice.
 */
export class BotRunner {
  readonly #deps: BotDeps;
  readonly #queues = new Map<string, Promise<void>>();

  constructor(deps: BotDeps) {
    this.#deps = deps;
  }

  /** Queues the bot's answer to `message`; resolves when its replies are stored and published. */
  answer(input: BotTurnInput): Promise<void> {
    const { conversationId } = input.context;
    const previous = this.#queues.get(conversationId) ?? Promise.resolve();
    const turn = previous.then(() => this.#turn(input));
    const settled = turn.catch(() => undefined);
    this.#queues.set(conversationId, settled);
    void settled.then(() => {
      if (this.#queues.get(conversationId) === settled) this.#queues.delete(conversationId);
    });
    return turn;
  }

  /** Resolves once every queued turn has finished (the gateway drains them before closing stores). */
  async idle(): Promise<void> {
    while (this.#queues.size > 0) await Promise.all(this.#queues.values());
  }

  async #turn(input: BotTurnInput): Promise<void> {
    const { context, store, message } = input;
    const { site } = context;
    const locale = context.locale.decision.locale;
    const conversation = await store.getConversation(context.conversationId);
    const state = conversation?.botState ?? { unknownStreak: 0 };
    // Handed off and not waiting for an email: the people have it; the bot does not even read.
    if (state.handedOffAt && state.awaiting?.kind !== 'email') return;
    const understanding = this.#deps.understand(message.text, { locale, orderPatterns: this.#deps.services.orderPatterns(site) });
    const now = this.#deps.now?.() ?? new Date();
    const turn = await decideTurn({
      understanding,
      quickReply: input.quickReply,
      text: message.text,
      state,
      site,
      knowledge: this.#deps.services.knowledge(site),
      lookupOrder: this.#deps.services.orderLookup(site),
      country: context.country,
      now,
    });
    const ids = { conversationId: context.conversationId, siteKey: site.key, region: context.region };
    if (turn.ticketEmail) {
      const ticketId = `t_${message.id}`;
      await store.createTicket({ id: ticketId, conversationId: context.conversationId, siteKey: site.key, email: turn.ticketEmail, locale, createdAt: now.toISOString() });
      this.#deps.log.info({ ...ids, ticketId }, 'ticket opened from an email left for the team');
    }
    if (turn.state.handedOffAt && !state.handedOffAt) this.#deps.log.info({ ...ids, intent: turn.intent }, 'conversation handed off to a person');
    for (const [index, reply] of turn.replies.entries()) {
      const rendered = this.#render(context, locale, reply, turn.intent);
      const { message: stored, isDuplicate } = await store.appendMessage({ ...rendered, clientMsgId: `bot:${message.id}:${index}` });
      if (!isDuplicate) input.publish(stored);
    }
    // Each write is a durable commit; skip it when the turn changed nothing.
    if (JSON.stringify(turn.state) !== JSON.stringify(state)) await store.setBotState(context.conversationId, turn.state);
  }

  #render(context: VisitorContext, locale: SupportedLocale, reply: PlannedReply, intent: string): Omit<NewMessage, 'clientMsgId'> {
    const { templates } = this.#deps;
    const shopper = { timeZone: context.timeZone, currency: reply.currency };
    const text = replyFor(context.site, locale, reply.key, reply.values ?? {}, templates, shopper);
    const rendered: Omit<NewMessage, 'clientMsgId'> = { conversationId: context.conversationId, author: BOT_AUTHOR, text, locale, bot: { intent, templateKey: reply.key } };
    if (reply.quickReplies) {
      rendered.quickReplies = reply.quickReplies.map((id) => ({ id, label: replyFor(context.site, locale, QUICK_REPLY_LABEL_KEYS[id], {}, templates) }));
    }
    return rendered;
  }
}
