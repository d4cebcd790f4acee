import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectLanguage } from '@parley/culture';
import type { Message } from '@parley/protocol';
import { connectForSession, rawSocket, removeDataDir, startGateway, testConfig } from './gateway-harness.ts';
import type { RunningGateway, TestSocket } from './gateway-harness.ts';

/**
 * The bot over a real gateway: real sockets, the real classifier, the demo shop's sample
 * orders and hours. The clock is 03:00 in Amsterdam on a Wednesday, so hand-offs say when the
 * team is back, in each shopper's own time zone.
 */
const NIGHT = new Date('2026-12-02T02:00:00Z');
let gateway: RunningGateway;

beforeAll(async () => {
  gateway = await startGateway(testConfig(), 0, { clock: () => NIGHT });
});
afterAll(async () => {
  await gateway.stop();
  removeDataDir(gateway.config);
});

/** A shopper's tab: sends messages and collects the bot's replies to each. */
async function shopper(auth: Record<string, unknown>): Promise<{ socket: TestSocket; ask: (text: string, quickReply?: string) => Promise<Message[]> }> {
  const socket = rawSocket(gateway.url, auth);
  const bot: Message[] = [];
  socket.on('message:created', (message) => {
    if (message.author.kind === 'bot') bot.push(message);
  });
  await connectForSession(socket);
  await expect.poll(() => bot.length).toBe(2); // greeting and privacy notice
  const ask = async (text: string, quickReply?: string): Promise<Message[]> => {
    const before = bot.length;
    const ack = await socket.timeout(5_000).emitWithAck('message:send', { clientMsgId: randomUUID(), text, ...(quickReply ? { quickReply } : {}) } as never);
    if (!ack.ok) throw new Error(ack.error.code);
    // Every reply of a turn is published before the next turn starts; wait for the turn to settle.
    let settled = -1;
    await expect.poll(() => {
      const seen = bot.length;
      const isStill = seen === settled && seen > before;
      settled = seen;
      return isStill;
    }, { interval: 150, timeout: 5_000 }).toBe(true);
    return bot.slice(before);
  };
  return { socket, ask };
}

