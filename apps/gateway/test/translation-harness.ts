import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Message, Session } from '@parley/protocol';
import { fakeTranslate, startLookalikeServer } from '@parley/translation/testing';
import type { LookalikeServer } from '@parley/translation/testing';
import { DEMO_SITE } from '../src/sites/site.ts';
import type { SiteTranslation } from '../src/features/translation/site-translation.ts';
import { connectForSession, rawSocket } from './gateway-harness.ts';
import type { RunningGateway, TestSocket } from './gateway-harness.ts';

/** A sites.json in `dataDir` whose demo site has this translation configuration. */
export function writeDemoSites(dataDir: string, translation: SiteTranslation): string {
  const file = join(dataDir, 'sites.json');
  writeFileSync(file, JSON.stringify({ sites: [{ ...DEMO_SITE, translation }] }));
  return file;
}

/** A shopper on the demo site, writing in `locale` from `country`. */
export async function shopperIn(gateway: RunningGateway, locale: string, country: string): Promise<{ socket: TestSocket; session: Session }> {
  const socket = rawSocket(gateway.url, { locales: [locale] }, { 'x-country': country });
  return { socket, session: await connectForSession(socket) };
}

/** Sends as the shopper and waits for the ack. */
export async function shopperSays(socket: TestSocket, text: string): Promise<Message> {
  const ack = await socket.timeout(5000).emitWithAck('message:send', { clientMsgId: randomUUID(), text });
  if (!ack.ok) throw new Error(ack.error.code);
  return ack.data;
}

/**
 * A DeepL look-alike (`POST /v2/translate`, `DeepL-Auth-Key`, JSON, `tag_handling: xml`) that
 * answers with the fake translation and records what it was sent; `down` makes it answer 503.
 */
export async function startDeeplLookalike(key: string): Promise<LookalikeServer & { setDown(isDown: boolean): void; sent(): Array<Record<string, unknown>> }> {
  let isDown = false;
  const server = await startLookalikeServer((request) => {
    if (request.path !== '/v2/translate' || request.headers['authorization'] !== `DeepL-Auth-Key ${key}`) return { status: 403, json: { message: 'Authorization failure, check auth_key' } };
    if (isDown) return { status: 503, json: { message: 'Service unavailable' } };
    const body = JSON.parse(request.body) as { text: string[]; tag_handling?: string; target_lang?: string };
    if (body.tag_handling !== 'xml') return { status: 400, json: { message: "Value for 'tag_handling' not supported." } };
    // Marked with the target so a "translation" of a script without case (Japanese) still differs.
    return { status: 200, json: { translations: body.text.map((text) => ({ detected_source_language: 'DE', text: `[${body.target_lang}] ${fakeTranslate(text, 'xml')}` })) } };
  });
  return Object.assign(server, {
    setDown: (next: boolean) => { isDown = next; },
    sent: () => server.requests.filter((request) => request.path === '/v2/translate').map((request) => JSON.parse(request.body) as Record<string, unknown>),
  });
}
