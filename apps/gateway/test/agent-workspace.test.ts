import { createHmac, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationSummary, Message, Session } from '@parley/protocol';
import { agentCommandFixtures } from '@parley/protocol/fixtures';
import { addAgent, agentSocketWith, agentSocketWithToken, call, codeOf, connectAgent, createToken, nextEvent, signIn } from './agent-harness.ts';
import { connectForSession, rawSocket, removeDataDir, startGateway, testConfig } from './gateway-harness.ts';
import type { RunningGateway, TestSocket } from './gateway-harness.ts';

/** A shopper on the demo site, with the given country (edge header) and browser language. */
async function shopper(gateway: RunningGateway, options: { country?: string; locales?: string[] } = {}): Promise<{ socket: TestSocket; session: Session }> {
  const headers: Record<string, string> = options.country ? { 'x-country': options.country } : {};
  const socket = rawSocket(gateway.url, { locales: options.locales ?? ['en-US'] }, headers);
  const session = await connectForSession(socket);
  return { socket, session };
}

async function say(socket: TestSocket, text: string): Promise<Message> {
  const ack = await socket.timeout(5000).emitWithAck('message:send', { clientMsgId: randomUUID(), text });
  if (!ack.ok) throw new Error(ack.error.code);
  return ack.data;
}

/**
 * One gateway per describe block (country header on, agents offline 200 ms after their last
 * socket closes), and every socket a test opens closed after the block.
 */
function useWorkspaceGateway(): { gateway: () => RunningGateway; track: <T extends { disconnect(): unknown }>(socket: T) => T } {
  let gateway: RunningGateway | undefined;
  const sockets: Array<{ disconnect(): unknown }> = [];
  beforeAll(async () => {
    gateway = await startGateway(testConfig({ PARLEY_COUNTRY_HEADER: 'x-country' }), 0, { agentOfflineAfterMs: 200 });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await gateway?.stop();
    if (gateway) removeDataDir(gateway.config);
  });
  return { gateway: () => gateway!, track: (socket) => (sockets.push(socket), socket) };
}

