import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { ParleyError, RestConversationPatchSchema } from '@parley/protocol';
import type { ApiTokenScope, ConversationSummary } from '@parley/protocol';
import type { AgentRecord } from '../../storage/directory/directory-store.ts';
import { authenticateRequest } from '../accounts/authenticate-request.ts';
import type { Authenticator } from '../accounts/principal.ts';
import { securityFor } from '../openapi/security.ts';
import type { AgentActions } from './agent-actions.ts';
import {
  ConversationParamsSchema,
  ConversationResponseSchema,
  ConversationSummarySchema,
  InboxPageSchema,
  InboxQueryStringSchema,
  MessagePageQuerySchema,
  MessagePageSchema,
  RestErrorBodySchema,
  RestMessageBodySchema,
  RestMessageSchema,
  RestNoteBodySchema,
  RestNoteSchema,
} from './agent-rest-schemas.ts';

/** What the conversation REST routes need. */
export interface ConversationRestOptions {
  actions: AgentActions;
  authenticator: Authenticator;
}

const TAGS = ['Conversations'];
/** A JSON response with the description the OpenAPI document shows for it. */
function json<S extends z.ZodType>(description: string, schema: S): { description: string; content: { 'application/json': { schema: S } } } {
  return { description, content: { 'application/json': { schema } } };
}
// Every error answer is the coded body; the error handler in app.ts writes it.
const ERRORS = {
  '4xx': json('A refusal: PARLEY_ERR_AUTH_* (401/403), PARLEY_ERR_FORBIDDEN_* (403), …_NOT_FOUND (404), PARLEY_ERR_PAYLOAD_INVALID (400), PARLEY_ERR_RATE_LIMITED (429).', RestErrorBodySchema),
  '5xx': json('PARLEY_ERR_INTERNAL_ERROR or PARLEY_ERR_STORE_UNAVAILABLE; retry.', RestErrorBodySchema),
};
const READ = { tags: TAGS, security: securityFor('conversations:read', 'read') };
const WRITE = { tags: TAGS, security: securityFor('conversations:write', 'write') };

/**
 * The conversations REST API, for integrations (an API token with `conversations:read` /
 * `conversations:write`) and the console (session cookie; CSRF header on writes). Every call
 * acts as the token's or session's agent through AgentActions, so roles, sites, regions,
 * masking, auditing and live delivery are exactly the socket's.
 */
export const conversationRestRoutes: FastifyPluginAsyncZod<ConversationRestOptions> = async (app, { actions, authenticator }) => {
  const caller = async (request: FastifyRequest, scope: ApiTokenScope): Promise<AgentRecord> => (await authenticateRequest(request, authenticator, { scope })).agent;

  app.get(
    '/v1/conversations',
    { schema: { ...READ, summary: 'List conversations (one inbox view)', querystring: InboxQueryStringSchema, response: { 200: json('The page and the counts of every view.', InboxPageSchema), ...ERRORS } } },
    async (request) => actions.inbox(await caller(request, 'conversations:read'), request.query),
  );

  app.get(
    '/v1/conversations/:id',
    { schema: { ...READ, summary: 'Read one conversation', params: ConversationParamsSchema, response: { 200: json('The conversation.', ConversationResponseSchema), ...ERRORS } } },
    async (request) => {
      const agent = await caller(request, 'conversations:read');
      const { region, conversation } = await actions.locate(agent, { conversationId: request.params.id });
      return { conversation: actions.summary(region, conversation) };
    },
  );

  app.get(
    '/v1/conversations/:id/messages',
    { schema: { ...READ, summary: "Read a conversation's messages (masked)", params: ConversationParamsSchema, querystring: MessagePageQuerySchema, response: { 200: json('Messages after afterSeq, oldest first.', MessagePageSchema), ...ERRORS } } },
    async (request) => actions.history(await caller(request, 'conversations:read'), { conversationId: request.params.id }, request.query.afterSeq, request.query.limit),
  );

  app.post(
    '/v1/conversations/:id/messages',
    {
      schema: {
        ...WRITE,
        summary: 'Reply to the shopper',
        description: 'Idempotent on `clientMsgId`: 201 when stored, 200 with the same message when it was stored before.',
        params: ConversationParamsSchema,
        body: RestMessageBodySchema,
        response: { 200: json('Stored before: the same message.', RestMessageSchema), 201: json('Stored and delivered to the shopper.', RestMessageSchema), ...ERRORS },
      },
    },
    async (request, reply) => {
      const agent = await caller(request, 'conversations:write');
      const { message, isDuplicate } = await actions.send(agent, { conversationId: request.params.id }, request.body);
      return reply.code(isDuplicate ? 200 : 201).send(message);
    },
  );

  app.post(
    '/v1/conversations/:id/notes',
    {
      schema: {
        ...WRITE,
        summary: 'Add an internal note',
        description: 'Agents only; the shopper never receives it. A repeat of `clientNoteId` answers the first note.',
        params: ConversationParamsSchema,
        body: RestNoteBodySchema,
        response: { 201: json('The stored note.', RestNoteSchema), ...ERRORS },
      },
    },
    async (request, reply) => {
      const agent = await caller(request, 'conversations:write');
      return reply.code(201).send(await actions.note(agent, { conversationId: request.params.id }, request.body));
    },
  );

  app.patch(
    '/v1/conversations/:id',
    {
      schema: {
        ...WRITE,
        summary: 'Change assignee and/or status',
        description: 'The assignee changes first, then the status; `snoozedUntil` goes with `status: snoozed`. Answers the summary after.',
        params: ConversationParamsSchema,
        body: RestConversationPatchSchema,
        response: { 200: json('The conversation after the changes.', ConversationSummarySchema), ...ERRORS },
      },
    },
    async (request): Promise<ConversationSummary> => {
      const agent = await caller(request, 'conversations:write');
      const ref = { conversationId: request.params.id };
      const { status, snoozedUntil, assigneeId } = request.body;
      if (snoozedUntil !== undefined && status !== 'snoozed') {
        throw new ParleyError('PARLEY_ERR_PAYLOAD_INVALID', 'snoozedUntil is only for status "snoozed".', { field: 'snoozedUntil' });
      }
      let summary: ConversationSummary | undefined;
      if (assigneeId !== undefined) summary = await actions.assign(agent, ref, assigneeId);
      if (status !== undefined) summary = await actions.setStatus(agent, ref, status, snoozedUntil);
      if (summary) return summary;
      const { region, conversation } = await actions.locate(agent, ref);
      return actions.summary(region, conversation);
    },
  );
};
