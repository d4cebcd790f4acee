import { LIMITS, ParleyError } from '@parley/protocol';
import type { ConversationRef, ConversationStatus, ConversationSummary, HistoryFetchAckData, InboxPage, InboxQuery, Message, Note, Region } from '@parley/protocol';
import type { AgentRecord } from '../../storage/directory/directory-store.ts';
import type { ConversationRecord, NoteRecord } from '../../storage/region-store.ts';
import { revealSpan } from '../privacy/masking.ts';
import { mayTake } from '../routing/choose-agent.ts';
import { assertMayAssign, isOverseer, mayReveal } from './access.ts';
import { maskingFor, RECENT_REPLY_MS } from './agent-feature.ts';
import type { AgentFeature } from './agent-feature.ts';
import { messageForAgent, noteForAgent, summaryOf } from './agent-views.ts';
import { readInbox } from './inbox.ts';
import { pageWithinBytes } from '../conversations/history-page.ts';
import { composeReply } from '../translation/compose-reply.ts';
import type { ReplyInput } from '../translation/compose-reply.ts';
import { announceTranslationState } from '../translation/translation-fanout.ts';

/**
 * What an agent can do, whatever the transport (the `/agent` socket or REST with an API
 * token): each call finds the conversation in its own region, checks role, sites and regions,
 * goes through the conversation pipeline (which audits and publishes), and answers masked.
 */
export class AgentActions {
  readonly #feature: AgentFeature;

  constructor(feature: AgentFeature) {
    this.#feature = feature;
  }

  /** A conversation the agent may read, with its region. */
  locate(agent: AgentRecord, ref: ConversationRef): Promise<{ region: Region; conversation: ConversationRecord }> {
    return this.#feature.locator.locate(agent, ref);
  }

