import type { FastifyBaseLogger } from 'fastify';
import { isSupportedLocale } from '@parley/culture';
import type { ReplyTemplates, SupportedLocale } from '@parley/culture';
import { ParleyError } from '@parley/protocol';
import type { BotSummary, HandoffReason, Message, QuickReplyId, Region } from '@parley/protocol';
import type { Understand, Understanding } from '@parley/understanding';
import type { SiteRegistry } from '../../sites/site-registry.ts';
import type { SiteServices } from '../../sites/site-services.ts';
import type { Site } from '../../sites/site.ts';
import { replyFor } from '../../sites/site-texts.ts';
import type { ConversationRecord, NewMessage, PendingBotTurn } from '../../storage/region-store.ts';
import type { ConversationEvents } from '../conversations/conversation-events.ts';
import type { ConversationService } from '../conversations/conversation-service.ts';
import { QUICK_REPLY_LABEL_KEYS } from './bot-plan.ts';
import type { PlannedReply } from './bot-plan.ts';
import { decideTurn } from './conversation-bot.ts';
import { maskText } from '../privacy/masking.ts';
import { botAuthor } from './greeting-bot.ts';

/** What the bot needs from the gateway. */
export interface BotDeps {
  templates: ReplyTemplates;
  understand: Understand;
  services: SiteServices;
  sites: SiteRegistry;
  conversations: ConversationService;
  /** Whether someone who may take this conversation is online now (presence outranks the schedule). */
  isSomeoneAvailable: (siteKey: string, region: Region) => Promise<boolean>;
  /** Hand-offs and tickets are logged (ids only, never text or emails) so operators see them. */
  log: FastifyBaseLogger;
  /** The clock (tests move it to 3 a.m.). */
  now?: () => Date;
}

/** One stored shopper message to answer. */
export interface BotTurnInput {
  region: Region;
  conversationId: string;
  message: Message;
  /** The quick reply the shopper pressed, if any. */
  quickReply: QuickReplyId | undefined;
  /** Found still owed after a crash or a timed-out shutdown (not fresh from the pipeline). */
  isRecovered?: boolean;
}

/** Tries at an owed answer (other than waiting out a store outage) before people get it instead. */
const RECOVERY_ATTEMPTS = 3;

/** Why the bot handed over, from the intent of the turn that did. */
const HANDOFF_REASONS: Record<string, HandoffReason> = {
  talk_to_human: 'asked_for_person',
  complaint: 'complaint',
  unknown: 'not_understood',
  feedback: 'unhappy_with_answer',
  privacy_request: 'privacy_request',
};

/**
 * Runs the bot on stored shopper messages and posts its replies through the conversation
 * pipeline. It reads the stored conversation (locale, time zone, country), never a socket, so
 * a message from any channel is answered the same way. One turn at a time per conversation
 * (two quick messages must not both read the same memory), in arrival order. Reply ids derive
 * from the shopper's message, so a retried turn cannot store a reply twice.
 */
export class BotRunner {
  readonly #deps: BotDeps;
  readonly #queues = new Map<string, Promise<void>>();
  /** Shopper messages whose turn is queued or running here, so a sweep does not queue them twice. */
  readonly #inFlight = new Set<string>();
  /** Failed recovered turns per message, in this process: a poison message must not loop. */
  readonly #failures = new Map<string, number>();

  constructor(deps: BotDeps) {
    this.#deps = deps;
  }

  /** Answers every shopper message the pipeline stores while the bot has the conversation. */
  subscribe(events: ConversationEvents): void {
    events.on('message.created', ({ region, conversation, message, quickReply, awaitsBot }) => {
      if (message.author.kind !== 'visitor') return;
      // With people and not waiting for an email: the bot does not even read it.
      if (!(awaitsBot ?? isReadByBot(conversation))) return;
      this.answer({ region, conversationId: conversation.id, message, quickReply }).catch((error: unknown) => {
        // The shopper's message is stored and acked; only the bot's answer is missing.
        this.#deps.log.error({ err: error, conversationId: conversation.id, region }, 'the bot could not answer a message');
      });
    });
  }

