import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { REGIONS } from '@parley/protocol';
import type { Region } from '@parley/protocol';
import { addAgent, call, connectAgent } from './agent-harness.ts';
import { connectForSession, rawSocket, removeDataDir, startGateway, testConfig } from './gateway-harness.ts';

const SECRET_SENTENCE = 'Mein Nachbar heißt Horst Kowalczyk';

/** Every row of every table in one SQLite file. */
function rowsOf(path: string): Record<string, Array<Record<string, unknown>>> {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>;
    return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all() as Array<Record<string, unknown>>]));
  } finally {
    db.close();
  }
}

describe('residency: nothing about a conversation is written outside its region', () => {
  it('after shoppers in four regions are handed off, assigned, noted, read and answered, every record sits in its own region only', async () => {
    const config = testConfig({ PARLEY_COUNTRY_HEADER: 'x-country' });
    const gateway = await startGateway(config);
    const sockets: Array<{ disconnect(): unknown }> = [];
    try {
      const sue = await addAgent(gateway.app, { name: 'Sue', role: 'supervisor' });
      const { socket: agent } = await connectAgent(gateway.url, sue);
      sockets.push(agent);
      const regionOf = new Map<string, Region>();
      for (const country of ['DE', 'US', 'BR', 'SG']) {
        const shopper = rawSocket(gateway.url, { locales: ['de-DE'] }, { 'x-country': country });
        sockets.push(shopper);
        const session = await connectForSession(shopper);
        regionOf.set(session.conversationId, session.region);
        await shopper.timeout(5000).emitWithAck('message:send', { clientMsgId: randomUUID(), text: `Ich möchte mit einem Menschen sprechen. ${SECRET_SENTENCE}` });
        const ref = { conversationId: session.conversationId };
        await call(agent, 'conversation:open', ref);
        await call(agent, 'conversation:assign', ref);
        await call(agent, 'note:add', { ...ref, clientNoteId: randomUUID(), text: `Notiz: ${SECRET_SENTENCE}` });
        const sent = await call(agent, 'agent:message:send', { ...ref, clientMsgId: randomUUID(), text: 'Hallo, hier ist Sue.' });
        agent.emit('agent:read:set', { ...ref, seq: sent.seq });
        shopper.emit('read:set', { seq: sent.seq });
        await call(agent, 'conversation:status', { ...ref, status: 'pending' });
      }
      expect(new Set(regionOf.values())).toEqual(new Set(['eu', 'us', 'br', 'sg']));
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const socket of sockets) socket.disconnect();
      await gateway.stop();

      const files = readdirSync(config.dataDir).filter((name) => name.endsWith('.sqlite'));
      expect(files.sort()).toEqual([...REGIONS.map((region) => `${region}.sqlite`), 'directory.sqlite'].sort());
      for (const region of REGIONS) {
        const tables = rowsOf(join(config.dataDir, `${region}.sqlite`));
        const conversations = new Set((tables['conversations'] ?? []).map((row) => String(row['id'])));
        for (const id of conversations) expect(regionOf.get(id) ?? region).toBe(region);
        for (const [table, rows] of Object.entries(tables)) {
          for (const row of rows) {
            if (!('conversation_id' in row)) continue;
            const id = String(row['conversation_id']);
            // Every record names a conversation of this very file, and that conversation belongs here.
            expect(conversations.has(id), `${region}.${table} row for ${id}`).toBe(true);
            expect(regionOf.get(id), `${region}.${table}`).toBe(region);
          }
        }
        const expectedHere = [...regionOf].filter(([, r]) => r === region).length;
        expect((tables['notes'] ?? []).length).toBe(expectedHere);
        expect((tables['audit'] ?? []).length).toBeGreaterThanOrEqual(expectedHere * 3);
      }
      // The directory holds agents, sessions and tokens: no shopper words, no conversation ids.
      const directory = JSON.stringify(rowsOf(join(config.dataDir, 'directory.sqlite')));
      expect(directory).not.toContain('Kowalczyk');
      for (const id of regionOf.keys()) expect(directory).not.toContain(id);
    } finally {
      for (const socket of sockets) socket.disconnect();
      removeDataDir(config);
    }
  });
});
