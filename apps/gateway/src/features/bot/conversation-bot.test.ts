import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '@parley/knowledge';
import { createUnderstanding } from '@parley/understanding';
import type { QuickReplyId } from '@parley/protocol';
import { DEMO_SITE } from '../../sites/site.ts';
import type { Site } from '../../sites/site.ts';
import type { BotStateRecord } from '../../storage/region-store.ts';
import { demoOrderLookup } from '../orders/demo-orders.ts';
import type { OrderLookup } from '../orders/order.ts';
import { decideTurn } from './conversation-bot.ts';
import type { BotTurn } from './bot-plan.ts';

const understand = createUnderstanding();
const knowledge = createKnowledgeBase({ returnWindowDays: 30 });
// Tuesday 1 December 2026, 10:00 in Amsterdam: the demo's European team is in.
const OPEN = new Date('2026-12-01T09:00:00Z');
// Wednesday 2 December 2026, 03:00 in Amsterdam: nobody is in until 09:00.
const NIGHT = new Date('2026-12-02T02:00:00Z');

interface Say {
  text: string;
  state?: BotStateRecord;
  quickReply?: QuickReplyId;
  now?: Date;
  country?: string;
  site?: Site;
  lookup?: OrderLookup | undefined;
}

function say(options: Say): Promise<BotTurn> {
  return decideTurn({
    understanding: understand(options.text),
    quickReply: options.quickReply,
    text: options.text,
    state: options.state ?? { unknownStreak: 0 },
    site: options.site ?? DEMO_SITE,
    knowledge,
    lookupOrder: 'lookup' in options ? options.lookup : demoOrderLookup(() => OPEN),
    country: options.country,
    now: options.now ?? OPEN,
  });
}
const keys = (turn: BotTurn) => turn.replies.map((reply) => reply.key);

