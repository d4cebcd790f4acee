/**
 * What live translation costs per message, and what the region's cache saves. A real Apertium
 * (Debian's apertium-apy, started here by PID, behind a counting proxy) translates between a
 * Spanish shopper and an English agent on an in-process gateway, over loopback sockets:
 *   1. shopper → agent: `message:send` to the agent's `message:created` (baseline: the
 *      untranslated delivery) and to its `message:translated`; agent → shopper: the ack of
 *      `agent:message:send` translated, against a conversation switched off (baseline), alternated;
 *   2. a scripted conversation replayed in a fresh one: engine calls and characters avoided;
 *   3. which ordered pairs of Parley's locales the Apertium adapter serves, direct or via Spanish.
 *   pnpm --filter @parley/bench translation     (BENCH_RUNS=200 messages per direction)
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { Socket } from 'socket.io-client';
import { SUPPORTED_LOCALES } from '@parley/culture';
import { buildApp } from '../apps/gateway/src/app.ts';
import { loadConfig } from '../apps/gateway/src/config.ts';
import { hashPassword } from '../apps/gateway/src/features/accounts/passwords.ts';
import { createApertiumProvider } from '../packages/translation/src/index.ts';
import { BENCH_SECRET, benchDataDir } from './lib/gateway-process.ts';
import { SCRIPT, ask, connectAgent, connectShopper, englishMessages, pace, spanishMessages, startApy, startCountingProxy } from './lib/translation-run.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 200);
const PASSWORD = 'bench password, long enough';
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

const apy = await startApy();
const proxy = await startCountingProxy(apy.url);
const dataDir = benchDataDir('parley-bench-translation-');
const config = loadConfig({ PARLEY_DATA_DIR: dataDir, PARLEY_SECRET: BENCH_SECRET, PARLEY_COUNTRY_HEADER: 'x-country', PARLEY_TRANSLATE_PROVIDER: 'apertium', PARLEY_APERTIUM_URL: proxy.url });
const unlimited = { points: 1_000_000, durationSeconds: 1 };
const app = await buildApp({ ...config, rateLimits: { ...config.rateLimits, messagesPerVisitor: unlimited, handshakesPerIp: unlimited, messagesPerIp: unlimited, restPerIp: unlimited } }, { logger: false });
await app.listen({ host: '127.0.0.1', port: 0 });
const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const now = new Date().toISOString();
await app.directory.createAgent({
  id: 'a_bench', email: 'bench@shop.example', name: 'Bench', role: 'agent', languages: ['en'], sites: null, regions: null,
  capacity: 100, passwordHash: await hashPassword(PASSWORD), isDisabled: false, createdAt: now, updatedAt: now,
});
const agent = await connectAgent(url, 'bench@shop.example', PASSWORD);
const sockets: Socket[] = [agent];

// Arrival time of each message id at the agent, for `message:created` and `message:translated`.
const arrivals = { created: new Map<string, number>(), translated: new Map<string, number>() };
const waiters = new Map<string, () => void>();
const failures: string[] = [];
const arrived = (kind: keyof typeof arrivals, id: string) => {
  arrivals[kind].set(id, performance.now());
  waiters.get(`${kind}:${id}`)?.();
};
agent.on('message:created', (message: { id: string }) => arrived('created', message.id));
agent.on('message:translated', (event: { messageId: string; error?: { reason: string } }) => {
  if (event.error) failures.push(event.error.reason);
  arrived('translated', event.messageId);
});
const arrival = (kind: keyof typeof arrivals, id: string) => new Promise<number>((resolve, reject) => {
  const at = arrivals[kind].get(id);
  if (at !== undefined) return resolve(at);
  const timer = setTimeout(() => reject(new Error(`no ${kind} for ${id}`)), 15_000);
  waiters.set(`${kind}:${id}`, () => (clearTimeout(timer), waiters.delete(`${kind}:${id}`), resolve(arrivals[kind].get(id)!)));
});

/** A fresh Spanish shopper whose conversation the agent has claimed and opened. */
async function claimedConversation(): Promise<{ shopper: Socket; conversationId: string }> {
  const { socket, conversationId } = await connectShopper(url, 'es-ES', 'ES');
  sockets.push(socket);
  await pace(agent);
  await ask(agent, 'conversation:assign', { conversationId });
  await pace(agent);
  const { translation } = await ask<{ translation: { isActive: boolean; provider?: string } }>(agent, 'conversation:open', { conversationId });
  if (!translation.isActive) throw new Error(`translation is not active: ${JSON.stringify(translation)}`);
  return { shopper: socket, conversationId };
}
/** Shopper send → [agent's message:created, agent's message:translated], ms. */
async function shopperSends(shopper: Socket, text: string): Promise<[number, number]> {
  await pace(shopper);
  const started = performance.now();
  const message = await ask<{ id: string }>(shopper, 'message:send', { clientMsgId: randomUUID(), text });
  return [(await arrival('created', message.id)) - started, (await arrival('translated', message.id)) - started];
}
/** Agent send → its ack (translated unless the conversation is switched off), ms. */
async function agentSends(conversationId: string, text: string): Promise<number> {
  await pace(agent);
  const started = performance.now();
  await ask(agent, 'agent:message:send', { conversationId, clientMsgId: randomUUID(), text });
  return performance.now() - started;
}

// Warm-up (not measured): APy starts each pair's pipeline on its first request.
const warm = await claimedConversation();
for (const [text, reply] of [['Hola, ¿qué tal?', 'Hello there.'], ['Buenos días.', 'Good morning.'], ['Una pregunta.', 'Go ahead.']] as const) {
  await shopperSends(warm.shopper, text);
  await agentSends(warm.conversationId, reply);
}

