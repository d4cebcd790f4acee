import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ApiTokenScope, Message, Session } from '@parley/protocol';
import { CreatedApiTokenResponseSchema } from '../src/features/accounts/account-schemas.ts';
import {
  ConversationResponseSchema,
  ConversationSummarySchema,
  InboxPageSchema,
  MessagePageSchema,
  RestErrorBodySchema,
  RestMessageSchema,
  RestNoteSchema,
} from '../src/features/agent/agent-rest-schemas.ts';
import { refsIn } from '../src/features/openapi/components.ts';
import { addAgent, call, connectAgent, nextEvent, signIn } from './agent-harness.ts';
import { connectForSession, rawSocket, removeDataDir, startGateway, testConfig } from './gateway-harness.ts';
import type { RunningGateway, TestSocket } from './gateway-harness.ts';

interface Credentials {
  token?: string;
  session?: { cookie: string; csrfToken?: string };
}

interface Answer {
  status: number;
  body: unknown;
}

/** The body parsed with a REST schema, which must have kept every field (the schemas are the API's shapes). */
function shaped<S extends z.ZodType>(schema: S, answer: Answer): z.output<S> {
  const parsed = schema.parse(answer.body);
  expect(parsed).toEqual(answer.body);
  return parsed;
}

/** The coded error of a refused call. */
function errorOf(answer: Answer): z.output<typeof RestErrorBodySchema>['error'] {
  return shaped(RestErrorBodySchema, answer).error;
}

/** The parts of an OpenAPI document the test reads. */
interface OpenApiOperation {
  tags?: string[];
  summary?: string;
  security?: unknown;
  parameters?: Array<{ name: string }>;
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
  responses: Record<string, { content: Record<string, { schema: unknown }> }>;
}
interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, unknown> };
}

