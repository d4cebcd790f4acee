import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ack, HistoryFetchAckData, Message, Region, Session } from '@parley/protocol';
import { connectForSession, rawSocket, removeDataDir, startGateway, testConfig } from './gateway-harness.ts';
import type { RunningGateway } from './gateway-harness.ts';
import type { GatewayConfig } from '../src/config.ts';
import { SqliteRegionStore } from '../src/storage/sqlite/sqlite-region-store.ts';
import type { NewMessage } from '../src/storage/region-store.ts';

const running: RunningGateway[] = [];
let config: GatewayConfig | undefined;

afterEach(async () => {
  for (const gateway of running.splice(0)) await gateway.stop();
  if (config) removeDataDir(config);
  config = undefined;
});

async function start(options: { botDrainMs?: number } = {}): Promise<RunningGateway> {
  const gateway = await startGateway(config!, 0, options);
  running.push(gateway);
  return gateway;
}

async function stop(gateway: RunningGateway): Promise<void> {
  running.splice(running.indexOf(gateway), 1);
  await gateway.stop();
}

async function history(gateway: RunningGateway, session: Session): Promise<Message[]> {
  const socket = rawSocket(gateway.url, { visitorToken: session.visitorToken });
  await connectForSession(socket);
  const ack = (await socket.emitWithAck('history:fetch', { afterSeq: 0 })) as Ack<HistoryFetchAckData>;
  socket.disconnect();
  if (!ack.ok) throw new Error(ack.error.code);
  return ack.data.messages;
}

/** Bot replies to `message`, by the ids the bot derives from it. */
const repliesTo = (messages: Message[], message: { id: string }) => messages.filter((m) => m.clientMsgId.startsWith(`bot:${message.id}:`));

