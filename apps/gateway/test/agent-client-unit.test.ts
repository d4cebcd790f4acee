import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Server } from 'socket.io';
import type { Socket as ServerSocket } from 'socket.io';
import { createAgentClient } from '@parley/client';
import type { AgentClient, AgentClientOptions, Message, Note } from '@parley/client';
import type { AgentClientEvents, AgentProfile, AgentServerEvents, ConversationDetail, ConversationSummary } from '@parley/protocol';
import { ParleyError } from '@parley/protocol/errors';
import type { ErrorCode } from '@parley/protocol/errors';

const NO_TRANSLATION = { isActive: false, isOff: false, agentLang: 'de', shopperLang: 'de-DE', provider: null, reason: 'same_language' as const, usage: { month: '2026-12', characters: 0, budget: null } };

// createAgentClient against a real, small Socket.IO server that speaks just enough of the /agent
// contract (the gateway's namespace is built elsewhere): what a test needs, it sets per test.

type AgentServerSocket = ServerSocket<AgentClientEvents, AgentServerEvents>;
type Payload = Record<string, unknown> & { conversationId: string };
/** Handles a command itself (returns true), e.g. to drop the connection or never ack. */
type Intercept = (payload: Payload, ack: (result: unknown) => void, socket: AgentServerSocket) => boolean;

const ME: AgentProfile = {
  agentId: 'a_ana',
  email: 'ana@example.com',
  name: 'Ana',
  role: 'agent',
  languages: ['de'],
  sites: null,
  regions: null,
  capacity: 5,
  canRevealPersonalData: true,
};
const PASSWORD = 'correct horse battery';

function summary(id: string, patch: Partial<ConversationSummary> = {}): ConversationSummary {
  const at = new Date(0).toISOString();
  return { id, siteKey: 'demo', region: 'eu', channel: 'widget', locale: 'de-DE', status: 'open', assigneeId: null, createdAt: at, updatedAt: at, ...patch };
}

class FakeAgentGateway {
  readonly logins: unknown[] = [];
  readonly handshakes: Array<{ auth: Record<string, unknown>; cookie: string | undefined }> = [];
  readonly received: Array<{ event: string; payload: Payload }> = [];
  readonly store = new Map<string, Message[]>();
  readonly notes = new Map<string, Note>();
  readonly intercepts = new Map<string, Intercept>();
  session = 's3cret';
  /** `conversation:open` answers the first `openLimit` messages (as the gateway does), or the
   * latest `openTail` when set; history pages hold `historyPage`. */
  openLimit = 50;
  openTail: number | undefined;
  historyPage = 200;
  url = '';
  readonly #http = createServer((request, response) => void this.#onRequest(request, response));
  readonly #io = new Server<AgentClientEvents, AgentServerEvents>(this.#http);
  readonly nsp = this.#io.of('/agent');

