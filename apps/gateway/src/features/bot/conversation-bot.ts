import type { KnowledgeBase } from '@parley/knowledge';
import type { QuickReplyId } from '@parley/protocol';
import type { Understanding } from '@parley/understanding';
import type { Site } from '../../sites/site.ts';
import type { BotStateRecord } from '../../storage/region-store.ts';
import type { OrderLookup } from '../orders/order.ts';
import { answered, FEEDBACK_QUESTION } from './bot-plan.ts';
import type { BotTurn, PlannedReply } from './bot-plan.ts';
import { feedbackFromText } from './feedback-words.ts';
import { handoffReplies } from './handoff-plan.ts';
import { customsReplies, returnReplies, vatReplies } from './knowledge-answers.ts';
import { answerOrderQuestion, ORDER_INTENTS } from './order-answers.ts';

/** Everything the bot weighs for one shopper message. */
export interface TurnInput {
  understanding: Understanding;
  /** The quick reply the shopper pressed, if any. */
  quickReply: QuickReplyId | undefined;
  text: string;
  state: BotStateRecord;
  site: Site;
  knowledge: KnowledgeBase;
  lookupOrder: OrderLookup | undefined;
  /** The shopper's country from the trusted edge header, when known. */
  country: string | undefined;
  /** Whether an agent who may take this conversation is online now; undefined = not known (schedule only). */
  isAgentAvailable?: boolean | undefined;
  now: Date;
}

/** Unknown messages in a row before the bot stops guessing and brings in a person. */
export const UNKNOWN_BEFORE_HANDOFF = 2;
const COUNTRY_INTENTS = new Set(['customs_duties', 'vat_question']);
/** Up to this many words, a message that names what the bot asked for is the answer to it. */
const SHORT_ANSWER_WORDS = 3;
/** Intents that carry no new request of their own (a bare "yes", "no, thanks", "nope"). */
const NOT_A_QUESTION = new Set(['unknown', 'greeting', 'thanks', 'complaint']);

/**
 * Decides the bot's answer to one shopper message. Pure apart from the order lookup: the
 * caller stores the replies, the new state and any ticket.
 *
 * Rules, in order: after a hand-off the bot stays quiet (except to take an email for a ticket);
 * a quick reply or a typed yes/no answers "did that help?" (no → a person); an answer to the
 * bot's own question (an order number, a country) resumes the intent that asked it; then the
 * intent is answered from orders and knowledge, followed by "did that help?". `talk_to_human`,
 * a complaint, and the second not-understood message in a row go to a person.
 */
export async function decideTurn(input: TurnInput): Promise<BotTurn> {
  return askFeedbackOncePerTopic(input.state, await decideReplies(input));
}

/**
 * "Did that answer your question?" once per topic: a second answer about the same intent
 * comes without it, so the question does not pile up under every message. The topics asked
 * about are kept across every later state of the conversation.
 */
function askFeedbackOncePerTopic(previous: BotStateRecord, turn: BotTurn): BotTurn {
  const asked = previous.feedbackAskedFor ?? [];
  const asks = turn.replies.includes(FEEDBACK_QUESTION);
  if (!asks) return asked.length ? { ...turn, state: { ...turn.state, feedbackAskedFor: asked } } : turn;
  if (asked.includes(turn.intent)) {
    const { awaiting: _feedback, ...state } = turn.state;
    return { ...turn, replies: turn.replies.filter((reply) => reply !== FEEDBACK_QUESTION), state: { ...state, feedbackAskedFor: asked } };
  }
  return { ...turn, state: { ...turn.state, feedbackAskedFor: [...asked, turn.intent] } };
}