  /** Queues the bot's answer to `message`; resolves when its replies are stored and published. */
  answer(input: BotTurnInput): Promise<void> {
    const { conversationId } = input;
    const previous = this.#queues.get(conversationId) ?? Promise.resolve();
    this.#inFlight.add(input.message.id);
    const turn = previous.then(() => this.#turn(input)).finally(() => this.#inFlight.delete(input.message.id));
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

  /**
   * Answers the shopper messages of `region` that are still marked as owed an answer: left by a
   * crash between the ack and the reply, or by a shutdown that timed out. Runs at start and on a
   * timer; `storedBefore` leaves the newest to the live pipeline. Each is answered once: its
   * replies' ids derive from the message, and the mark is cleared after the turn.
   */
  async answerOwed(region: Region, options: { storedBefore?: Date | undefined; limit?: number } = {}): Promise<number> {
    const store = this.#deps.conversations.store(region);
    const owed = await store.listAwaitingBot({ limit: options.limit ?? 100, storedBefore: options.storedBefore });
    const turns = owed
      .filter(({ message }) => !this.#inFlight.has(message.id))
      .map(({ message }) =>
        this.answer({ region, conversationId: message.conversationId, message, quickReply: undefined, isRecovered: true }).then(
          () => void this.#failures.delete(message.id),
          (error: unknown) => this.#recoveryFailed(region, message, error),
        ),
      );
    await Promise.all(turns);
    return turns.length;
  }

  /**
   * An owed turn failed again. A store outage is waited out (the mark stays); anything else, a
   * few times over, is a message the bot cannot answer: it goes to people, and the mark is
   * cleared, so it does not hold the queue of owed answers behind it for ever.
   */
  async #recoveryFailed(region: Region, message: Message, error: unknown): Promise<void> {
    const ids = { conversationId: message.conversationId, region, messageId: message.id };
    if (error instanceof ParleyError && error.code === 'PARLEY_ERR_STORE_UNAVAILABLE') {
      this.#deps.log.warn({ ...ids }, 'an owed answer waits for the store; it stays owed');
      return;
    }
    const failures = (this.#failures.get(message.id) ?? 0) + 1;
    this.#failures.set(message.id, failures);
    if (failures < RECOVERY_ATTEMPTS) {
      this.#deps.log.error({ err: error, ...ids, failures }, 'the bot could not answer an owed message; it stays owed');
      return;
    }
    this.#failures.delete(message.id);
    this.#deps.log.error({ err: error, ...ids, failures }, 'the bot gave up on an owed message; handing the conversation to people');
    try {
      await this.#deps.conversations.handOff(region, message.conversationId, { reason: 'bot_action', summary: { intent: 'unknown' } });
      await this.#deps.conversations.store(region).settleBotTurn(message.conversationId, message.id);
    } catch (handOffError) {
      this.#deps.log.error({ err: handOffError, ...ids }, 'could not hand over a message the bot gave up on; it stays owed');
    }
  }

  async #turn(input: BotTurnInput): Promise<void> {
    const { region, message } = input;
    await this.#decideAndReply(input);
    // Last: a crash before this leaves the mark, and the turn runs again (idempotently) on start.
    await this.#deps.conversations.store(region).settleBotTurn(input.conversationId, message.id);
  }

  async #decideAndReply(input: BotTurnInput): Promise<void> {
    const { region, message } = input;
    const { conversations } = this.#deps;
    const store = conversations.store(region);
    const conversation = await conversations.get(region, input.conversationId);
    const pending = conversation.botState?.pendingTurn;
    // A turn decided before a crash is finished as decided, never decided again.
    if (input.isRecovered && pending?.messageId === message.id) return this.#carryOut(region, conversation, pending);
    const site = this.#deps.sites.get(conversation.siteKey);
    if (!site) return;
    const { pendingTurn: _done, ...state } = conversation.botState ?? { unknownStreak: 0 };
    if (!isReadByBot(conversation)) return;
    // A recovered turn with no stored plan changed no memory and had one reply at most: deciding
    // it again from the same memory stores nothing new (the reply's id derives from the message).
    const locale = localeOf(conversation, site);
    const understanding = this.#deps.understand(message.text, { locale, orderPatterns: this.#deps.services.orderPatterns(site) });
    const now = this.#deps.now?.() ?? new Date();
    const isAgentAvailable = await this.#deps.isSomeoneAvailable(site.key, region);
    const turn = await decideTurn({
      understanding,
      quickReply: input.quickReply,
      text: message.text,
      state,
      site,
      knowledge: this.#deps.services.knowledge(site),
      lookupOrder: this.#deps.services.orderLookup(site),
      country: conversation.country,
      isAgentAvailable,
      now,
    });
    if (turn.ticketEmail) {
      const ticketId = `t_${message.id}`;
      await conversations.openTicket(region, { id: ticketId, conversationId: conversation.id, siteKey: site.key, email: turn.ticketEmail, locale, createdAt: now.toISOString() });
      this.#deps.log.info({ conversationId: conversation.id, siteKey: site.key, region, ticketId }, 'ticket opened from an email left for the team');
    }
    const plan: PendingBotTurn = {
      messageId: message.id,
      replies: turn.replies.map((reply, index) => ({ ...this.#render(site, conversation, locale, reply, turn.intent), clientMsgId: `bot:${message.id}:${index}` })),
    };
    if (turn.state.handedOffAt && !state.handedOffAt) plan.handoff = { reason: HANDOFF_REASONS[turn.intent] ?? 'bot_action', summary: handoffSummary(conversation, message, understanding, turn.intent) };
    // One durable write before the first reply, when a crash after it would leave work undone
    // (more than one step) or memory moved on: the plan travels with the memory.
    const isStateChanged = JSON.stringify(turn.state) !== JSON.stringify(state);
    if (isStateChanged || plan.replies.length > 1 || plan.handoff) {
      await store.setBotState(conversation.id, { ...turn.state, pendingTurn: JSON.parse(JSON.stringify(plan)) as PendingBotTurn });
    }
    await this.#carryOut(region, conversation, plan);
  }

  /** Stores the turn's replies and hands off, each step a no-op when already done. */
  async #carryOut(region: Region, conversation: ConversationRecord, plan: PendingBotTurn): Promise<void> {
    for (const reply of plan.replies) await this.#deps.conversations.postMessage(region, reply);
    if (!plan.handoff) return;
    await this.#deps.conversations.handOff(region, conversation.id, plan.handoff);
    this.#deps.log.info({ conversationId: conversation.id, siteKey: conversation.siteKey, region, intent: plan.handoff.summary.intent, reason: plan.handoff.reason }, 'conversation handed off to a person');
  }

  #render(site: Site, conversation: ConversationRecord, locale: SupportedLocale, reply: PlannedReply, intent: string): Omit<NewMessage, 'clientMsgId'> {
    const { templates } = this.#deps;
    const shopper = { timeZone: conversation.timeZone, currency: reply.currency };
    const text = replyFor(site, locale, reply.key, reply.values ?? {}, templates, shopper);
    const rendered: Omit<NewMessage, 'clientMsgId'> = { conversationId: conversation.id, author: botAuthor(site, locale), text, locale, bot: { intent, templateKey: reply.key } };
    if (reply.quickReplies) {
      rendered.quickReplies = reply.quickReplies.map((id) => ({ id, label: replyFor(site, locale, QUICK_REPLY_LABEL_KEYS[id], {}, templates) }));
    }
    return rendered;
  }
}

/**
 * Whether the bot reads a shopper's next message in this conversation: not once people have it,
 * unless the bot is still waiting for the email it asked for.
 */
export function isReadByBot(conversation: ConversationRecord): boolean {
  const state = conversation.botState;
  return !(state?.handedOffAt && state.awaiting?.kind !== 'email');
}

/**
 * What agents see of why the bot handed over. An "order number" that is really a phone's digits
 * is not one: only numbers that survive masking are kept (agents see personal data masked).
 */
function handoffSummary(conversation: ConversationRecord, message: Message, understanding: Understanding, intent: string): BotSummary {
  const defaultCountry = conversation.country ?? /-([A-Z]{2})\b/.exec(conversation.locale)?.[1];
  const masked = maskText(message.text, defaultCountry ? { defaultCountry } : {}).text;
  const orderNumber = understanding.entities.orderNumbers.find((number) => masked.includes(number));
  const country = understanding.entities.countries[0] ?? conversation.country;
  return { intent, ...(orderNumber ? { orderNumber } : {}), ...(country ? { country } : {}) };
}

/** The conversation's stored locale, or the site's default when it is not one Parley speaks. */
function localeOf(conversation: ConversationRecord, site: Site): SupportedLocale {
  if (isSupportedLocale(conversation.locale)) return conversation.locale;
  return isSupportedLocale(site.defaultLocale) ? site.defaultLocale : 'en-US';
}