  async start(): Promise<void> {
    this.nsp.use((socket, next) => {
      const auth = socket.handshake.auth as Record<string, unknown>;
      this.handshakes.push({ auth, cookie: socket.handshake.headers.cookie });
      const refuse = (code: ErrorCode) => next(Object.assign(new Error(code), { data: new ParleyError(code).toPayload() }));
      if (auth['protocolVersion'] !== 1) return refuse('PARLEY_ERR_PROTOCOL_VERSION_MISMATCH');
      if (auth['token'] === 'pat_good' || socket.handshake.headers.cookie === `parley_session=${this.session}`) return next();
      refuse(auth['token'] ? 'PARLEY_ERR_AUTH_REQUIRED' : 'PARLEY_ERR_AUTH_SESSION_EXPIRED');
    });
    this.nsp.on('connection', (socket) => this.#onConnection(socket));
    await new Promise<void>((resolve) => this.#http.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#http.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await this.#io.close();
  }

  /** Stores the next message of a conversation (and tells followers unless `emit` is false). */
  append(conversationId: string, text: string, options: { clientMsgId?: string; emit?: boolean } = {}): Message {
    const list = this.store.get(conversationId) ?? [];
    this.store.set(conversationId, list);
    const seq = list.length + 1;
    const message: Message = {
      id: `${conversationId}-m${seq}`,
      conversationId,
      seq,
      clientMsgId: options.clientMsgId ?? randomUUID(),
      author: { kind: 'visitor' },
      text,
      createdAt: new Date(seq * 1000).toISOString(),
    };
    list.push(message);
    if (options.emit !== false) this.nsp.to(conversationId).emit('message:created', message);
    return message;
  }

  sentTimes(event: string): number {
    return this.received.filter((r) => r.event === event).length;
  }

  #onConnection(socket: AgentServerSocket): void {
    socket.emit('agent:ready', { me: ME, team: [{ agentId: 'a_bo', name: 'Bo', status: 'online', load: 1 }], presence: 'online' });
    const loose = socket as unknown as { on(event: string, listener: (payload: Payload, ack?: (result: unknown) => void) => void): void };
    for (const [event, handle] of Object.entries(this.#handlers())) {
      loose.on(event, (payload, ack = () => undefined) => {
        this.received.push({ event, payload });
        if (this.intercepts.get(event)?.(payload, ack, socket)) return;
        try {
          ack({ ok: true, data: handle(payload, socket) });
        } catch (error) {
          ack({ ok: false, error: (error as ParleyError).toPayload() });
        }
      });
    }
  }

  #handlers(): Record<string, (payload: Payload, socket: AgentServerSocket) => unknown> {
    const messages = (id: string) => this.store.get(id) ?? [];
    return {
      'inbox:list': () => ({ conversations: [summary('c1')], counts: { mine: 0, unassigned: 1, all: 1, breaching: 0 } }),
      'conversation:open': ({ conversationId }, socket): ConversationDetail => {
        if (conversationId === 'forbidden') throw new ParleyError('PARLEY_ERR_FORBIDDEN_REGION');
        void socket.join(conversationId);
        const context = { locale: 'de-DE', region: 'eu' as const, earlier: [], orders: [], tickets: [] };
        const notes = [...this.notes.values()].filter((n) => n.conversationId === conversationId);
        const all = messages(conversationId);
        const page = this.openTail === undefined ? all.slice(0, this.openLimit) : all.slice(Math.max(0, all.length - this.openTail));
        const last = all.at(-1);
        const lastMessage = last && { author: last.author, text: last.text, createdAt: last.createdAt, seq: last.seq };
        return { conversation: summary(conversationId, lastMessage ? { lastMessage } : {}), messages: page, notes, context, viewers: [], visitorReadSeq: 0, agentReadSeq: 0, translation: NO_TRANSLATION };
      },
      'conversation:leave': ({ conversationId }, socket) => (void socket.leave(conversationId), { left: true }),
      'conversation:assign': (p) => summary(p.conversationId, { assigneeId: 'agentId' in p ? (p['agentId'] as string | null) : ME.agentId }),
      'conversation:status': (p) => summary(p.conversationId, { status: p['status'] as 'open', ...(p['snoozedUntil'] ? { snoozedUntil: p['snoozedUntil'] as string } : {}) }),
      'agent:message:send': (p) => {
        const stored = messages(p.conversationId).find((m) => m.clientMsgId === p['clientMsgId']);
        return stored ?? this.append(p.conversationId, p['text'] as string, { clientMsgId: p['clientMsgId'] as string });
      },
      'note:add': (p) => {
        const note: Note = { id: `n-${p['clientNoteId'] as string}`, conversationId: p.conversationId, clientNoteId: p['clientNoteId'] as string, author: { kind: 'agent', id: ME.agentId }, text: p['text'] as string, createdAt: new Date(0).toISOString() };
        if (!this.notes.has(note.id)) {
          this.notes.set(note.id, note);
          this.nsp.to(p.conversationId).emit('note:created', note);
        }
        return this.notes.get(note.id);
      },
      'agent:history:fetch': (p) => {
        const after = messages(p.conversationId).filter((m) => m.seq > (p['afterSeq'] as number));
        const size = Math.min(this.historyPage, (p['limit'] as number | undefined) ?? 200);
        return { messages: after.slice(0, size), hasMore: after.length > size };
      },
      'presence:set': (p) => ({ status: p['status'] }),
      'pii:reveal': () => ({ value: '+49 30 1234567' }),
      'agent:typing:set': () => undefined,
      'agent:read:set': () => undefined,
    };
  }

  async #onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST' || request.url !== '/v1/agent/session') return void response.writeHead(404).end();
    let raw = '';
    for await (const chunk of request) raw += String(chunk);
    const body = JSON.parse(raw) as { email?: string; password?: string };
    this.logins.push(body);
    if (body.email !== ME.email || body.password !== PASSWORD) {
      const error = new ParleyError('PARLEY_ERR_AUTH_CREDENTIALS_INVALID', undefined, { attemptsLeft: 4 });
      return void response.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error.toPayload() }));
    }
    response
      .writeHead(200, { 'content-type': 'application/json', 'set-cookie': [`parley_session=${this.session}; Path=/; HttpOnly; SameSite=Lax`, 'other=1; Path=/'] })
      .end(JSON.stringify({ agent: ME, csrfToken: 'csrf' }));
  }
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(options: Partial<AgentClientOptions> = {}): Promise<{ gateway: FakeAgentGateway; agent: AgentClient }> {
  const gateway = new FakeAgentGateway();
  await gateway.start();
  cleanups.push(() => gateway.stop());
  const credentials = 'token' in options ? {} : { email: ME.email, password: PASSWORD };
  const agent = createAgentClient({ url: gateway.url, ackTimeoutMs: 2_000, connectTimeoutMs: 5_000, ...credentials, ...options } as AgentClientOptions);
  cleanups.push(() => agent.disconnect());
  return { gateway, agent };
}