async function decideReplies(input: TurnInput): Promise<BotTurn> {
  const { state, understanding, site } = input;
  const entities = understanding.entities;
  const handoff = (intent: string, lead: PlannedReply[] = []): BotTurn => {
    const { replies, awaitsEmail } = handoffReplies(site, input.country, input.now, input.isAgentAvailable);
    const next: BotStateRecord = { unknownStreak: 0, handedOffAt: input.now.toISOString() };
    if (awaitsEmail) next.awaiting = { kind: 'email' };
    return { intent, replies: [...lead, ...replies], state: next };
  };

  if (state.handedOffAt) {
    const email = entities.emails[0];
    if (state.awaiting?.kind === 'email' && email) {
      return { intent: 'leave_email', replies: [{ key: 'ticket.created', values: { email } }], state: { unknownStreak: 0, handedOffAt: state.handedOffAt }, ticketEmail: email };
    }
    return { intent: 'handed_off', replies: [], state };
  }

  // A typed yes/no answers "did that help?" unless the message brings a new subject with it:
  // "no, where is my refund for NL-10495?" is a refund question, not a hand-off. (The intent
  // alone cannot tell: "nein, das hilft mir nicht" looks like a question to the classifier.)
  const namesSomething = entities.orderNumbers.length + entities.countries.length + entities.amounts.length > 0;
  const asksSomethingNew = namesSomething && !NOT_A_QUESTION.has(understanding.intent);
  const typed = state.awaiting?.kind === 'feedback' && !asksSomethingNew ? feedbackFromText(input.text) : undefined;
  const feedback = input.quickReply ?? typed;
  if (feedback === 'helped') return { intent: 'feedback', replies: [{ key: 'feedback.glad' }], state: { unknownStreak: 0 } };
  if (feedback === 'human') return handoff('talk_to_human');
  if (feedback === 'not_helped') return handoff('feedback');

  const intent = resumedIntent(understanding, input.text, state);
  if (ORDER_INTENTS.has(intent)) {
    const orderNumber = entities.orderNumbers[0];
    if (!orderNumber) return { intent, replies: [{ key: 'order.askNumber' }], state: { unknownStreak: 0, awaiting: { kind: 'order_number', intent } } };
    return answerOrderQuestion(intent, orderNumber, { lookup: input.lookupOrder, now: input.now, handoff });
  }
  switch (intent) {
    case 'greeting':
      return { intent, replies: [{ key: 'greeting.reply' }], state: { unknownStreak: 0 } };
    case 'thanks':
      return { intent, replies: [{ key: 'thanks.reply' }], state: { unknownStreak: 0 } };
    case 'talk_to_human':
      return handoff(intent);
    case 'complaint':
      return handoff(intent, [{ key: 'complaint.sorry' }]);
    case 'privacy_request':
      return handoff(intent, [{ key: 'privacy.request' }]);
    case 'payment_issue':
      return answered(intent, [{ key: 'payment.issue' }]);
    case 'installation_help':
      return answered(intent, [{ key: 'installation.help' }]);
    case 'return_request':
      return answered(intent, returnReplies(site, input.knowledge, entities.countries[0] ?? input.country));
    case 'vat_question':
    case 'customs_duties': {
      // A country the shopper names wins over the one their connection comes from.
      const named = entities.countries[0] ?? input.country;
      if (!named) return { intent, replies: [{ key: 'ask.country' }], state: { unknownStreak: 0, awaiting: { kind: 'country', intent } } };
      const answer = intent === 'vat_question' ? vatReplies(input.knowledge, named, entities.amounts[0], entities.priceBasis) : customsReplies(input.knowledge, named);
      // No data for that country: the bot says so, and a person answers rather than a guess.
      return answer.needsPerson ? handoff(intent, answer.replies) : answered(intent, answer.replies);
    }
    default: {
      const unknownStreak = state.unknownStreak + 1;
      if (unknownStreak >= UNKNOWN_BEFORE_HANDOFF) return handoff('unknown');
      return { intent: 'unknown', replies: [{ key: 'fallback', quickReplies: ['human'] }], state: { ...state, unknownStreak } };
    }
  }
}

/**
 * The intent to answer: what the message says, unless it is the answer to the bot's question
 * ("NL-10492" after "what's your order number?"), which resumes the intent that asked. A short
 * answer resumes even if the classifier reads another order intent into it (a bare number has
 * almost no features); a longer message with its own question keeps its own intent.
 */
function resumedIntent(understanding: Understanding, text: string, state: BotStateRecord): string {
  const { intent, entities } = understanding;
  const awaiting = state.awaiting;
  if (!awaiting?.intent) return intent;
  const isShortAnswer = text.trim().split(/\s+/u).length <= SHORT_ANSWER_WORDS;
  if (awaiting.kind === 'order_number' && entities.orderNumbers.length > 0 && (isShortAnswer || !ORDER_INTENTS.has(intent))) return awaiting.intent;
  if (awaiting.kind === 'country' && entities.countries.length > 0 && (isShortAnswer || !COUNTRY_INTENTS.has(intent))) return awaiting.intent;
  return intent;
}