describe('the bot answers each intent, in several languages', () => {
  it.each([
    ['en', 'where is my order NL-10492?'],
    ['de', 'Wo ist meine Bestellung NL-10492?'],
    ['ja', '注文NL-10492の配送状況を教えてください'],
    ['es', '¿Dónde está mi pedido NL-10492?'],
    ['ar', 'أين طلبي رقم NL-10492؟'],
  ])('order status (%s): the sample order with its ship date and ETA, then "did that help?"', async (_lang, text) => {
    const turn = await say({ text });
    expect(turn.intent).toBe('order_status');
    expect(keys(turn)).toEqual(['order.status', 'feedback.ask']);
    expect(turn.replies[0]!.values).toMatchObject({ orderNumber: 'NL-10492', date: expect.any(Date), eta: expect.any(Date) });
    expect(turn.replies[1]!.quickReplies).toEqual(['helped', 'not_helped', 'human']);
    expect(turn.state).toEqual({ unknownStreak: 0, awaiting: { kind: 'feedback', intent: 'order_status' } });
  });

  it.each([
    ['en', 'my parcel NL-10493 never arrived'],
    ['de', 'Mein Paket NL-10493 ist nie angekommen'],
    ['es', 'mi paquete NL-10493 nunca llegó'],
  ])('lost parcel (%s): sorry, tracing, and a person takes over', async (_lang, text) => {
    const turn = await say({ text });
    expect(turn.intent).toBe('order_lost');
    expect(keys(turn)).toEqual(['order.lost', 'handoff.connecting']);
    expect(turn.state.handedOffAt).toBe(OPEN.toISOString());
  });

  it.each([
    ['en', 'why is my order NL-10493 so late?'],
    ['fr', 'pourquoi ma commande NL-10493 a autant de retard ?'],
  ])('shipping delay (%s): how many days late, for the destination', async (_lang, text) => {
    const turn = await say({ text });
    expect(turn.intent).toBe('shipping_delay');
    expect(turn.replies[0]).toMatchObject({ key: 'shipping.delay', values: { country: 'ES', count: 4 } });
  });

  it.each([
    ['en', 'when do I get my refund for NL-10495?'],
    ['pt', 'quando vou receber o reembolso do pedido NL-10495?'],
  ])('refund (%s): the amount in its own currency and the date', async (_lang, text) => {
    const turn = await say({ text });
    expect(turn.intent).toBe('refund_status');
    expect(turn.replies[0]).toMatchObject({ key: 'refund.status', values: { amount: 59.9 }, currency: 'EUR' });
  });

  it.each([
    ['en', 'please cancel my order NL-10494', 'cancel.request'],
    ['it', 'vorrei annullare l’ordine NL-10494', 'cancel.request'],
    ['en', 'I need to change the delivery address for NL-10494', 'address.change'],
    ['nl', 'ik wil het bezorgadres van bestelling NL-10494 wijzigen', 'address.change'],
  ])('cancel and address changes (%s) are passed to a person', async (_lang, text, key) => {
    const turn = await say({ text });
    expect(keys(turn)).toEqual([key, 'handoff.connecting']);
  });

  it.each([
    ['en', 'how much VAT on a €120 order to France?'],
    ['de', 'Wie viel Mehrwertsteuer zahle ich bei 120 € nach Frankreich?'],
  ])('VAT (%s): the rate and the amount in the order’s currency', async (_lang, text) => {
    const turn = await say({ text });
    expect(turn.intent).toBe('vat_question');
    expect(turn.replies[0]).toMatchObject({ key: 'vat.rate', values: { country: 'FR', rate: 0.2, amount: 120, vat: 20 }, currency: 'EUR' });
  });

  it.each([
    ['en', 'will I have to pay customs duties in Brazil?', 'BR'],
    ['pt', 'vou ter que pagar taxa de importação no Brasil?', 'BR'],
    ['ko', '한국으로 배송하면 관세를 내야 하나요?', 'KR'],
  ])('customs (%s): from which value, and the papers the carrier needs', async (_lang, text, country) => {
    const turn = await say({ text });
    expect(turn.intent).toBe('customs_duties');
    expect(keys(turn)).toContain(country === 'BR' ? 'customs.dutyFromFirst' : 'customs.duties');
    expect(turn.replies.find((reply) => reply.key === 'customs.documents')?.values).toMatchObject({ country });
  });

  it.each([
    ['en', 'how do I return these shoes?'],
    ['tr', 'bu ürünü nasıl iade edebilirim?'],
  ])('returns (%s): the site’s window, and the warehouse for the shopper’s country', async (_lang, text) => {
    const turn = await say({ text, country: 'JP' });
    expect(turn.replies[0]).toMatchObject({ key: 'returns.steps', values: { days: 30 } });
    expect(turn.replies[1]).toMatchObject({ key: 'returns.address', values: { address: expect.stringContaining('Tokyo') } });
  });

  it.each([
    ['payment_issue', 'my card keeps getting declined at checkout', 'payment.issue'],
    ['payment_issue', 'Meine Zahlung ist fehlgeschlagen', 'payment.issue'],
    ['installation_help', 'how do I install the tent?', 'installation.help'],
    ['installation_help', '组装说明在哪里？我不会安装', 'installation.help'],
  ])('%s: a practical answer, then "did that help?"', async (intent, text, key) => {
    const turn = await say({ text });
    expect(turn.intent).toBe(intent);
    expect(keys(turn)).toEqual([key, 'feedback.ask']);
  });

  it.each([
    ['privacy_request', 'please delete all my personal data', ['privacy.request', 'handoff.connecting']],
    ['privacy_request', 'Bitte löschen Sie meine Daten', ['privacy.request', 'handoff.connecting']],
    ['complaint', 'this is the worst service I have ever had', ['complaint.sorry', 'handoff.connecting']],
    ['complaint', 'サービスがひどすぎます。本当にがっかりしました', ['complaint.sorry', 'handoff.connecting']],
    ['talk_to_human', 'can I talk to a real person please', ['handoff.connecting']],
    ['talk_to_human', 'quiero hablar con una persona', ['handoff.connecting']],
  ])('%s goes to a person', async (intent, text, expected) => {
    const turn = await say({ text });
    expect(turn.intent).toBe(intent);
    expect(keys(turn)).toEqual(expected);
    expect(turn.state.handedOffAt).toBeDefined();
  });

  it.each([
    ['greeting', 'hello', 'greeting.reply'],
    ['greeting', 'مرحبا', 'greeting.reply'],
    ['thanks', 'thank you so much!', 'thanks.reply'],
    ['thanks', 'vielen Dank!', 'thanks.reply'],
  ])('%s gets a short reply and no "did that help?"', async (intent, text, key) => {
    const turn = await say({ text });
    expect(turn.intent).toBe(intent);
    expect(keys(turn)).toEqual([key]);
  });
});