describe('the bot in a real conversation', () => {
  it('answers a German shopper about a sample order, offers "did that help?", and hands off on "no"', async () => {
    const { socket, ask } = await shopper({ locales: ['de-DE'], timeZone: 'Europe/Berlin' });
    const [answer, feedback] = await ask('Wo ist meine Bestellung NL-10492?');
    expect(answer).toMatchObject({ locale: 'de-DE', bot: { intent: 'order_status', templateKey: 'order.status' } });
    expect(answer!.text).toMatch(/^Ihre Bestellung NL-10492 wurde am \d{1,2}\. \p{L}+ 2026 versandt und sollte bis zum \d{1,2}\. \p{L}+ 2026 bei Ihnen eintreffen\.$/u);
    expect(feedback).toMatchObject({ text: 'Hat Ihnen das weitergeholfen?', bot: { templateKey: 'feedback.ask' } });
    expect(feedback!.quickReplies).toEqual([
      { id: 'helped', label: 'Ja, danke' },
      { id: 'not_helped', label: 'Nein, eher nicht' },
      { id: 'human', label: 'Mit einer Person sprechen' },
    ]);

    const [handoff] = await ask('Nein, eher nicht', 'not_helped');
    // 09:00 in Amsterdam is 9:00 in Berlin.
    expect(handoff).toMatchObject({ bot: { intent: 'feedback', templateKey: 'offline.backAt' } });
    expect(handoff!.text).toContain('ab 9:00 Uhr (Ihre Ortszeit)');
    // True to what happened: queued for the team, no reply time promised.
    expect(handoff!.text).toContain('Warteschlange');
    socket.disconnect();
  });

  it('tells a Japanese shopper when the team is back on their own clock, and opens a ticket from their email', async () => {
    const { socket, ask } = await shopper({ locales: ['ja-JP'], timeZone: 'Asia/Tokyo' });
    const [status] = await ask('注文NL-10492の配送状況を教えてください');
    expect(status!.text).toMatch(/^ご注文NL-10492は2026年\d{1,2}月\d{1,2}日に発送いたしました。/u);

    const [handoff] = await ask('担当者と話したいです');
    expect(handoff).toMatchObject({ bot: { intent: 'talk_to_human', templateKey: 'offline.backAt' } });
    // 08:00 UTC is 17:00 in Tokyo.
    expect(handoff!.text).toContain('お客様の現地時間で17:00より');

    const [ticket] = await ask('メールアドレスは hana@example.jp です');
    expect(ticket).toMatchObject({ bot: { intent: 'leave_email', templateKey: 'ticket.created' } });
    expect(ticket!.text).toContain('hana@example.jp');
    const conversationId = ticket!.conversationId;
    expect(await gateway.app.regions.store('eu').listTickets(conversationId)).toEqual([
      expect.objectContaining({ conversationId, siteKey: 'demo', email: 'hana@example.jp', locale: 'ja-JP' }),
    ]);

    // After the hand-off the bot leaves the conversation to the team.
    const ack = await socket.timeout(5_000).emitWithAck('message:send', { clientMsgId: randomUUID(), text: 'まだですか？' });
    expect(ack.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const history = await socket.timeout(5_000).emitWithAck('history:fetch', { afterSeq: 0 });
    expect(history.ok && history.data.messages.at(-1)).toMatchObject({ author: { kind: 'visitor' }, text: 'まだですか？' });
    socket.disconnect();
  });

  it('answers Spanish and Arabic shoppers about sample orders in their own language and format', async () => {
    const spanish = await shopper({ locales: ['es-ES'], timeZone: 'Europe/Madrid' });
    const [late] = await spanish.ask('¿Por qué mi pedido NL-10493 lleva tanto retraso?');
    // NL-10493 is 4 days past its estimate with no new one: late, sorry, and a person finds it.
    expect(late).toMatchObject({ locale: 'es-ES', bot: { intent: 'shipping_delay', templateKey: 'order.lateHandoff' } });
    expect(late!.text).toMatch(/4 días/u);
    expect(detectLanguage(late!.text)).toMatchObject({ lang: 'es', isReliable: true });
    spanish.socket.disconnect();

    const arabic = await shopper({ locales: ['ar-SA'], timeZone: 'Asia/Riyadh' });
    const [refund] = await arabic.ask('متى يصلني المبلغ المسترد للطلب NL-10495؟');
    expect(refund).toMatchObject({ locale: 'ar-SA', bot: { intent: 'refund_status', templateKey: 'refund.status' } });
    expect(refund!.text).toMatch(/[٠-٩]/u); // amounts and dates in Arabic-Indic digits
    expect(refund!.text).toContain('€');
    expect(detectLanguage(refund!.text)).toMatchObject({ lang: 'ar', isReliable: true });
    arabic.socket.disconnect();
  });

  it('computes VAT on an amount for a German shopper, in euros and German format', async () => {
    const { socket, ask } = await shopper({ locales: ['de-DE'] });
    const [vat] = await ask('Wie viel Mehrwertsteuer zahle ich bei 120 € nach Frankreich?');
    // Intl separates amounts and units with no-break spaces; compare them as spaces.
    expect(vat!.text.replace(/\s/gu, ' ')).toBe('Der reguläre Satz der Mehrwertsteuer in Frankreich beträgt 20 %. Im Betrag von 120,00 € sind 20,00 € Mehrwertsteuer enthalten.');
    socket.disconnect();
  });

  it('rejects an unknown quick reply id at the edge', async () => {
    const { socket } = await shopper({});
    const ack = await socket.timeout(5_000).emitWithAck('message:send', { clientMsgId: randomUUID(), text: 'ok', quickReply: 'teleport' } as never);
    expect(ack).toMatchObject({ ok: false, error: { code: 'PARLEY_ERR_PAYLOAD_INVALID' } });
    socket.disconnect();
  });
});