function until(predicate: () => boolean, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (predicate()) return resolve();
      if (Date.now() > deadline) return reject(new Error('condition not met in time'));
      setTimeout(tick, 10);
    };
    tick();
  });
}

/** Every `message` the client delivers, as `conversationId:seq`. */
function recordMessages(agent: AgentClient): string[] {
  const seen: string[] = [];
  agent.on('message', (m) => seen.push(`${m.conversationId}:${m.seq}`));
  return seen;
}

describe('createAgentClient: sign-in and handshake', () => {
  it('surfaces a refused sign-in as the coded ParleyError and never opens a socket', async () => {
    const { gateway, agent } = await setup({ password: 'wrong' });
    const error = await agent.connect().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParleyError);
    expect(error).toMatchObject({ code: 'PARLEY_ERR_AUTH_CREDENTIALS_INVALID', status: 401, details: { attemptsLeft: 4 } });
    expect(agent.status).toBe('failed');
    expect(gateway.logins).toEqual([{ email: ME.email, password: 'wrong' }]);
    expect(gateway.handshakes).toEqual([]);
  });

  it('forwards the session cookie on the handshake and resolves with me and the team', async () => {
    const { gateway, agent } = await setup({ totp: '123456' });
    const me = await agent.connect();
    expect(me).toEqual(ME);
    expect(agent.me).toEqual(ME);
    expect(agent.team.map((p) => p.agentId)).toEqual(['a_bo']);
    expect(agent.status).toBe('connected');
    expect(gateway.logins).toEqual([{ email: ME.email, password: PASSWORD, totp: '123456' }]);
    expect(gateway.handshakes).toEqual([{ auth: { protocolVersion: 1 }, cookie: 'parley_session=s3cret' }]);
  });

  it('sends an API token in the handshake auth, without signing in', async () => {
    const { gateway, agent } = await setup({ token: 'pat_good' });
    await agent.connect();
    expect(gateway.logins).toEqual([]);
    expect(gateway.handshakes).toEqual([{ auth: { protocolVersion: 1, token: 'pat_good' }, cookie: undefined }]);
  });

  it('rejects connect() with the handshake refusal code', async () => {
    const { agent } = await setup({ token: 'pat_revoked' });
    await expect(agent.connect()).rejects.toMatchObject({ code: 'PARLEY_ERR_AUTH_REQUIRED' });
    expect(agent.status).toBe('failed');
    await expect(agent.inbox({ view: 'mine' })).rejects.toMatchObject({ code: 'PARLEY_ERR_CLIENT_CLOSED' });
  });

  it('reports a session that expired while it was away, and signs in afresh on the next connect()', async () => {
    const { gateway, agent } = await setup();
    await agent.connect();
    const errors: ParleyError[] = [];
    agent.on('error', (e) => errors.push(e));
    gateway.session = 'rotated';
    for (const socket of gateway.nsp.sockets.values()) socket.conn.close();
    await until(() => errors.length === 1);
    expect(errors[0]).toMatchObject({ code: 'PARLEY_ERR_AUTH_SESSION_EXPIRED' });
    expect(agent.status).toBe('failed');
    expect(gateway.logins).toHaveLength(1); // the stored password does not undo a revocation by itself
    await agent.connect();
    expect(gateway.logins).toHaveLength(2);
    expect(gateway.handshakes.map((h) => h.cookie)).toEqual(['parley_session=s3cret', 'parley_session=s3cret', 'parley_session=rotated']);
  });
});