describe('the conversation flow', () => {
  it('asks for the order number, then answers the question that was asked when it comes', async () => {
    const ask = await say({ text: 'Mein Paket ist noch nicht angekommen' });
    expect(keys(ask)).toEqual(['order.askNumber']);
    expect(ask.state.awaiting).toMatchObject({ kind: 'order_number' });
    const answer = await say({ text: 'NL-10492', state: ask.state });
    expect(answer.intent).toBe(ask.state.awaiting!.intent);
    expect(keys(answer)[0]).toMatch(/^order\./u);
  });

  it('keeps the question that was asked when the number comes alone, whatever the classifier reads into it', async () => {
    const ask = await say({ text: 'my parcel never arrived' });
    expect(ask.state.awaiting).toEqual({ kind: 'order_number', intent: 'order_lost' });
    for (const text of ['NL-10493', 'it is NL-10493', '注文番号はNL-10493です']) {
      const answer = await say({ text, state: ask.state });
      expect(answer.intent, text).toBe('order_lost');
      expect(keys(answer)[0], text).toBe('order.lost');
    }
    // A longer message with a question of its own is answered as that question.
    const other = await say({ text: 'actually, when will I get my refund for NL-10495?', state: ask.state });
    expect(other.intent).toBe('refund_status');
  });

  it('asks again for a number the shop does not know', async () => {
    const turn = await say({ text: 'where is my order NL-99999?' });
    expect(keys(turn)).toEqual(['order.notFound']);
    expect(turn.state.awaiting).toEqual({ kind: 'order_number', intent: 'order_status' });
  });

  it('says plainly when the order system cannot be asked, and hands off', async () => {
    const turn = await say({ text: 'where is my order NL-10492?', lookup: async () => ({ kind: 'failed', reason: 'timeout' }) });
    expect(keys(turn)).toEqual(['order.lookupFailed', 'handoff.connecting']);
    const unconfigured = await say({ text: 'where is my order NL-10492?', lookup: undefined });
    expect(keys(unconfigured)).toEqual(['order.lookupFailed', 'handoff.connecting']);
  });

  it('asks for the country when the shopper names none and the edge does not know it', async () => {
    const ask = await say({ text: 'do I have to pay import duties?' });
    expect(keys(ask)).toEqual(['ask.country']);
    const answer = await say({ text: 'Australia', state: ask.state });
    expect(answer.replies[0]).toMatchObject({ key: 'customs.duties', values: { country: 'AU', threshold: 1000 }, currency: 'AUD' });
    // With the edge's country, no question is needed.
    expect(keys(await say({ text: 'do I have to pay import duties?', country: 'GB' }))[0]).toBe('customs.duties');
  });

  it('hands to a person when no national rate exists, rather than guessing', async () => {
    const turn = await say({ text: 'what is the VAT rate in the United States?' });
    expect(turn.state.handedOffAt).toBeDefined();
  });

  it('"yes" to "did that help?" closes kindly; "no", typed or pressed, brings in a person', async () => {
    const answered = await say({ text: 'how do I return this?' });
    expect(keys(await say({ text: 'Yes, thanks', quickReply: 'helped', state: answered.state }))).toEqual(['feedback.glad']);
    expect(keys(await say({ text: 'ja, danke', state: answered.state }))).toEqual(['feedback.glad']);
    const pressedNo = await say({ text: 'No, not really', quickReply: 'not_helped', state: answered.state });
    expect(pressedNo.intent).toBe('feedback');
    expect(keys(pressedNo)).toEqual(['handoff.connecting']);
    expect(keys(await say({ text: 'いいえ、まだ分かりません', state: answered.state }))).toEqual(['handoff.connecting']);
    expect(keys(await say({ text: 'nein, das hilft mir nicht', state: answered.state }))).toEqual(['handoff.connecting']);
    expect(keys(await say({ text: 'Talk to a person', quickReply: 'human', state: answered.state }))).toEqual(['handoff.connecting']);
  });

  it('answers a new question that happens to start with "no" instead of handing off', async () => {
    const answered = await say({ text: 'how do I return this?' });
    const turn = await say({ text: 'no, when do I get my refund for NL-10495?', state: answered.state });
    expect(turn.intent).toBe('refund_status');
    expect(keys(turn)).toEqual(['refund.status', 'feedback.ask']);
  });

  it('admits the first message it does not understand, and hands off on the second', async () => {
    const first = await say({ text: 'what is the weather on mars' });
    expect(first.intent).toBe('unknown');
    expect(first.replies).toEqual([{ key: 'fallback', quickReplies: ['human'] }]);
    const second = await say({ text: 'asdf qwerty', state: first.state });
    expect(keys(second)).toEqual(['handoff.connecting']);
    expect(second.intent).toBe('unknown');
  });

  it('stays quiet after a hand-off, except to take an email for a ticket when the team is away', async () => {
    const handedOff = await say({ text: 'I want to speak to a human', now: NIGHT });
    expect(keys(handedOff)).toEqual(['offline.backAt']);
    expect(handedOff.state).toEqual({ unknownStreak: 0, handedOffAt: NIGHT.toISOString(), awaiting: { kind: 'email' } });
    expect(keys(await say({ text: 'where is my order NL-10492?', state: handedOff.state, now: NIGHT }))).toEqual([]);
    const email = await say({ text: 'sure, it is ana.souza@example.com', state: handedOff.state, now: NIGHT });
    expect(email).toMatchObject({ intent: 'leave_email', ticketEmail: 'ana.souza@example.com' });
    expect(keys(email)).toEqual(['ticket.created']);
    expect(keys(await say({ text: 'thanks!', state: email.state, now: NIGHT }))).toEqual([]);
  });
});

