// The README's headless-client snippet, runnable from this workspace while @parley/client is
// not yet published (it is TypeScript source; Node 24 strips the types):
//   pnpm start                                   # in another terminal
//   node examples/headless-client.ts "Wo ist meine Bestellung NL-10492?"
// PARLEY_URL points it at another gateway (default http://127.0.0.1:8787).
import { createParleyClient } from '../packages/client/src/index.ts';

const url = process.env['PARLEY_URL'] ?? 'http://127.0.0.1:8787';
const text = process.argv[2] ?? 'Hallo!';
const client = createParleyClient({ url, siteKey: 'demo', locales: ['de-DE'] });
const session = await client.connect();
console.log(`connected: conversation ${session.conversationId}, locale ${session.locale} (${session.localeSource}), region ${session.region}`);
const botSeqs: number[] = [];
let onBot = (): void => {};
client.on('message', (message) => {
  console.log(`${message.seq} ${message.author.kind}: ${message.text}`);
  if (message.author.kind === 'bot') {
    botSeqs.push(message.seq);
    onBot();
  }
});
const sent = await client.send(text);
// The bot's answer to what we sent (it may arrive before the ack) ends the example.
await new Promise<void>((resolve) => {
  onBot = () => {
    if (botSeqs.some((seq) => seq > sent.seq)) resolve();
  };
  onBot();
});
client.disconnect();