describe('REST API for integrations', () => {
  let gateway: RunningGateway;
  const sockets: Array<{ disconnect(): unknown }> = [];
  beforeAll(async () => {
    gateway = await startGateway(testConfig({ PARLEY_COUNTRY_HEADER: 'x-country' }));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await gateway.stop();
    removeDataDir(gateway.config);
  });

  /** One real HTTP call; answers the status and the parsed JSON body. */
  async function api(method: string, path: string, credentials: Credentials, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (credentials.token) headers['authorization'] = `Bearer ${credentials.token}`;
    if (credentials.session) headers['cookie'] = credentials.session.cookie;
    if (credentials.session?.csrfToken) headers['x-csrf-token'] = credentials.session.csrfToken;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${gateway.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  /** A new agent and an API token of theirs with `scopes`, minted through the console's route. */
  async function agentWithToken(options: Parameters<typeof addAgent>[1], scopes: ApiTokenScope[]): Promise<{ agentId: string; name: string; token: string; tokenId: string; session: { cookie: string; csrfToken: string } }> {
    const agent = await addAgent(gateway.app, options);
    const session = await signIn(gateway.url, agent.email);
    const created = await api('POST', '/v1/agent/tokens', { session }, { name: 'integration', scopes });
    expect(created.status).toBe(201);
    const { token, id } = CreatedApiTokenResponseSchema.parse(created.body);
    return { agentId: agent.id, name: agent.name, token, tokenId: id, session };
  }

  /** A shopper in Germany (EU region) who asked for a person: queued, with nobody online. */
  async function waitingShopper(): Promise<{ socket: TestSocket; session: Session }> {
    const socket = rawSocket(gateway.url, { locales: ['en-US'] }, { 'x-country': 'DE' });
    sockets.push(socket);
    const session = await connectForSession(socket);
    await say(socket, 'I need a person please');
    const store = gateway.app.regions.store('eu');
    for (let tries = 0; (await store.getConversation(session.conversationId))?.status !== 'open'; tries++) {
      if (tries > 100) throw new Error('the conversation was never handed to people');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { socket, session };
  }

  async function say(socket: TestSocket, text: string): Promise<Message> {
    const ack = await socket.timeout(5000).emitWithAck('message:send', { clientMsgId: randomUUID(), text });
    if (!ack.ok) throw new Error(ack.error.code);
    return ack.data;
  }

  it('refuses a call without credentials, and an API token without the scope', async () => {
    const none = await api('GET', '/v1/conversations', {});
    expect(none.status).toBe(401);
    expect(errorOf(none).code).toBe('PARLEY_ERR_AUTH_REQUIRED');
    const { session } = await waitingShopper();
    const reader = await agentWithToken({ name: 'Rhea', role: 'supervisor' }, ['conversations:read']);
    expect((await api('GET', `/v1/conversations/${session.conversationId}`, reader)).status).toBe(200);
    const post = await api('POST', `/v1/conversations/${session.conversationId}/messages`, reader, { clientMsgId: randomUUID(), text: 'Hello' });
    expect(post.status).toBe(403);
    expect(errorOf(post)).toMatchObject({ code: 'PARLEY_ERR_AUTH_SCOPE_MISSING', details: { scope: 'conversations:write' } });
    expect(errorOf(await api('PATCH', `/v1/conversations/${session.conversationId}`, reader, { status: 'resolved' })).code).toBe('PARLEY_ERR_AUTH_SCOPE_MISSING');
    const writer = await agentWithToken({ name: 'Walt', role: 'supervisor' }, ['conversations:write']);
    expect(errorOf(await api('GET', '/v1/conversations', writer)).code).toBe('PARLEY_ERR_AUTH_SCOPE_MISSING');
  });

  it('refuses a revoked token', async () => {
    const owner = await agentWithToken({ name: 'Ravi' }, ['conversations:read']);
    expect((await api('GET', '/v1/conversations', owner)).status).toBe(200);
    expect((await api('DELETE', `/v1/agent/tokens/${owner.tokenId}`, { session: owner.session })).status).toBe(204);
    const refused = await api('GET', '/v1/conversations', owner);
    expect(refused.status).toBe(401);
    expect(errorOf(refused).code).toBe('PARLEY_ERR_AUTH_SESSION_EXPIRED');
  });

  it('lists, reads and pages messages, masked as agents see them, in the documented shapes', async () => {
    const { socket, session } = await waitingShopper();
    const said = await say(socket, 'Call me on +49 30 12345678 please');
    const sam = await agentWithToken({ name: 'Sam' }, ['conversations:read']);
    const id = session.conversationId;
    const ids = (answer: Answer) => shaped(InboxPageSchema, answer).conversations.map((c) => c.id);

    const page = shaped(InboxPageSchema, await api('GET', '/v1/conversations?view=unassigned&status=open&region=eu&siteKey=demo&country=DE&language=en&limit=200', sam));
    const row = page.conversations.find((c) => c.id === id);
    expect(row).toMatchObject({ region: 'eu', status: 'open', assigneeId: null, country: 'DE', handoffReason: 'asked_for_person' });
    expect(row?.lastMessage?.text).toBe('Call me on +49 ••• 5678 please');
    expect(page.counts.unassigned).toBeGreaterThanOrEqual(1);
    expect(ids(await api('GET', '/v1/conversations', sam))).toContain(id);
    expect(ids(await api('GET', '/v1/conversations?region=us&status=open&status=pending', sam))).not.toContain(id);
    expect(ids(await api('GET', '/v1/conversations?view=mine', sam))).not.toContain(id);
    expect(errorOf(await api('GET', '/v1/conversations?view=everything', sam)).code).toBe('PARLEY_ERR_PAYLOAD_INVALID');

    const one = shaped(ConversationResponseSchema, await api('GET', `/v1/conversations/${id}`, sam));
    expect(one.conversation).toEqual(row);
    const missing = await api('GET', '/v1/conversations/c_nope', sam);
    expect(missing.status).toBe(404);
    expect(errorOf(missing).code).toBe('PARLEY_ERR_CONVERSATION_NOT_FOUND');

    const messages = await api('GET', `/v1/conversations/${id}/messages`, sam);
    const history = shaped(MessagePageSchema, messages);
    expect(history.messages.find((m) => m.id === said.id)?.text).toBe('Call me on +49 ••• 5678 please');
    expect(JSON.stringify(messages.body)).not.toContain('12345678');
    const after = shaped(MessagePageSchema, await api('GET', `/v1/conversations/${id}/messages?afterSeq=${said.seq - 1}&limit=1`, sam));
    expect(after.messages.map((m) => m.id)).toEqual([said.id]);
  });

  it('replies to the shopper live with the agent name, idempotently, and adds notes the shopper never gets', async () => {
    const { socket, session } = await waitingShopper();
    const kim = await agentWithToken({ name: 'Kim' }, ['conversations:read', 'conversations:write']);
    const path = `/v1/conversations/${session.conversationId}`;
    const received: Message[] = [];
    socket.on('message:created', (m: Message) => received.push(m));
    const live = nextEvent<Message>(socket, 'message:created', (m) => m.author.kind === 'agent');
    const clientMsgId = randomUUID();
    const first = await api('POST', `${path}/messages`, kim, { clientMsgId, text: 'Hi, Kim here. How can I help?' });
    expect(first.status).toBe(201);
    const sent = shaped(RestMessageSchema, first);
    expect(sent).toMatchObject({ conversationId: session.conversationId, clientMsgId, author: { kind: 'agent', name: 'Kim' } });
    const shopperGot = await live;
    expect(shopperGot.author).toEqual({ kind: 'agent', name: 'Kim' });
    expect(shopperGot).toMatchObject({ id: sent.id, seq: sent.seq, text: 'Hi, Kim here. How can I help?' });

    const repeat = await api('POST', `${path}/messages`, kim, { clientMsgId, text: 'Hi, Kim here. How can I help?' });
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual(sent);
    const bad = await api('POST', `${path}/messages`, kim, { clientMsgId: 'not-a-uuid', text: 'x' });
    expect(bad.status).toBe(400);
    expect(errorOf(bad).code).toBe('PARLEY_ERR_PAYLOAD_INVALID');

    const added = await api('POST', `${path}/notes`, kim, { clientNoteId: randomUUID(), text: 'Customer called twice' });
    expect(added.status).toBe(201);
    expect(shaped(RestNoteSchema, added)).toMatchObject({ conversationId: session.conversationId, text: 'Customer called twice', author: { kind: 'agent', name: 'Kim' } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received.filter((m) => m.author.kind === 'agent').map((m) => m.id)).toEqual([sent.id]);
    expect(received.map((m) => m.text)).not.toContain('Customer called twice');
    // Replying to a queued conversation took it: the integration acts as its agent.
    expect((await gateway.app.regions.store('eu').getConversation(session.conversationId))?.assigneeId).toBe(kim.agentId);
  });

  it('changes assignee, then status; the REST answers are what the console socket sees', async () => {
    const { session } = await waitingShopper();
    const sue = await agentWithToken({ name: 'Sue', role: 'supervisor' }, ['conversations:read', 'conversations:write']);
    const otto = await addAgent(gateway.app, { name: 'Otto' });
    const path = `/v1/conversations/${session.conversationId}`;
    const patch = async (body: unknown) => api('PATCH', path, sue, body);
    const patched = await patch({ assigneeId: otto.id, status: 'pending' });
    expect(patched.status).toBe(200);
    expect(shaped(ConversationSummarySchema, patched)).toMatchObject({ id: session.conversationId, assigneeId: otto.id, status: 'pending' });
    const until = new Date(Date.now() + 3_600_000).toISOString();
    expect(shaped(ConversationSummarySchema, await patch({ status: 'snoozed', snoozedUntil: until }))).toMatchObject({ status: 'snoozed', snoozedUntil: until, assigneeId: otto.id });
    expect(errorOf(await patch({ snoozedUntil: until })).code).toBe('PARLEY_ERR_PAYLOAD_INVALID');
    expect(errorOf(await patch({ status: 'snoozed' })).code).toBe('PARLEY_ERR_PAYLOAD_INVALID');
    expect(errorOf(await patch({ status: 'bot' })).code).toBe('PARLEY_ERR_PAYLOAD_INVALID');
    const queued = shaped(ConversationSummarySchema, await patch({ assigneeId: null, status: 'open' }));
    expect(queued).toMatchObject({ assigneeId: null, status: 'open' });
    const nobody = await patch({ assigneeId: 'a_nobody' });
    expect(nobody.status).toBe(404);
    expect(errorOf(nobody).code).toBe('PARLEY_ERR_AGENT_NOT_FOUND');
    expect((await patch({})).body).toEqual(queued);

    // The REST schemas drop no field the socket sends (they would strip unknown ones).
    const email = (await gateway.app.directory.getAgent(sue.agentId))?.email ?? '';
    const { socket: console } = await connectAgent(gateway.url, { email });
    sockets.push(console);
    const detail = await call(console, 'conversation:open', { conversationId: session.conversationId });
    expect(shaped(ConversationResponseSchema, await api('GET', path, sue)).conversation).toEqual(detail.conversation);
    expect(shaped(MessagePageSchema, await api('GET', `${path}/messages`, sue)).messages).toEqual(detail.messages);
  });

  it('refuses an agent barred from the conversation region with PARLEY_ERR_FORBIDDEN_REGION', async () => {
    const { session } = await waitingShopper();
    const uma = await agentWithToken({ name: 'Uma', regions: ['us'] }, ['conversations:read', 'conversations:write']);
    const path = `/v1/conversations/${session.conversationId}`;
    const read = await api('GET', path, uma);
    expect(read.status).toBe(403);
    expect(errorOf(read).code).toBe('PARLEY_ERR_FORBIDDEN_REGION');
    expect(errorOf(await api('GET', `${path}/messages`, uma)).code).toBe('PARLEY_ERR_FORBIDDEN_REGION');
    expect(errorOf(await api('POST', `${path}/messages`, uma, { clientMsgId: randomUUID(), text: 'Hello' })).code).toBe('PARLEY_ERR_FORBIDDEN_REGION');
    expect(errorOf(await api('PATCH', path, uma, { status: 'resolved' })).code).toBe('PARLEY_ERR_FORBIDDEN_REGION');
    const list = shaped(InboxPageSchema, await api('GET', '/v1/conversations?view=unassigned', uma));
    expect(list.conversations.map((c) => c.id)).not.toContain(session.conversationId);
  });

  it('accepts a console session, with X-CSRF-Token on writes', async () => {
    const { session } = await waitingShopper();
    const lea = await addAgent(gateway.app, { name: 'Lea', role: 'supervisor' });
    const { cookie, csrfToken } = await signIn(gateway.url, lea.email);
    const path = `/v1/conversations/${session.conversationId}`;
    expect((await api('GET', path, { session: { cookie } })).status).toBe(200);
    const withoutCsrf = await api('POST', `${path}/notes`, { session: { cookie } }, { clientNoteId: randomUUID(), text: 'no csrf' });
    expect(withoutCsrf.status).toBe(403);
    expect(errorOf(withoutCsrf).code).toBe('PARLEY_ERR_AUTH_CSRF_INVALID');
    expect(errorOf(await api('PATCH', path, { session: { cookie, csrfToken: 'wrong' } }, { status: 'resolved' })).code).toBe('PARLEY_ERR_AUTH_CSRF_INVALID');
    expect((await api('POST', `${path}/notes`, { session: { cookie, csrfToken } }, { clientNoteId: randomUUID(), text: 'with csrf' })).status).toBe(201);
  });

  it('serves a valid OpenAPI 3.1 document of these routes at /v1/openapi.json', async () => {
    const answer = await api('GET', '/v1/openapi.json', {});
    expect(answer.status).toBe(200);
    const doc = answer.body as OpenApiDocument;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'cookie', 'csrf']);
    expect(doc.components.securitySchemes['bearer']).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes['cookie']).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'parley_session' });
    expect(doc.components.securitySchemes['csrf']).toMatchObject({ type: 'apiKey', in: 'header', name: 'x-csrf-token' });
    const expected: Array<[string, string, ApiTokenScope, string]> = [
      ['/v1/conversations', 'get', 'conversations:read', 'InboxPage'],
      ['/v1/conversations/{id}', 'get', 'conversations:read', ''],
      ['/v1/conversations/{id}/messages', 'get', 'conversations:read', 'MessagePage'],
      ['/v1/conversations/{id}/messages', 'post', 'conversations:write', 'Message'],
      ['/v1/conversations/{id}/notes', 'post', 'conversations:write', 'Note'],
      ['/v1/conversations/{id}', 'patch', 'conversations:write', 'ConversationSummary'],
    ];
    for (const [path, method, scope, component] of expected) {
      const operation = doc.paths[path]?.[method];
      if (!operation) throw new Error(`${method} ${path} is not documented`);
      expect(operation.tags).toEqual(['Conversations']);
      expect(operation.summary).toEqual(expect.any(String));
      expect(operation.security).toEqual([{ bearer: [scope] }, method === 'get' ? { cookie: [] } : { cookie: [], csrf: [] }]);
      expect(operation.responses['4XX']?.content['application/json']?.schema).toEqual({ $ref: '#/components/schemas/Error' });
      const success = operation.responses[method === 'post' ? '201' : '200']?.content['application/json']?.schema;
      if (component) expect(success).toEqual({ $ref: `#/components/schemas/${component}` });
      else expect(refsIn(success)).toEqual(['ConversationSummary']);
    }
    expect(doc.paths['/v1/conversations']?.['get']?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['view', 'status', 'region', 'siteKey', 'language', 'country', 'limit']));
    expect(doc.paths['/v1/conversations/{id}/messages']?.['get']?.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['id', 'afterSeq', 'limit']));
    expect(Object.keys(doc.paths['/v1/conversations/{id}']?.['patch']?.requestBody?.content['application/json']?.schema.properties ?? {})).toEqual(['status', 'snoozedUntil', 'assigneeId']);
    // Every $ref resolves to a component, and nothing outside the API (widget, demo, console files) is listed.
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(Object.keys(doc.components.schemas)).toContain(ref);
    expect(JSON.stringify(doc).match(/"\$ref":"(?!#\/components\/schemas\/)/g)).toBeNull();
    expect(Object.keys(doc.paths).every((path) => path.startsWith('/v1/') || path === '/healthz' || path === '/readyz')).toBe(true);
  });
});
