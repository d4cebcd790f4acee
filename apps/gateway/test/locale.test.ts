import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createParleyClient } from '@parley/client';
import type { LocaleChange, Message } from '@parley/client';
import type { LocaleChanged } from '@parley/protocol';
import { connectForSession, rawSocket, removeDataDir, startGateway, testConfig, useGateway } from './gateway-harness.ts';
import type { TestSocket } from './gateway-harness.ts';

const send = (socket: TestSocket, text: string) => socket.timeout(5_000).emitWithAck('message:send', { clientMsgId: randomUUID(), text });

describe('the shopper’s own language', () => {
  const gateway = useGateway();

  it('switches an English-page conversation to German when the shopper writes German, and says why', async () => {
    const socket = rawSocket(gateway.url, { pageLang: 'en', locales: ['en-US'] });
    const session = await connectForSession(socket);
    expect(session).toMatchObject({ locale: 'en-US', localeSource: 'page' });
    const changed = new Promise<LocaleChanged>((resolve) => socket.once('locale:changed', resolve));
    const ack = await send(socket, 'Meine Bestellung ist verschwunden');
    expect(ack).toMatchObject({ ok: true, data: { locale: 'de-DE' } });
    const change = await changed;
    expect(change).toMatchObject({ locale: 'de-DE', localeSource: 'message', dir: 'ltr' });
    expect(change.localeCandidates.map((c) => c.source)).toEqual(['message', 'page', 'navigator', 'site-default']);
    expect(change.strings['send']).toBe('Senden');
    socket.disconnect();

    // A reload keeps German: the writing is remembered with the conversation.
    const again = rawSocket(gateway.url, { pageLang: 'en', locales: ['en-US'], visitorToken: session.visitorToken });
    expect(await connectForSession(again)).toMatchObject({ locale: 'de-DE', localeSource: 'message' });
    again.disconnect();
  });

  it('never flips on "ok" or "thanks", and never overrides an explicit choice', async () => {
    const socket = rawSocket(gateway.url, { pageLang: 'fr' });
    await connectForSession(socket);
    let changes = 0;
    socket.on('locale:changed', () => (changes += 1));
    for (const text of ['ok', 'thanks', 'Danke', '👍', '#88231']) expect((await send(socket, text)).ok).toBe(true);
    socket.disconnect();

    const explicit = rawSocket(gateway.url, { locale: 'ja-JP' });
    await connectForSession(explicit);
    explicit.on('locale:changed', () => (changes += 1));
    await send(explicit, 'Where is my order, it never arrived');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(changes).toBe(0);
    explicit.disconnect();
  });

  it('reaches the headless client as a locale event with source and candidates', async () => {
    const client = createParleyClient({ url: gateway.url, siteKey: 'demo', pageLang: 'en' });
    const changes: LocaleChange[] = [];
    client.on('locale', (change) => changes.push(change));
    await client.connect();
    await client.send('注文した商品がまだ届きません');
    await expect.poll(() => changes.length).toBe(2);
    expect(changes.map((c) => [c.locale, c.source])).toEqual([['en-US', 'page'], ['ja-JP', 'message']]);
    expect(client.session).toMatchObject({ locale: 'ja-JP', dir: 'ltr' });
    expect(client.session?.strings['send']).toBe('送信');
    client.disconnect();
  });
});

describe('a site’s own wording', () => {
  it('uses the site’s text for the locale or its language, else Parley’s template in that locale', async () => {
    const config = testConfig();
    writeFileSync(
      join(config.dataDir, 'sites.json'),
      JSON.stringify({
        sites: [
          {
            key: 'shop',
            name: 'Kirschblüte',
            allowedOrigins: ['https://shop.example'],
            defaultLocale: 'de-DE',
            residency: { mode: 'fixed', region: 'eu' },
            texts: {
              de: { replies: { greeting: 'Servus bei {{siteName}}! Was dürfen wir für Sie tun?' }, widget: { send: 'Abschicken' } },
              en: { replies: { greeting: 'Howdy from {{siteName}}!' } },
            },
          },
        ],
      }),
    );
    const gateway = await startGateway(config);
    try {
      const greetingOf = async (auth: Record<string, unknown>) => {
        const socket = rawSocket(gateway.url, { siteKey: 'shop', ...auth });
        const greeting = new Promise<Message>((resolve) => socket.once('message:created', resolve));
        const session = await connectForSession(socket);
        const message = await greeting;
        socket.disconnect();
        return { session, text: message.text };
      };
      const german = await greetingOf({ locales: ['de-AT'] });
      expect(german.text).toBe('Servus bei Kirschblüte! Was dürfen wir für Sie tun?');
      expect(german.session.strings['send']).toBe('Abschicken');
      expect(german.session.strings['retry']).toBe('Erneut senden'); // not overridden: Parley's German
      const japanese = await greetingOf({ locales: ['ja'] });
      expect(japanese.text).toContain('お問い合わせいただきありがとうございます'); // never the English override
    } finally {
      await gateway.stop();
      removeDataDir(config);
    }
  });
});