describe('business hours per market', () => {
  const handoffAt = (now: Date, country?: string) => say({ text: 'can I talk to a real person please', now, ...(country ? { country } : {}) });

  it('says "back at" the next opening when it is within a day, "back on" with the date otherwise', async () => {
    const night = await handoffAt(NIGHT);
    // 09:00 in Amsterdam on 2 December is 08:00 UTC.
    expect(night.replies[0]).toEqual({ key: 'offline.backAt', values: { time: new Date('2026-12-02T08:00:00Z') } });
    // Saturday 5 December 2026, 15:00 in Amsterdam: closed until Monday 09:00.
    const weekend = await handoffAt(new Date('2026-12-05T14:00:00Z'));
    expect(weekend.replies[0]).toEqual({ key: 'offline.backOn', values: { date: new Date('2026-12-07T08:00:00Z'), time: new Date('2026-12-07T08:00:00Z') } });
  });

  it('uses the market of the shopper’s country: New York hours for a US shopper', async () => {
    // 15:00 UTC is 16:00 in Amsterdam (open) and 10:00 in New York (open).
    expect(keys(await handoffAt(new Date('2026-12-01T15:00:00Z'), 'US'))).toEqual(['handoff.connecting']);
    // 18:00 UTC: Amsterdam has closed, New York (13:00) is still open.
    expect(keys(await handoffAt(new Date('2026-12-01T18:00:00Z'), 'US'))).toEqual(['handoff.connecting']);
    expect(keys(await handoffAt(new Date('2026-12-01T18:00:00Z'), 'DE'))).toEqual(['offline.backAt']);
  });

  it('skips the market’s holidays: Christmas in Amsterdam, Thanksgiving in New York', async () => {
    // Friday 25 December 2026, 10:00 in Amsterdam: closed (Christmas), and the 26th too; back Monday the 28th.
    const christmas = await handoffAt(new Date('2026-12-25T09:00:00Z'));
    expect(christmas.replies[0]).toMatchObject({ key: 'offline.backOn', values: { date: new Date('2026-12-28T08:00:00Z') } });
    // Thursday 26 November 2026, 11:00 in New York: Thanksgiving; back Friday 09:00 EST.
    const thanksgiving = await handoffAt(new Date('2026-11-26T16:00:00Z'), 'US');
    expect(thanksgiving.replies[0]).toEqual({ key: 'offline.backAt', values: { time: new Date('2026-11-27T14:00:00Z') } });
  });

  it('opens at 09:00 local across a DST change: New York on 8 March 2027', async () => {
    // Sunday 7 March 2027 (EST, UTC-5) → Monday 8 March is still EST; DST starts 14 March 2027.
    const beforeDst = await handoffAt(new Date('2027-03-13T20:00:00Z'), 'US');
    // Saturday 13 March → next opening Monday 15 March 09:00 EDT (UTC-4) = 13:00 UTC.
    expect(beforeDst.replies[0]).toMatchObject({ key: 'offline.backOn', values: { date: new Date('2027-03-15T13:00:00Z') } });
  });

  it('says a person is coming at any hour when the site set no hours', async () => {
    const { support: _support, ...noHours } = DEMO_SITE;
    expect(keys(await say({ text: 'can I talk to a real person please', now: NIGHT, site: noHours }))).toEqual(['handoff.connecting']);
  });
});