describe('agents take over from the bot', () => {
  const { track, ...running } = useWorkspaceGateway();
  let gateway: RunningGateway;
  beforeAll(() => {
    gateway = running.gateway();
  });

  // First in the file: no agent from another test may be online yet.
  it('a person is "joining" only while someone online has a free seat; a full team means queued', async () => {
    const ira = await addAgent(gateway.app, { name: 'Ira', languages: ['hi', 'en'], regions: ['in'], capacity: 1 });
    const { socket: agent } = await connectAgent(gateway.url, ira);
    track(agent);
    const first = await shopper(gateway, { country: 'IN', locales: ['hi-IN'] });
    track(first.socket);
    const routed = nextEvent<ConversationSummary>(agent, 'conversation:changed', (c) => c.id === first.session.conversationId && c.assigneeId === ira.id);
    const joining = nextEvent<Message>(first.socket, 'message:created', (m) => m.bot?.templateKey?.startsWith('handoff.connecting') === true);
    await say(first.socket, 'I want to talk to a human agent');
    await Promise.all([routed, joining]);
    // Ira's one seat is taken: the next Indian shopper is told the truth, not "joining".
    const second = await shopper(gateway, { country: 'IN', locales: ['hi-IN'] });
    track(second.socket);
    const told = nextEvent<Message>(second.socket, 'message:created', (m) => m.bot?.intent === 'talk_to_human');
    await say(second.socket, 'I want to talk to a human agent');
    expect((await told).bot?.templateKey).not.toMatch(/^handoff\.connecting/u);
  });

  it('a Japanese shopper who asks for a person is routed to the online Japanese speaker, who replies; the shopper sees the name, then Seen', async () => {
    const ken = await addAgent(gateway.app, { name: 'Ken', languages: ['ja', 'en'] });
    await addAgent(gateway.app, { name: 'Dora', languages: ['de'] });
    const { socket: agent } = await connectAgent(gateway.url, ken);
    track(agent);
    const { socket, session } = await shopper(gateway, { country: 'JP', locales: ['ja-JP'] });
    track(socket);
    const routed = nextEvent<ConversationSummary>(agent, 'conversation:changed', (c) => c.id === session.conversationId && c.assigneeId === ken.id);
    const joining = nextEvent<Message>(socket, 'message:created', (m) => m.bot?.templateKey === 'handoff.connectingTypical');
    await say(socket, '担当者と話したいです');
    const summary = await routed;
    expect(summary).toMatchObject({ status: 'open', handoffReason: 'asked_for_person', region: 'sg', locale: 'ja-JP', country: 'JP', botSummary: { intent: 'talk_to_human' } });
    expect(summary.waitingSince).toBeDefined();
    expect(summary.slaDueAt).toBeDefined();
    // Presence outranks the schedule: someone is online, so the bot says a person is joining.
    await joining;

    const mine = await call(agent, 'inbox:list', { view: 'mine' });
    expect(mine.conversations.map((c) => c.id)).toContain(session.conversationId);
    expect(mine.counts.mine).toBeGreaterThanOrEqual(1);
    const detail = await call(agent, 'conversation:open', { conversationId: session.conversationId });
    expect(detail.messages.map((m) => m.author.kind)).toEqual(['bot', 'bot', 'visitor', 'bot']);
    expect(detail.messages[2]?.text).toBe('担当者と話したいです');
    expect(detail.messages[3]?.bot).toEqual({ intent: 'talk_to_human', templateKey: 'handoff.connectingTypical' });
    expect(detail.context).toMatchObject({ locale: 'ja-JP', country: 'JP', region: 'sg' });

    const reply = nextEvent<Message>(socket, 'message:created', (m) => m.author.kind === 'agent');
    const sent = await call(agent, 'agent:message:send', { conversationId: session.conversationId, clientMsgId: randomUUID(), text: 'こんにちは、ケンです。' });
    const received = await reply;
    expect(received.author).toEqual({ kind: 'agent', name: 'Ken' });
    expect(received.seq).toBe(sent.seq);
    const seen = nextEvent<{ by: string; seq: number }>(socket, 'read:changed');
    agent.emit('agent:read:set', { conversationId: session.conversationId, seq: sent.seq });
    expect(await seen).toEqual({ by: 'agent', seq: sent.seq });
    // After a reload the session says how far agents have read, so "Seen" stays.
    const reloaded = track(rawSocket(gateway.url, { visitorToken: session.visitorToken }));
    expect((await connectForSession(reloaded)).agentReadSeq).toBe(sent.seq);

    // Typing both ways.
    const agentSeesTyping = nextEvent<{ conversationId: string; isTyping: boolean }>(agent, 'typing:changed', (e) => e.conversationId === session.conversationId);
    socket.emit('typing:set', { isTyping: true });
    expect((await agentSeesTyping).isTyping).toBe(true);
    const shopperSeesTyping = nextEvent<{ author: { kind: string; name?: string }; isTyping: boolean }>(socket, 'typing:changed');
    agent.emit('agent:typing:set', { conversationId: session.conversationId, isTyping: true });
    expect(await shopperSeesTyping).toEqual({ author: { kind: 'agent', name: 'Ken' }, isTyping: true });

    // Resolve, then the shopper writes again: reopened, waiting, and the bot stays quiet.
    const resolved = await call(agent, 'conversation:status', { conversationId: session.conversationId, status: 'resolved' });
    expect(resolved.status).toBe('resolved');
    const reopened = nextEvent<ConversationSummary>(agent, 'conversation:changed', (c) => c.id === session.conversationId && c.status === 'open');
    await say(socket, 'もう一つ質問があります');
    expect((await reopened).waitingSince).toBeDefined();
    const after = await call(agent, 'agent:history:fetch', { conversationId: session.conversationId, afterSeq: sent.seq });
    expect(after.messages.map((m) => m.author.kind)).toEqual(['visitor']);
  });

  it('notes reach agents only; the shopper never receives them', async () => {
    const sup = await addAgent(gateway.app, { name: 'Sue', role: 'supervisor' });
    const { socket: agent } = await connectAgent(gateway.url, sup);
    track(agent);
    const { socket, session } = await shopper(gateway, { country: 'DE', locales: ['de-DE'] });
    track(socket);
    await call(agent, 'conversation:assign', { conversationId: session.conversationId });
    await call(agent, 'conversation:open', { conversationId: session.conversationId });
    const shopperGot: Message[] = [];
    socket.on('message:created', (m: Message) => shopperGot.push(m));
    const noteEvent = nextEvent<{ text: string }>(agent, 'note:created');
    const note = await call(agent, 'note:add', { conversationId: session.conversationId, clientNoteId: randomUUID(), text: 'Kunde hat zweimal angerufen' });
    expect((await noteEvent).text).toBe('Kunde hat zweimal angerufen');
    const again = await call(agent, 'note:add', { conversationId: session.conversationId, clientNoteId: note.clientNoteId, text: 'Kunde hat zweimal angerufen' });
    expect(again.id).toBe(note.id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(shopperGot.map((m) => m.text)).not.toContain('Kunde hat zweimal angerufen');
    const history = await socket.timeout(5000).emitWithAck('history:fetch', { afterSeq: 0 });
    expect(history.ok && history.data.messages.some((m: Message) => m.text.includes('zweimal'))).toBe(false);
    const reopened = await call(agent, 'conversation:open', { conversationId: session.conversationId });
    expect(reopened.notes.map((n) => n.text)).toEqual(['Kunde hat zweimal angerufen']);
  });

  it('with nobody online the hand-off says when people work, and the conversation waits in the queue', async () => {
    const { socket, session } = await shopper(gateway, { country: 'BR', locales: ['pt-BR'] });
    track(socket);
    // Within the team's hours it says they work until …; outside them, when they are back.
    const offline = nextEvent<Message>(socket, 'message:created', (m) => m.bot?.templateKey === 'handoff.queued' || m.bot?.templateKey?.startsWith('offline.') === true, 8000);
    gateway.app.io.of('/agent').disconnectSockets(true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await say(socket, 'Quero falar com um atendente');
    await offline;
    const stored = await gateway.app.regions.store('br').getConversation(session.conversationId);
    expect(stored).toMatchObject({ status: 'open', assigneeId: null, handoffReason: 'asked_for_person' });
    // The email the bot asked for opens a ticket, which the inbox shows (masked) with the conversation.
    const ticket = nextEvent<Message>(socket, 'message:created', (m) => m.bot?.templateKey === 'ticket.created');
    await say(socket, 'maria.souza@example.com');
    await ticket;
    const boss = await addAgent(gateway.app, { name: 'Bo', role: 'supervisor' });
    const { socket: agent } = await connectAgent(gateway.url, boss);
    track(agent);
    const queue = await call(agent, 'inbox:list', { view: 'all', region: 'br' });
    const row = queue.conversations.find((c) => c.id === session.conversationId);
    expect(row?.botSummary?.hasTicket).toBe(true);
    const detail = await call(agent, 'conversation:open', { conversationId: session.conversationId });
    expect(detail.context.tickets.map((t) => t.email)).toEqual(['m•••@example.com']);
  });

  it('an agent barred from a region never sees its conversations, not even in the queue', async () => {
    const usOnly = await addAgent(gateway.app, { name: 'Uma', regions: ['us'] });
    const { socket: agent } = await connectAgent(gateway.url, usOnly);
    track(agent);
    const leaked: ConversationSummary[] = [];
    agent.on('conversation:changed', (c) => leaked.push(c));
    const { socket, session } = await shopper(gateway, { country: 'FR', locales: ['fr-FR'] });
    track(socket);
    await say(socket, 'Je veux parler à un conseiller');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(leaked.filter((c) => c.id === session.conversationId)).toEqual([]);
    const all = await call(agent, 'inbox:list', { view: 'unassigned' });
    expect(all.conversations.every((c) => c.region === 'us')).toBe(true);
    expect(await codeOf(call(agent, 'conversation:open', { conversationId: session.conversationId }))).toBe('PARLEY_ERR_FORBIDDEN_REGION');
    expect(await codeOf(call(agent, 'conversation:open', { conversationId: session.conversationId, region: 'eu' }))).toBe('PARLEY_ERR_FORBIDDEN_REGION');
    expect(await codeOf(call(agent, 'conversation:open', { conversationId: 'c_nope' }))).toBe('PARLEY_ERR_CONVERSATION_NOT_FOUND');
  });

  it('masks personal data for agents, keeps order numbers readable, and reveals one value with a reason, audited', async () => {
    const sup = await addAgent(gateway.app, { name: 'Vera', role: 'supervisor' });
    const plain = await addAgent(gateway.app, { name: 'Pat' });
    const { socket: agent } = await connectAgent(gateway.url, sup);
    const { socket: other } = await connectAgent(gateway.url, plain);
    track(agent);
    track(other);
    const { socket, session } = await shopper(gateway, { country: 'DE', locales: ['de-DE'] });
    track(socket);
    const text = 'Bestellung NL-10492, ruft mich an: +49 30 12345678 oder anna.schmidt@example.com';
    const message = await say(socket, text);
    const detail = await call(agent, 'conversation:open', { conversationId: session.conversationId });
    const seen = detail.messages.find((m) => m.id === message.id)!;
    expect(seen.text).toContain('NL-10492');
    expect(seen.text).toContain('+49 ••• 5678');
    expect(seen.text).toContain('a•••@example.com');
    expect(seen.text).not.toContain('12345678');
    expect(detail.conversation.lastMessage?.text ?? '').not.toContain('anna.schmidt');
    expect(await codeOf(call(other, 'pii:reveal', { conversationId: session.conversationId, messageId: message.id, index: 0, reason: 'call back' }))).toBe('PARLEY_ERR_FORBIDDEN_ROLE');
    const revealed = await call(agent, 'pii:reveal', { conversationId: session.conversationId, messageId: message.id, index: 0, reason: 'customer asked for a call back' });
    expect(revealed.value).toBe('+49 30 12345678');
    expect(await codeOf(call(agent, 'pii:reveal', { conversationId: session.conversationId, messageId: message.id, index: 9, reason: 'nothing there' }))).toBe('PARLEY_ERR_PII_NOT_FOUND');
    const audit = await gateway.app.regions.store('eu').listAudit(session.conversationId);
    const reads = audit.filter((entry) => entry.action !== 'conversation.assign');
    expect(reads.map((entry) => entry.action)).toEqual(['conversation.open', 'pii.reveal']);
    expect(reads[1]).toMatchObject({ actorId: sup.id, details: { messageId: message.id, index: 0, reason: 'customer asked for a call back' } });
    expect(JSON.stringify(audit)).not.toContain('12345678');
  });

  it('warns before a second agent answers right after a colleague, and sends with force', async () => {
    const a = await addAgent(gateway.app, { name: 'Ari', role: 'supervisor' });
    const b = await addAgent(gateway.app, { name: 'Bea', role: 'supervisor' });
    const { socket: first } = await connectAgent(gateway.url, a);
    const { socket: second } = await connectAgent(gateway.url, b);
    track(first);
    track(second);
    const { socket, session } = await shopper(gateway, { country: 'US' });
    track(socket);
    await say(socket, 'I need a person please');
    await call(first, 'agent:message:send', { conversationId: session.conversationId, clientMsgId: randomUUID(), text: 'Hi, Ari here.' });
    const clientMsgId = randomUUID();
    const refused = call(second, 'agent:message:send', { conversationId: session.conversationId, clientMsgId, text: 'Hello!' });
    await expect(refused).rejects.toMatchObject({ code: 'PARLEY_ERR_CONVERSATION_RECENT_REPLY', details: { by: 'Ari' } });
    const forced = await call(second, 'agent:message:send', { conversationId: session.conversationId, clientMsgId, text: 'Hello!', force: true });
    const repeat = await call(second, 'agent:message:send', { conversationId: session.conversationId, clientMsgId, text: 'Hello!', force: true });
    expect(repeat.id).toBe(forced.id);
  });
});

describe('agent golden packets over a real socket', () => {
  it.each(agentCommandFixtures.filter((fixture) => fixture.expected !== 'ok'))('$event "$name" is refused with $expected', async ({ event, payload, expected }) => {
    const gateway = sharedGateway();
    const { socket } = await connectAgent(gateway.url, await addAgent(gateway.app, { name: 'Gil', role: 'admin' }));
    try {
      expect(await codeOf(call(socket, event, payload as never))).toBe(expected);
    } finally {
      socket.disconnect();
    }
  });
  let running: RunningGateway | undefined;
  const sharedGateway = () => running!;
  beforeAll(async () => {
    running = await startGateway(testConfig());
  });
  afterAll(async () => {
    await running?.stop();
    if (running) removeDataDir(running.config);
  });
});

describe('who keeps receiving what', () => {
  const { track, ...running } = useWorkspaceGateway();

  it('an agent who followed a conversation stops receiving it once it is given to a colleague', async () => {
    const gateway = running.gateway();
    const ann = await addAgent(gateway.app, { name: 'Ann', regions: ['us'] });
    const bob = await addAgent(gateway.app, { name: 'Bob', regions: ['us'] });
    const sue = await addAgent(gateway.app, { name: 'Sue', role: 'supervisor', regions: ['us'] });
    const annSocket = track((await connectAgent(gateway.url, ann)).socket);
    const supSocket = track((await connectAgent(gateway.url, sue)).socket);
    const { socket, session } = await shopper(gateway, { country: 'US' });
    track(socket);
    await call(annSocket, 'conversation:open', { conversationId: session.conversationId });
    await call(supSocket, 'conversation:assign', { conversationId: session.conversationId, agentId: bob.id });
    const leaked: unknown[] = [];
    for (const event of ['message:created', 'note:created', 'typing:changed', 'viewers:changed'] as const) annSocket.on(event, (payload: unknown) => leaked.push([event, payload]));
    await call(supSocket, 'conversation:open', { conversationId: session.conversationId });
    await call(supSocket, 'note:add', { conversationId: session.conversationId, clientNoteId: randomUUID(), text: 'VIP, handle with care' });
    await say(socket, 'hello?');
    socket.emit('typing:set', { isTyping: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(leaked).toEqual([]);
    expect(await codeOf(call(annSocket, 'conversation:open', { conversationId: session.conversationId }))).toBe('PARLEY_ERR_CONVERSATION_NOT_ASSIGNED');
  });

  it('API tokens on the socket: no read scope, no connection; read-only cannot write; a token is never "online" for routing', async () => {
    const gateway = running.gateway();
    const bot = await addAgent(gateway.app, { name: 'Integration', role: 'admin', languages: ['de'], regions: ['br'] });
    const noScope = agentSocketWithToken(gateway.url, await createToken(gateway.url, bot.email, ['agents:admin']));
    track(noScope);
    expect((await nextEvent<Error & { data?: { code: string } }>(noScope, 'connect_error')).data?.code).toBe('PARLEY_ERR_AUTH_SCOPE_MISSING');
    const reader = track(agentSocketWithToken(gateway.url, await createToken(gateway.url, bot.email, ['conversations:read'])));
    await nextEvent(reader, 'agent:ready');
    const { socket, session } = await shopper(gateway, { country: 'BR', locales: ['de-DE'] });
    track(socket);
    await say(socket, 'Ich möchte mit einem Menschen sprechen');
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Nobody is online (the token does not count): queued, not routed to the integration.
    expect((await gateway.app.regions.store('br').getConversation(session.conversationId))?.assigneeId ?? null).toBeNull();
    const queue = await call(reader, 'inbox:list', { view: 'unassigned' });
    expect(queue.conversations.map((c) => c.id)).toContain(session.conversationId);
    for (const attempt of [
      call(reader, 'agent:message:send', { conversationId: session.conversationId, clientMsgId: randomUUID(), text: 'hi' }),
      call(reader, 'conversation:status', { conversationId: session.conversationId, status: 'resolved' }),
      call(reader, 'conversation:assign', { conversationId: session.conversationId }),
      call(reader, 'presence:set', { status: 'online' }),
    ]) {
      expect(await codeOf(attempt)).toBe('PARLEY_ERR_AUTH_SCOPE_MISSING');
    }
    const writer = track(agentSocketWithToken(gateway.url, await createToken(gateway.url, bot.email, ['conversations:read', 'conversations:write'])));
    await nextEvent(writer, 'agent:ready');
    const sent = await call(writer, 'agent:message:send', { conversationId: session.conversationId, clientMsgId: randomUUID(), text: 'Hallo!' });
    expect(sent.author).toMatchObject({ kind: 'agent', name: 'Integration' });
  });
});

describe('limits on what an agent sees and sends', () => {
  it('throttles every command, reads included', async () => {
    const gateway = await startGateway(testConfig());
    try {
      const { socket } = await connectAgent(gateway.url, await addAgent(gateway.app, { name: 'Rex', role: 'admin' }));
      const codes = await Promise.all(Array.from({ length: 40 }, () => codeOf(call(socket, 'inbox:list', { view: 'all' }))));
      expect(codes.filter((code) => code === undefined).length).toBeLessThanOrEqual(20);
      expect(codes).toContain('PARLEY_ERR_RATE_LIMITED');
      socket.disconnect();
    } finally {
      await gateway.stop();
      removeDataDir(gateway.config);
    }
  });

  it("keeps another site's agents and the same user's conversations on another site out of view", async () => {
    const config = testConfig();
    const outlet = { key: 'outlet', name: 'Outlet', allowedOrigins: ['http://127.0.0.1:*'], defaultLocale: 'en-US', residency: { mode: 'fixed', region: 'eu' }, identitySecret: 'outlet-identity-secret-outlet-identity!' };
    const demo = { key: 'demo', name: 'Demo', allowedOrigins: ['http://127.0.0.1:*'], defaultLocale: 'en-US', residency: { mode: 'fixed', region: 'eu' }, identitySecret: 'demo-identity-secret-demo-identity-secret' };
    writeFileSync(join(config.dataDir, 'sites.json'), JSON.stringify({ sites: [demo, outlet] }));
    const gateway = await startGateway(config);
    const sockets: Array<{ disconnect(): unknown }> = [];
    try {
      const demoLead = await addAgent(gateway.app, { name: 'Dee', role: 'supervisor', sites: ['demo'] });
      const outletAgent = await addAgent(gateway.app, { name: 'Otto', sites: ['outlet'] });
      const { socket: dee, ready } = await connectAgent(gateway.url, demoLead);
      sockets.push(dee);
      expect(ready.team.map((member) => member.name)).not.toContain('Otto');
      const presences: Array<{ name: string }> = [];
      dee.on('presence:changed', (presence) => presences.push(presence));
      sockets.push((await connectAgent(gateway.url, outletAgent)).socket);
      // The same user id on both sites: the outlet's conversation is not "earlier" for the demo.
      const identity = (site: typeof demo) => ({ userId: 'u_42', userHash: createHmac('sha256', site.identitySecret).update('u_42').digest('hex') });
      for (const site of [outlet, demo]) {
        const shopperSocket = rawSocket(gateway.url, { siteKey: site.key, identity: identity(site) });
        sockets.push(shopperSocket);
        const session = await connectForSession(shopperSocket);
        await say(shopperSocket, 'hello');
        if (site.key === 'demo') {
          const detail = await call(dee, 'conversation:open', { conversationId: session.conversationId });
          expect(detail.context.earlier).toEqual([]);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(presences.map((presence) => presence.name)).not.toContain('Otto');
    } finally {
      for (const socket of sockets) socket.disconnect();
      await gateway.stop();
      removeDataDir(config);
    }
  });
});

describe('claims and snoozes', () => {
  it('two supervisors taking the same queued conversation at once: one wins, the other is told who has it', async () => {
    const gateway = await startGateway(testConfig(), 0, { snoozeSweepMs: 100 });
    const sockets: Array<{ disconnect(): unknown }> = [];
    try {
      const { socket, session } = await shopper(gateway);
      sockets.push(socket);
      await say(socket, 'I want to talk to a person');
      const [a, b] = await Promise.all(['Ada', 'Bix'].map(async (name) => (await connectAgent(gateway.url, await addAgent(gateway.app, { name, role: 'supervisor' }))).socket));
      sockets.push(a!, b!);
      // Connecting may have routed it already: put it back in the queue first.
      await call(a!, 'conversation:assign', { conversationId: session.conversationId, agentId: null });
      const outcomes = await Promise.allSettled([a!, b!].map((agent) => call(agent, 'conversation:assign', { conversationId: session.conversationId })));
      const codes = await Promise.all(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? 'ok' : (outcome.reason as { code?: string }).code)));
      expect(codes.sort()).toEqual(['PARLEY_ERR_CONVERSATION_ALREADY_ASSIGNED', 'ok']);

      // Snoozed until a moment ago: the sweep wakes it back to open in its assignee's inbox.
      const holder = outcomes[0]!.status === 'fulfilled' ? a! : b!;
      const until = new Date(Date.now() + 300).toISOString();
      await call(holder, 'conversation:status', { conversationId: session.conversationId, status: 'snoozed', snoozedUntil: until });
      const woken = await nextEvent<ConversationSummary>(holder, 'conversation:changed', (c) => c.id === session.conversationId && c.status === 'open', 5000);
      expect(woken.snoozedUntil).toBeUndefined();
    } finally {
      for (const s of sockets) s.disconnect();
      await gateway.stop();
      removeDataDir(gateway.config);
    }
  });
});

describe('agent sessions while the socket is open', () => {
  it('signing out disconnects the open console socket, and a refused handshake names the reason', async () => {
    const gateway = await startGateway(testConfig(), 0, { agentRecheckAuthMs: 100 });
    try {
      const ana = await addAgent(gateway.app, { name: 'Ana' });
      const { cookie } = await signIn(gateway.url, ana.email);
      const socket = agentSocketWith(gateway.url, cookie);
      await nextEvent(socket, 'agent:ready');
      const dropped = nextEvent(socket, 'disconnect');
      const csrf = (await (await fetch(`${gateway.url}/v1/agent/session`, { headers: { cookie } })).json()) as { csrfToken: string };
      const out = await fetch(`${gateway.url}/v1/agent/session`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrf.csrfToken } });
      expect(out.status).toBe(204);
      await dropped;
      const again = agentSocketWith(gateway.url, cookie);
      const refusal = await nextEvent<Error & { data?: { code: string } }>(again, 'connect_error');
      expect(refusal.data?.code).toBe('PARLEY_ERR_AUTH_SESSION_EXPIRED');
      const anonymous = agentSocketWith(gateway.url, '');
      expect((await nextEvent<Error & { data?: { code: string } }>(anonymous, 'connect_error')).data?.code).toBe('PARLEY_ERR_AUTH_REQUIRED');
      const foreign = agentSocketWith(gateway.url, cookie, { origin: 'https://evil.example' });
      expect((await nextEvent<Error & { data?: { code: string } }>(foreign, 'connect_error')).data?.code).toBe('PARLEY_ERR_ORIGIN_NOT_ALLOWED');
      for (const s of [socket, again, anonymous, foreign]) s.disconnect();
    } finally {
      await gateway.stop();
      removeDataDir(gateway.config);
    }
  });
});

describe('routing by capacity and presence', () => {
  const { track, ...running } = useWorkspaceGateway();
  let gateway: RunningGateway;
  beforeAll(() => {
    gateway = running.gateway();
  });

  it('routes by capacity and re-routes a waiting shopper when their agent goes offline', async () => {
    const full = await addAgent(gateway.app, { name: 'Fay', languages: ['it'], capacity: 1, regions: ['eu'] });
    const spare = await addAgent(gateway.app, { name: 'Gus', languages: ['en'], capacity: 5, regions: ['eu'] });
    const { socket: fay } = await connectAgent(gateway.url, full);
    track(fay);
    const first = await shopper(gateway, { country: 'IT', locales: ['it-IT'] });
    const second = await shopper(gateway, { country: 'IT', locales: ['it-IT'] });
    track(first.socket);
    track(second.socket);
    const firstRouted = nextEvent<ConversationSummary>(fay, 'conversation:changed', (c) => c.id === first.session.conversationId && c.assigneeId === full.id);
    await say(first.socket, 'Vorrei parlare con un operatore');
    await firstRouted;
    const { socket: gus } = await connectAgent(gateway.url, spare);
    track(gus);
    const secondRouted = nextEvent<ConversationSummary>(gus, 'conversation:changed', (c) => c.id === second.session.conversationId && c.assigneeId === spare.id);
    await say(second.socket, 'Vorrei parlare con un operatore');
    // Fay speaks Italian but is at capacity: Gus takes it.
    await secondRouted;
    // Fay leaves while her shopper waits: the conversation goes to Gus.
    const rerouted = nextEvent<ConversationSummary>(gus, 'conversation:changed', (c) => c.id === first.session.conversationId && c.assigneeId === spare.id, 5000);
    fay.disconnect();
    await rerouted;
  });

  it('the queue moves when a seat frees, and a conversation nobody online may take does not block the ones behind it', async () => {
    const gateway = running.gateway();
    const solo = await addAgent(gateway.app, { name: 'Sol', capacity: 1, regions: ['us'], sites: ['demo'] });
    const { socket: sol } = await connectAgent(gateway.url, solo);
    track(sol);
    const first = await shopper(gateway, { country: 'US' });
    track(first.socket);
    const firstRouted = nextEvent<ConversationSummary>(sol, 'conversation:changed', (c) => c.id === first.session.conversationId && c.assigneeId === solo.id);
    await say(first.socket, 'I want to talk to a person');
    await firstRouted;
    // An EU conversation Sol may not take is queued first; then a US one waits behind it.
    const blocker = await shopper(gateway, { country: 'FR', locales: ['fr-FR'] });
    const second = await shopper(gateway, { country: 'US' });
    track(blocker.socket);
    track(second.socket);
    await say(blocker.socket, 'Je veux parler à un conseiller');
    await say(second.socket, 'I want to talk to a person');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await gateway.app.regions.store('us').getConversation(second.session.conversationId))?.assigneeId ?? null).toBeNull();
    const secondRouted = nextEvent<ConversationSummary>(sol, 'conversation:changed', (c) => c.id === second.session.conversationId && c.assigneeId === solo.id);
    await call(sol, 'conversation:status', { conversationId: first.session.conversationId, status: 'resolved' });
    await secondRouted;
  });

  it('masks a national phone number when the edge sent no country, from the conversation’s locale', async () => {
    const gateway = running.gateway();
    const sup = await addAgent(gateway.app, { name: 'Mia', role: 'supervisor' });
    const { socket: agent } = await connectAgent(gateway.url, sup);
    track(agent);
    const { socket, session } = await shopper(gateway, { locales: ['de-DE'] });
    track(socket);
    const message = await say(socket, 'Bitte rufen Sie mich an: 0151 12345678');
    const detail = await call(agent, 'conversation:open', { conversationId: session.conversationId });
    const seen = detail.messages.find((m) => m.id === message.id)!;
    expect(seen.text).not.toContain('12345678');
    expect(seen.text).toContain('••• 5678');
    // A phone's digits are neither kept readable as an "order number" nor looked up as one.
    expect(detail.context.orders.map((order) => order.number)).toEqual([]);
    const saudi = await shopper(gateway, { country: 'SA', locales: ['ar-SA'] });
    track(saudi.socket);
    const arabic = await say(saudi.socket, 'اتصل بي على 0501234567 بخصوص الطلب NL-10492');
    const saudiDetail = await call(agent, 'conversation:open', { conversationId: saudi.session.conversationId });
    const arabicSeen = saudiDetail.messages.find((m) => m.id === arabic.id)!;
    expect(arabicSeen.text).not.toContain('0501234567');
    expect(arabicSeen.text).toContain('NL-10492');
    expect(saudiDetail.context.orders.map((order) => order.number)).toEqual(['NL-10492']);
  });
});