async function waitFor<T>(read: () => Promise<T>, isDone: (value: T) => boolean, ms = 5_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (isDone(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('no answer is lost', () => {
  it('a message acked just before a crash is answered when the gateway starts again, once', async () => {
    config = testConfig({ PARLEY_HANDSHAKES_PER_IP: '500' });
    const first = await start();
    const socket = rawSocket(first.url, {});
    const session = await connectForSession(socket);
    socket.disconnect();
    const region: Region = session.region;
    // What a kill -9 between the ack and the bot's reply leaves: the message stored, marked owed.
    const { message } = await first.app.regions.store(region).appendMessage({
      conversationId: session.conversationId,
      clientMsgId: randomUUID(),
      author: { kind: 'visitor', id: session.visitorId },
      text: 'What is your return policy?',
      awaitsBot: true,
    });
    await stop(first);

    const second = await start();
    const answered = await waitFor(() => history(second, session), (messages) => repliesTo(messages, message).length > 0);
    expect(repliesTo(answered, message).length).toBeGreaterThan(0);
    expect(await second.app.regions.store(region).listAwaitingBot({ limit: 10 })).toEqual([]);
    await stop(second);

    const third = await start();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await history(third, session);
    expect(repliesTo(after, message)).toEqual(repliesTo(answered, message));
  });

  it('a turn cut off halfway (one reply of two stored, no hand-off yet) is finished as decided after a restart', async () => {
    config = testConfig({ PARLEY_HANDSHAKES_PER_IP: '500' });
    const first = await start();
    const socket = rawSocket(first.url, {});
    const session = await connectForSession(socket);
    socket.disconnect();
    const store = first.app.regions.store(session.region);
    const { message } = await store.appendMessage({
      conversationId: session.conversationId,
      clientMsgId: randomUUID(),
      author: { kind: 'visitor', id: session.visitorId },
      text: 'I want to talk to a person',
      awaitsBot: true,
    });
    // What the killed turn had written: its plan with the new memory, then the first reply.
    const reply = (index: number, text: string): NewMessage => ({ conversationId: session.conversationId, clientMsgId: `bot:${message.id}:${index}`, author: { kind: 'bot', name: 'Demo' }, text, bot: { intent: 'talk_to_human', templateKey: 'handoff.queued' } });
    await store.setBotState(session.conversationId, {
      unknownStreak: 0,
      handedOffAt: new Date().toISOString(),
      pendingTurn: { messageId: message.id, replies: [reply(0, 'One moment.'), reply(1, 'Someone will answer here.')], handoff: { reason: 'asked_for_person', summary: { intent: 'talk_to_human' } } },
    });
    await store.appendMessage(reply(0, 'One moment.'));
    await stop(first);

    const second = await start();
    const messages = await waitFor(() => history(second, session), (all) => repliesTo(all, message).length === 2);
    expect(repliesTo(messages, message).map((m) => m.text)).toEqual(['One moment.', 'Someone will answer here.']);
    const conversation = await second.app.regions.store(session.region).getConversation(session.conversationId);
    expect(conversation).toMatchObject({ status: 'open', handoffReason: 'asked_for_person' });
    expect(await second.app.regions.store(session.region).listAwaitingBot({ limit: 10 })).toEqual([]);
  });

  it('answers left queued by a shutdown that timed out are answered after the restart, exactly once', async () => {
    config = testConfig({ PARLEY_MESSAGES_PER_VISITOR: '100', PARLEY_MESSAGES_PER_IP: '100', PARLEY_HANDSHAKES_PER_IP: '500' });
    const first = await start({ botDrainMs: 0 });
    const socket = rawSocket(first.url, {});
    const session = await connectForSession(socket);
    // A slow bot (its replies take a second to store): closing does not wait for it.
    const store = first.app.regions.store(session.region);
    const append = store.appendMessage.bind(store);
    store.appendMessage = async (message) => {
      if (message.author.kind === 'bot') await new Promise((resolve) => setTimeout(resolve, 1_000));
      return append(message);
    };
    const sent: Message[] = [];
    for (let i = 0; i < 3; i += 1) {
      const ack = (await socket.emitWithAck('message:send', { clientMsgId: randomUUID(), text: 'Do you ship to Japan?' })) as Ack<Message>;
      if (!ack.ok) throw new Error(ack.error.code);
      sent.push(ack.data);
    }
    socket.disconnect();
    await stop(first);
    const onDisk = new SqliteRegionStore({ dataDir: config.dataDir, region: session.region });
    const owedAtStop = await onDisk.listAwaitingBot({ limit: 10 });
    await onDisk.close();
    expect(owedAtStop.map((owed) => owed.message.id)).toEqual(sent.map((message) => message.id));

    const second = await start();
    const messages = await waitFor(() => history(second, session), (all) => sent.every((message) => repliesTo(all, message).length > 0));
    for (const message of sent) {
      const replies = repliesTo(messages, message);
      expect(replies.length).toBeGreaterThan(0);
      expect(new Set(replies.map((reply) => reply.clientMsgId)).size).toBe(replies.length);
    }
    expect(await second.app.regions.store(session.region).listAwaitingBot({ limit: 10 })).toEqual([]);
  });

  it('the pipeline stores a shopper message marked owed while the bot has the conversation, and unmarked once people have it', async () => {
    config = testConfig({ PARLEY_HANDSHAKES_PER_IP: '500' });
    const gateway = await start();
    const socket = rawSocket(gateway.url, {});
    const session = await connectForSession(socket);
    const store = gateway.app.regions.store(session.region);
    const appended: NewMessage[] = [];
    const append = store.appendMessage.bind(store);
    store.appendMessage = (message) => {
      appended.push(message);
      return append(message);
    };
    const send = async (text: string) => {
      const ack = (await socket.emitWithAck('message:send', { clientMsgId: randomUUID(), text })) as Ack<Message>;
      if (!ack.ok) throw new Error(ack.error.code);
      return ack.data;
    };
    const first = await send('Where is my order 12345?');
    await send('I want to talk to a person');
    // Nobody is in: the bot hands off and asks for an email, so it still reads the next message.
    await waitFor(async () => (await store.getConversation(session.conversationId))?.botState?.awaiting?.kind, (kind) => kind === 'email');
    await send('anna@example.com');
    await waitFor(async () => (await store.getConversation(session.conversationId))?.botState?.awaiting, (awaiting) => awaiting === undefined);
    await send('Hello? Anyone there?');
    const shoppers = appended.filter((message) => message.author.kind === 'visitor');
    expect(shoppers.map((message) => message.awaitsBot ?? false)).toEqual([true, true, true, false]);
    // Once the bot has answered, the mark is gone.
    await waitFor(() => store.listAwaitingBot({ limit: 10 }), (owed) => owed.length === 0);
    expect(await store.listAwaitingBot({ limit: 10 })).toEqual([]);
    expect(repliesTo(await history(gateway, session), first).length).toBeGreaterThan(0);
    socket.disconnect();
  });
});