  /** The summary of a conversation, masked for agents. */
  summary(region: Region, conversation: ConversationRecord): ConversationSummary {
    return summaryOf(region, conversation, maskingFor(this.#feature, conversation));
  }

  async inbox(agent: AgentRecord, query: InboxQuery): Promise<InboxPage> {
    const { rows, counts } = await readInbox({ agent, query, store: (region) => this.#feature.conversations.store(region), now: this.#feature.now() });
    for (const row of rows) this.#feature.locator.remember(row.conversation.id, row.region);
    return { conversations: rows.map(({ region, conversation }) => this.summary(region, conversation)), counts };
  }

  async assign(agent: AgentRecord, ref: ConversationRef, requested: string | null | undefined): Promise<ConversationSummary> {
    const { region, conversation } = await this.locate(agent, ref);
    const to = requested === undefined ? agent.id : requested;
    if (to !== null && to !== agent.id) {
      const target = await this.#feature.directory.getAgent(to);
      if (!target || target.isDisabled) throw new ParleyError('PARLEY_ERR_AGENT_NOT_FOUND', undefined, { agentId: to });
      if (!mayTake(target, region, conversation)) throw new ParleyError('PARLEY_ERR_FORBIDDEN_REGION', `${target.name} may not work on this conversation's site or region.`, { agentId: to, region });
    }
    assertMayAssign(agent, region, conversation, to);
    // "To me" without naming anyone is a claim from the queue; naming an agent is a transfer.
    const options = requested === undefined ? { expected: null } : {};
    return this.summary(region, await this.#feature.conversations.assign(region, conversation.id, to, agent.id, options));
  }

  /**
   * Moves a conversation to a status. An `agent` changing a queued conversation takes it first:
   * otherwise a pending or snoozed conversation would leave the queue with nobody holding it.
   */
  async setStatus(agent: AgentRecord, ref: ConversationRef, status: Exclude<ConversationStatus, 'bot'>, snoozedUntil: string | undefined): Promise<ConversationSummary> {
    const { region, conversation } = await this.locate(agent, ref);
    if (!isOverseer(agent) && !conversation.assigneeId) await this.#feature.conversations.assign(region, conversation.id, agent.id, agent.id);
    return this.summary(region, await this.#feature.conversations.setStatus(region, conversation.id, status, snoozedUntil, agent.id));
  }

  /**
   * An agent's reply; refused when a colleague replied moments ago unless `force`.
   * `isDuplicate`: the clientMsgId was stored before, and this is that message.
   */
  async send(agent: AgentRecord, ref: ConversationRef, input: { clientMsgId: string; text: string; force?: boolean | undefined } & ReplyInput): Promise<{ message: Message; isDuplicate: boolean }> {
    const { region, conversation } = await this.locate(agent, ref);
    const masking = maskingFor(this.#feature, conversation);
    // A retried send is answered with what was stored, without translating it again.
    const stored = await this.#feature.conversations.store(region).getMessageByClientId(conversation.id, input.clientMsgId);
    if (stored) return { message: messageForAgent(stored, masking), isDuplicate: true };
    const recent = conversation.lastAgentReply;
    const isSomeoneElse = recent !== undefined && recent.agentId !== agent.id && this.#feature.now().getTime() - Date.parse(recent.at) < RECENT_REPLY_MS;
    if (isSomeoneElse && !input.force) {
      const other = await this.#feature.directory.getAgent(recent.agentId);
      throw new ParleyError('PARLEY_ERR_CONVERSATION_RECENT_REPLY', undefined, { by: other?.name ?? 'another agent', at: recent.at });
    }
    const reply = await composeReply(this.#feature, region, conversation, agent, input);
    const { message, isDuplicate } = await this.#feature.conversations.postMessage(region, {
      conversationId: conversation.id,
      clientMsgId: input.clientMsgId,
      author: { kind: 'agent', id: agent.id, name: agent.name },
      ...reply,
    });
    // A translated reply may have spent characters: the consoles show the usage as it is now.
    if (reply.original && !isDuplicate) void announceTranslationState(this.#feature, region, conversation).catch(() => undefined);
    return { message: messageForAgent(message, masking), isDuplicate };
  }

  async note(agent: AgentRecord, ref: ConversationRef, input: { clientNoteId: string; text: string }): Promise<Note> {
    const { region, conversation } = await this.locate(agent, ref);
    const note: NoteRecord = await this.#feature.conversations.addNote(region, { conversationId: conversation.id, clientNoteId: input.clientNoteId, author: { kind: 'agent', id: agent.id, name: agent.name }, text: input.text });
    return noteForAgent(note, maskingFor(this.#feature, conversation));
  }

  async history(agent: AgentRecord, ref: ConversationRef, afterSeq: number, limit: number = LIMITS.historyPageMax): Promise<HistoryFetchAckData> {
    const { region, conversation } = await this.locate(agent, ref);
    const page = await this.#feature.conversations.store(region).listMessages(conversation.id, { afterSeq, limit: limit + 1 });
    const masking = maskingFor(this.#feature, conversation);
    return pageWithinBytes(page.map((message) => messageForAgent(message, masking)), limit, LIMITS.historyPageBytesMax);
  }

  /** One masked value in the clear, for agents allowed to; audited with the reason. */
  async reveal(agent: AgentRecord, ref: ConversationRef, input: { messageId: string; index: number; reason: string }): Promise<string> {
    if (!mayReveal(agent)) throw new ParleyError('PARLEY_ERR_FORBIDDEN_ROLE', 'This agent may not reveal masked personal data.');
    const { region, conversation } = await this.locate(agent, ref);
    const message = await this.#feature.conversations.store(region).getMessage(conversation.id, input.messageId);
    const value = message ? revealSpan(message.text, input.index, maskingFor(this.#feature, conversation)) : undefined;
    if (value === undefined) throw new ParleyError('PARLEY_ERR_PII_NOT_FOUND');
    await this.#feature.conversations.audit(region, { conversationId: conversation.id, actorId: agent.id, action: 'pii.reveal', details: { messageId: input.messageId, index: input.index, reason: input.reason } });
    this.#feature.log.info({ conversationId: conversation.id, messageId: input.messageId, agentId: agent.id }, 'masked value revealed');
    return value;
  }
}
