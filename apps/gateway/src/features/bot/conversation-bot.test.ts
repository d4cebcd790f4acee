import { describe, expect, it } from 'vitest';
import { createReplyTemplates } from '@parley/culture';
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
    expect(turn.state).toEqual({ unknownStreak: 0, awaiting: { kind: 'feedback', intent: 'order_status' }, feedbackAskedFor: ['order_status'] });
  });

  it.each([
    ['en', 'my parcel NL-10493 never arrived'],
    ['de', 'Mein Paket NL-10493 ist nie angekommen'],
    ['es', 'mi paquete NL-10493 nunca llegó'],
  ])('lost parcel (%s): sorry, and a person takes over to have it traced (no trace claimed)', async (_lang, text) => {
    const turn = await say({ text });
    expect(turn.intent).toBe('order_lost');
    expect(keys(turn)).toEqual(['order.lost', 'handoff.queued']);
    expect(turn.state.handedOffAt).toBe(OPEN.toISOString());
  });

  it.each([
    ['en', 'why is my order NL-10493 so late?'],
    ['fr', 'pourquoi ma commande NL-10493 a autant de retard ?'],
    ['en', 'When will my order NL-10493 arrive?'],
    ['ja', '注文NL-10493はいつ届きますか'],
  ])('a late parcel without a new estimate (%s): late by how much, sorry, and a person finds it', async (_lang, text) => {
    const turn = await say({ text });
    expect(turn.replies[0]).toMatchObject({ key: 'order.lateHandoff', values: { orderNumber: 'NL-10493', count: 4, eta: expect.any(Date) } });
    // The estimate it names is in the past: never quoted as the future.
    expect((turn.replies[0]!.values!['eta'] as Date).getTime()).toBeLessThan(OPEN.getTime());
    expect(keys(turn)[1]).toBe('handoff.queued');
    expect(turn.state.handedOffAt).toBe(OPEN.toISOString());
  });

  it('a late parcel with the carrier’s new estimate: late by how much, and the new date', async () => {
    const turn = await say({ text: 'where is my order NL-10496?' });
    expect(turn.replies[0]).toMatchObject({ key: 'order.lateNewEstimate', values: { orderNumber: 'NL-10496', count: 2 } });
    expect((turn.replies[0]!.values!['newEta'] as Date).getTime()).toBeGreaterThan(OPEN.getTime());
    expect(keys(turn)).toEqual(['order.lateNewEstimate', 'feedback.ask']);
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
    expect(keys(turn)).toEqual([key, 'handoff.queued']);
  });

  it.each([
    ['en', 'how much VAT on a €120 order to France?'],
    ['de', 'Wie viel Mehrwertsteuer zahle ich bei 120 € nach Frankreich?'],
  ])('VAT (%s): the rate, and how much of the price is VAT (EU prices include it)', async (_lang, text) => {
    const turn = await say({ text });
    expect(turn.intent).toBe('vat_question');
    expect(turn.replies[0]).toMatchObject({ key: 'vat.included', values: { country: 'FR', rate: 0.2, amount: 120, vat: 20 }, currency: 'EUR' });
  });

  it.each([
    ['en', 'how much VAT on €120 net to France?'],
    ['en', 'the price is €120 plus VAT, shipping to France, how much VAT is that?'],
    ['fr', 'combien de TVA sur 120 € hors taxe pour la France ?'],
    ['de', 'Wie viel MwSt kommt auf 120 € netto bei Lieferung nach Frankreich?'],
  ])('VAT on a net price (%s): computed on top, with the total', async (_lang, text) => {
    const turn = await say({ text });
    expect(turn.replies[0]).toMatchObject({ key: 'vat.added', values: { country: 'FR', rate: 0.2, amount: 120, vat: 24, total: 144 }, currency: 'EUR' });
  });

  it('VAT for Mexico: IVA 16 %, included in the price shoppers see', async () => {
    const turn = await say({ text: '¿cuánto IVA pago en un pedido de 116 dólares a México?' });
    expect(turn.replies[0]).toMatchObject({ key: 'vat.included', values: { country: 'MX', rate: 0.16, vat: 16 } });
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
    ['privacy_request', 'please delete all my personal data', ['privacy.request', 'handoff.queued']],
    ['privacy_request', 'Bitte löschen Sie meine Daten', ['privacy.request', 'handoff.queued']],
    ['complaint', 'this is the worst service I have ever had', ['complaint.sorry', 'handoff.queued']],
    ['complaint', 'サービスがひどすぎます。本当にがっかりしました', ['complaint.sorry', 'handoff.queued']],
    ['talk_to_human', 'can I talk to a real person please', ['handoff.queued']],
    ['talk_to_human', 'quiero hablar con una persona', ['handoff.queued']],
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
    expect(keys(turn)).toEqual(['order.lookupFailed', 'handoff.queued']);
    const unconfigured = await say({ text: 'where is my order NL-10492?', lookup: undefined });
    expect(keys(unconfigured)).toEqual(['order.lookupFailed', 'handoff.queued']);
  });

  it('asks for the country when the shopper names none and the edge does not know it', async () => {
    const ask = await say({ text: 'do I have to pay import duties?' });
    expect(keys(ask)).toEqual(['ask.country']);
    const answer = await say({ text: 'Australia', state: ask.state });
    expect(answer.replies[0]).toMatchObject({ key: 'customs.dutiesTaxFromFirst', values: { country: 'AU', threshold: 1000 }, currency: 'AUD' });
    // With the edge's country, no question is needed.
    expect(keys(await say({ text: 'do I have to pay import duties?', country: 'GB' }))[0]).toBe('customs.dutiesTaxFromFirst');
  });

  it('says it has no data before handing to a person, rather than guessing or going silent', async () => {
    const vat = await say({ text: 'what is the VAT rate in the United States?' });
    expect(keys(vat)).toEqual(['vat.noData', 'handoff.queued']);
    expect(vat.state.handedOffAt).toBeDefined();
    const customs = await say({ text: 'will I pay customs duties in Iceland?' });
    expect(keys(customs)).toEqual(['customs.noData', 'handoff.queued']);
  });

  it('customs into Turkey gets an answer, not a silent hand-off', async () => {
    const turn = await say({ text: 'do I pay customs duties for a parcel to Turkey?' });
    expect(turn.intent).toBe('customs_duties');
    expect(keys(turn)[0]).toMatch(/^customs\.(duties|dutiesTaxFromFirst|thresholds|dutyFromFirst)$/u);
    expect(turn.state.handedOffAt).toBeUndefined();
  });

  it('names the returns warehouse’s country in the shopper’s language, never as the site typed it', async () => {
    const turn = await say({ text: '¿cómo devuelvo este pedido?', country: 'ES' });
    const reply = turn.replies.find((candidate) => candidate.key === 'returns.address')!;
    expect(reply.values).toEqual({ address: 'Nordlicht Returns, Celsiusweg 12, 5928 PR Venlo', addressCountry: 'NL' });
    const text = createReplyTemplates().reply('es-ES', reply.key, reply.values).text;
    expect(text).toContain('Venlo, Países Bajos');
    expect(text).not.toContain('Netherlands');
  });

  it('asks "did that answer your question?" once per topic, not after every answer', async () => {
    const first = await say({ text: 'where is my order NL-10492?' });
    expect(keys(first)).toEqual(['order.status', 'feedback.ask']);
    const again = await say({ text: 'and where is my order NL-10494?', state: first.state });
    expect(keys(again)).toEqual(['order.processing']);
    expect(again.state.awaiting).toBeUndefined();
    const other = await say({ text: 'how do I return this?', state: again.state });
    expect(keys(other)).toEqual(['returns.steps', 'feedback.ask']);
    expect(other.state.feedbackAskedFor).toEqual(['order_status', 'return_request']);
  });

  it('"yes" to "did that help?" closes kindly; "no", typed or pressed, brings in a person', async () => {
    const answered = await say({ text: 'how do I return this?' });
    expect(keys(await say({ text: 'Yes, thanks', quickReply: 'helped', state: answered.state }))).toEqual(['feedback.glad']);
    expect(keys(await say({ text: 'ja, danke', state: answered.state }))).toEqual(['feedback.glad']);
    const pressedNo = await say({ text: 'No, not really', quickReply: 'not_helped', state: answered.state });
    expect(pressedNo.intent).toBe('feedback');
    expect(keys(pressedNo)).toEqual(['handoff.queued']);
    expect(keys(await say({ text: 'いいえ、まだ分かりません', state: answered.state }))).toEqual(['handoff.queued']);
    expect(keys(await say({ text: 'nein, das hilft mir nicht', state: answered.state }))).toEqual(['handoff.queued']);
    expect(keys(await say({ text: 'Talk to a person', quickReply: 'human', state: answered.state }))).toEqual(['handoff.queued']);
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
    expect(keys(second)).toEqual(['handoff.queued']);
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
    expect(keys(await handoffAt(new Date('2026-12-01T15:00:00Z'), 'US'))).toEqual(['handoff.queued']);
    // 18:00 UTC: Amsterdam has closed, New York (13:00) is still open.
    expect(keys(await handoffAt(new Date('2026-12-01T18:00:00Z'), 'US'))).toEqual(['handoff.queued']);
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

  it('without hours it promises no time: queued, leave an email', async () => {
    const { support: _support, ...noHours } = DEMO_SITE;
    expect(keys(await say({ text: 'can I talk to a real person please', now: NIGHT, site: noHours }))).toEqual(['offline.leaveEmail']);
  });

  it('within hours: "working until" the interval’s end on the clock, not a reply time', async () => {
    const turn = await handoffAt(OPEN);
    // 18:00 in Amsterdam on 1 December is 17:00 UTC.
    expect(turn.replies[0]).toEqual({ key: 'handoff.queued', values: { time: new Date('2026-12-01T17:00:00Z') } });
    expect(turn.state.awaiting).toEqual({ kind: 'email' });
  });

  it('with an agent online: a person is joining, with the shop’s stated reply time if it set one', async () => {
    const online = (site: Site) => decideTurn({ understanding: understand('talk to a human please'), quickReply: undefined, text: 'talk to a human please', state: { unknownStreak: 0 }, site, knowledge, lookupOrder: undefined, country: undefined, isAgentAvailable: true, now: NIGHT });
    const { branding: _branding, ...unbranded } = DEMO_SITE;
    expect(keys(await online(unbranded))).toEqual(['handoff.connecting']);
    const stated = await online({ ...DEMO_SITE, branding: { ...DEMO_SITE.branding, typicalReplyMinutes: 10 } });
    expect(stated.replies).toEqual([{ key: 'handoff.connectingTypical', values: { minutes: 10 } }]);
  });
});