// 1. Per-message cost, distinct texts so nothing comes from the cache.
const live = await claimedConversation();
const before1 = proxy.counts().translateCalls;
const createdMs: number[] = [];
const translatedMs: number[] = [];
for (const text of spanishMessages(RUNS)) {
  const [created, translated] = await shopperSends(live.shopper, text);
  createdMs.push(created);
  translatedMs.push(translated);
}
const shopperCalls = proxy.counts().translateCalls - before1;
const off = await claimedConversation();
await pace(agent);
await ask(agent, 'conversation:translation', { conversationId: off.conversationId, isOff: true });
const replyOnMs: number[] = [];
const replyOffMs: number[] = [];
for (const text of englishMessages(RUNS)) {
  replyOnMs.push(await agentSends(live.conversationId, text));
  replyOffMs.push(await agentSends(off.conversationId, text));
}
const agentCalls = proxy.counts().translateCalls - before1 - shopperCalls;

// 2. The same scripted conversation twice, each in a fresh conversation.
async function runScript(): Promise<{ calls: number; chars: number; shopperMs: number[]; agentMs: number[] }> {
  const { shopper, conversationId } = await claimedConversation();
  const start = proxy.counts();
  const shopperMs: number[] = [];
  const agentMs: number[] = [];
  for (const [asked, answer] of SCRIPT) {
    shopperMs.push((await shopperSends(shopper, asked))[1]);
    agentMs.push(await agentSends(conversationId, answer));
  }
  const end = proxy.counts();
  return { calls: end.translateCalls - start.translateCalls, chars: end.translateChars - start.translateChars, shopperMs, agentMs };
}
const first = await runScript();
const replay = await runScript();

for (const socket of sockets) socket.disconnect();
await app.close();

// 3. Every ordered pair of Parley's locales, asked of the adapter; a supported one is
//    translated once so the proxy shows its route (one hop direct, two through Spanish).
const provider = createApertiumProvider({ url: proxy.url });
const direct: string[] = [];
const pivoted: string[] = [];
const broken: string[] = [];
for (const from of SUPPORTED_LOCALES) {
  for (const to of SUPPORTED_LOCALES) {
    if (from === to || !(await provider.supports(from, to))) continue;
    const hops = proxy.counts().langpairs.length;
    const result = await provider.translate({ text: 'OK', from, to });
    const route = proxy.counts().langpairs.slice(hops);
    const hopNames = [...new Set(route)];
    const entry = `${from}→${to} (${hopNames.join(', ')}${route.length > hopNames.length ? `; ${route.length} requests with retries` : ''})`;
    // supports() trusts /listPairs; a pair whose pipeline cannot start (a missing tool) answers 500.
    if (!result.ok) broken.push(`${entry}: ${result.failure.kind}`);
    else (hopNames.length === 1 ? direct : pivoted).push(entry);
  }
}
await proxy.close();
await apy.stop();
rmSync(dataDir, { recursive: true, force: true });

const ms = (values: number[]) => `median ${percentile(values, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(values, 95).toFixed(1).padStart(6)} ms`;
const row = (name: string, values: number[]) => console.log(`  ${name.padEnd(52)} ${ms(values)}`);
const ratio = (a: number[], b: number[]) => (percentile(a, 50) / percentile(b, 50)).toFixed(2);
console.log(`Live translation, Apertium (apertium-apy, behind a counting proxy), in-process gateway, SQLite, loopback`);
console.log(`1. per message, ${RUNS} distinct texts per direction (Spanish shopper es-ES, English agent)`);
row('baseline: shopper send → agent message:created', createdMs);
row('shopper send → agent message:translated (es→en)', translatedMs);
row('added by translation (translated − created)', translatedMs.map((value, i) => value - createdMs[i]!));
console.log(`  ratio translated / baseline (median) = ${ratio(translatedMs, createdMs)}; engine calls ${shopperCalls}/${RUNS}; failures ${failures.length}`);
row('baseline: agent send → ack, translation switched off', replyOffMs);
row('agent send → ack, translated (en→es)', replyOnMs);
row('added by translation (on − off, per pair)', replyOnMs.map((value, i) => value - replyOffMs[i]!));
console.log(`  ratio translated / off (median) = ${ratio(replyOnMs, replyOffMs)}; engine calls ${agentCalls}/${RUNS}`);
console.log(`2. scripted conversation (${SCRIPT.length} shopper + ${SCRIPT.length} agent messages), then replayed in a fresh conversation`);
console.log(`  engine calls: first ${first.calls}, replay ${replay.calls} → ${first.calls - replay.calls} avoided; characters sent: first ${first.chars}, replay ${replay.chars} → ${first.chars - replay.chars} not sent`);
row('first run: shopper send → message:translated', first.shopperMs);
row('replay:    shopper send → message:translated', replay.shopperMs);
row('first run: agent send → translated ack', first.agentMs);
row('replay:    agent send → translated ack', replay.agentMs);
console.log(`  ratio replay / first (median): shopper ${ratio(replay.shopperMs, first.shopperMs)}, agent ${ratio(replay.agentMs, first.agentMs)}`);
console.log(`3. offline pairs among ${SUPPORTED_LOCALES.length} locales (${SUPPORTED_LOCALES.length * (SUPPORTED_LOCALES.length - 1)} ordered pairs): ${direct.length} direct, ${pivoted.length} through Spanish, ${broken.length} listed but failing`);
console.log(`  direct: ${direct.join('; ')}`);
console.log(`  via es: ${pivoted.join('; ')}`);
if (broken.length > 0) console.log(`  listed but failing (supports() = true, translate() refused): ${broken.join('; ')}`);