describe('createAgentClient: sends and notes', () => {
  it('stores a send once across a forced server-side disconnect and resolves once', async () => {
    const { gateway, agent } = await setup();
    await agent.connect();
    await agent.open('c1');
    const seen = recordMessages(agent);
    let dropped = false;
    gateway.intercepts.set('agent:message:send', (payload, ack, socket) => {
      if (dropped) return false; // the default handler finds the stored message by clientMsgId
      dropped = true;
      const stored = gateway.append('c1', payload['text'] as string, { clientMsgId: payload['clientMsgId'] as string, emit: false });
      socket.disconnect(true);
      ack({ ok: true, data: stored }); // lost with the connection
      return true;
    });
    const sent = await agent.send('c1', 'Hallo!');
    const sends = gateway.received.filter((r) => r.event === 'agent:message:send').map((r) => r.payload['clientMsgId']);
    expect(sends).toHaveLength(2);
    expect(sends[0]).toBe(sends[1]);
    expect(sent).toEqual(gateway.store.get('c1')?.[0]);
    expect(gateway.store.get('c1')).toHaveLength(1);
    await until(() => seen.length >= 1);
    expect(seen).toEqual(['c1:1']);
    expect(agent.pendingCount).toBe(0);
  });

  it('retries a retryable refusal, rejects a non-retryable one and sends force when asked', async () => {
    const { gateway, agent } = await setup();
    await agent.connect();
    let storeDown = true;
    gateway.intercepts.set('agent:message:send', (payload, ack) => {
      if (storeDown) {
        storeDown = false;
        ack({ ok: false, error: new ParleyError('PARLEY_ERR_STORE_UNAVAILABLE').toPayload() });
        return true;
      }
      if (payload['text'] === 'too soon' && !payload['force']) {
        ack({ ok: false, error: new ParleyError('PARLEY_ERR_CONVERSATION_RECENT_REPLY').toPayload() });
        return true;
      }
      return false;
    });
    expect((await agent.send('c1', 'after a blip')).seq).toBe(1);
    await expect(agent.send('c1', 'too soon')).rejects.toMatchObject({ code: 'PARLEY_ERR_CONVERSATION_RECENT_REPLY' });
    expect(agent.pendingCount).toBe(0);
    expect(gateway.sentTimes('agent:message:send')).toBe(3);
    expect((await agent.send('c1', 'too soon', { force: true })).seq).toBe(2);
    expect(gateway.received.at(-1)?.payload).toMatchObject({ text: 'too soon', force: true });
    await expect(agent.send('c1', '   ')).rejects.toMatchObject({ code: 'PARLEY_ERR_PAYLOAD_INVALID' });
    await expect(agent.send('c1', 'x'.repeat(4001))).rejects.toMatchObject({ code: 'PARLEY_ERR_MESSAGE_TOO_LONG' });
  });

  it('adds a note with a clientNoteId and reports it once to the note listener', async () => {
    const { gateway, agent } = await setup();
    await agent.connect();
    await agent.open('c1');
    const notes: string[] = [];
    agent.on('note', (n) => notes.push(n.text));
    const note = await agent.note('c1', 'customer called twice');
    expect(note).toMatchObject({ conversationId: 'c1', text: 'customer called twice' });
    expect(gateway.received.at(-1)?.payload['clientNoteId']).toMatch(/^[0-9a-f-]{36}$/);
    await until(() => gateway.notes.size === 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(notes).toEqual(['customer called twice']);
  });
});

describe('createAgentClient: followed conversations', () => {
  it('delivers each message once, in seq order per conversation, whatever order events arrive in', async () => {
    const { gateway, agent } = await setup();
    gateway.append('c1', 'one');
    gateway.append('c1', 'two');
    await agent.connect();
    const seen = recordMessages(agent);
    await agent.open('c1');
    await agent.open('c2');
    const [c1m3, c1m4, c1m5] = ['three', 'four', 'five'].map((t) => gateway.append('c1', t, { emit: false }));
    const [c2m1, c2m2] = ['eins', 'zwei'].map((t) => gateway.append('c2', t, { emit: false }));
    for (const m of [c1m4, c2m2, c1m3, c2m1, c1m3, c1m5, c2m2]) gateway.nsp.to(m!.conversationId).emit('message:created', m!);
    await until(() => seen.length === 7);
    expect(seen.filter((s) => s.startsWith('c1'))).toEqual(['c1:1', 'c1:2', 'c1:3', 'c1:4', 'c1:5']);
    expect(seen.filter((s) => s.startsWith('c2'))).toEqual(['c2:1', 'c2:2']);
    // A message whose predecessor never arrives live is held, then the gap is fetched.
    gateway.append('c1', 'six', { emit: false });
    gateway.append('c1', 'seven');
    await until(() => seen.length === 9);
    expect(seen.slice(7)).toEqual(['c1:6', 'c1:7']);
  });

  it('reopens and resyncs after a reconnect, missing nothing and doubling nothing', async () => {
    const { gateway, agent } = await setup();
    gateway.openLimit = 2;
    gateway.historyPage = 2;
    for (const t of ['a', 'b', 'c', 'd']) gateway.append('c1', t);
    await agent.connect();
    const seen = recordMessages(agent);
    const statuses: string[] = [];
    agent.on('status', (s) => statuses.push(s));
    const detail = await agent.open('c1');
    expect(detail.messages.map((m) => m.seq)).toEqual([1, 2]);
    await until(() => seen.length === 4); // the rest is fetched on from the first page at once
    expect(seen).toEqual(['c1:1', 'c1:2', 'c1:3', 'c1:4']);
    // The reopen shows no gap (its first page is old news): only the resync after the last seq
    // finds what was missed.
    for (const socket of gateway.nsp.sockets.values()) socket.conn.close();
    for (const t of ['e', 'f', 'g', 'h']) gateway.append('c1', t); // nobody in the room hears these
    await until(() => seen.length === 8);
    expect(seen.slice(4)).toEqual(['c1:5', 'c1:6', 'c1:7', 'c1:8']);
    expect(gateway.sentTimes('conversation:open')).toBe(2);
    gateway.append('c1', 'i');
    await until(() => seen.length === 9);
    expect(seen.at(-1)).toBe('c1:9');
    expect(statuses).toEqual(['reconnecting', 'connected']);
    expect((await agent.history('c1')).map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toHaveLength(9);
  });

  it('starts after the first message of an open that answers only the latest page', async () => {
    const { gateway, agent } = await setup();
    gateway.openTail = 2;
    for (const t of ['a', 'b', 'c']) gateway.append('c1', t);
    await agent.connect();
    const seen = recordMessages(agent);
    await agent.open('c1');
    gateway.append('c1', 'd');
    await until(() => seen.length === 3);
    expect(seen).toEqual(['c1:2', 'c1:3', 'c1:4']);
  });

  it('stops following a conversation it may no longer open after a reconnect, and says why', async () => {
    const { gateway, agent } = await setup();
    await agent.connect();
    await expect(agent.open('forbidden')).rejects.toMatchObject({ code: 'PARLEY_ERR_FORBIDDEN_REGION' });
    await agent.open('c1');
    const errors: ParleyError[] = [];
    agent.on('error', (e) => errors.push(e));
    gateway.intercepts.set('conversation:open', (_payload, ack) => {
      ack({ ok: false, error: new ParleyError('PARLEY_ERR_CONVERSATION_NOT_ASSIGNED').toPayload() });
      return true;
    });
    for (const socket of gateway.nsp.sockets.values()) socket.conn.close();
    await until(() => errors.length === 1);
    expect(errors[0]).toMatchObject({ code: 'PARLEY_ERR_CONVERSATION_NOT_ASSIGNED', details: { conversationId: 'c1' } });
    const seen = recordMessages(agent);
    gateway.append('c1', 'not for me');
    await agent.inbox({ view: 'mine' }); // a round trip: the event, had it been delivered, came first
    expect(seen).toEqual([]);
  });
});

describe('createAgentClient: acked calls', () => {
  it('sends the contract payloads and answers with the ack data', async () => {
    const { gateway, agent } = await setup();
    await agent.connect();
    const last = () => gateway.received.at(-1)?.payload;
    expect((await agent.inbox({ view: 'unassigned' })).counts.unassigned).toBe(1);
    expect(last()).toEqual({ view: 'unassigned' });
    expect((await agent.assign('c1')).assigneeId).toBe('a_ana');
    expect(last()).toEqual({ conversationId: 'c1' });
    expect((await agent.assign('c1', 'a_bo')).assigneeId).toBe('a_bo');
    expect((await agent.assign('c1', null)).assigneeId).toBeNull();
    expect(last()).toEqual({ conversationId: 'c1', agentId: null });
    await agent.setStatus('c1', 'resolved');
    expect(last()).toEqual({ conversationId: 'c1', status: 'resolved' });
    const snoozed = await agent.setStatus('c1', 'snoozed', { until: new Date(Date.UTC(2030, 0, 2, 3)) });
    expect(snoozed.snoozedUntil).toBe('2030-01-02T03:00:00.000Z');
    await expect(agent.setStatus('c1', 'snoozed', { until: 'someday' })).rejects.toMatchObject({ code: 'PARLEY_ERR_PAYLOAD_INVALID' });
    expect(await agent.reveal('c1', 'c1-m1', 0, 'customer asked for a call back')).toBe('+49 30 1234567');
    expect(last()).toEqual({ conversationId: 'c1', messageId: 'c1-m1', index: 0, reason: 'customer asked for a call back' });
    expect(await agent.setPresence('away')).toBe('away');
    await agent.leave('c1');
    expect(last()).toEqual({ conversationId: 'c1' });
    agent.setTyping('c1', true);
    agent.markRead('c1', 3);
    await until(() => gateway.sentTimes('agent:read:set') === 1);
    expect(gateway.received.slice(-2)).toEqual([
      { event: 'agent:typing:set', payload: { conversationId: 'c1', isTyping: true } },
      { event: 'agent:read:set', payload: { conversationId: 'c1', seq: 3 } },
    ]);
  });

  it('relays server events and keeps the team current', async () => {
    const { gateway, agent } = await setup();
    await agent.connect();
    const changed: string[] = [];
    agent.on('conversation', (c) => changed.push(`${c.id}:${c.status}`));
    const off = agent.on('presence', () => changed.push('presence'));
    gateway.nsp.emit('conversation:changed', summary('c9', { status: 'pending' }));
    gateway.nsp.emit('presence:changed', { agentId: 'a_bo', name: 'Bo', status: 'away', load: 0 });
    await until(() => changed.length === 2);
    expect(changed).toEqual(['c9:pending', 'presence']);
    expect(agent.team).toEqual([{ agentId: 'a_bo', name: 'Bo', status: 'away', load: 0 }]);
    off();
    gateway.nsp.emit('presence:changed', { agentId: 'a_cy', name: 'Cy', status: 'online', load: 0 });
    await until(() => agent.team.length === 2);
    expect(changed).toHaveLength(2);
  });

  it('rejects a call with PARLEY_ERR_CLIENT_TIMEOUT when no ack comes in time', async () => {
    const { gateway, agent } = await setup({ ackTimeoutMs: 200 });
    await agent.connect();
    gateway.intercepts.set('inbox:list', () => true);
    await expect(agent.inbox({ view: 'all' })).rejects.toMatchObject({ code: 'PARLEY_ERR_CLIENT_TIMEOUT' });
  });

  it('rejects every pending call, send and note with PARLEY_ERR_CLIENT_CLOSED on disconnect()', async () => {
    const { gateway, agent } = await setup();
    await agent.connect();
    for (const event of ['pii:reveal', 'inbox:list', 'agent:message:send', 'note:add']) gateway.intercepts.set(event, () => true);
    const pending = [
      agent.reveal('c1', 'c1-m1', 0, 'needed for the refund'),
      agent.inbox({ view: 'mine' }),
      agent.send('c1', 'never acked'),
      agent.note('c2', 'never acked either'),
    ].map((p) => p.catch((e: unknown) => e));
    await until(() => gateway.received.length === 4);
    agent.disconnect();
    for (const error of await Promise.all(pending)) expect(error).toMatchObject({ code: 'PARLEY_ERR_CLIENT_CLOSED' });
    expect(agent.status).toBe('closed');
    expect(agent.pendingCount).toBe(0);
    await expect(agent.send('c1', 'after close')).rejects.toMatchObject({ code: 'PARLEY_ERR_CLIENT_CLOSED' });
  });
});
