/**
 * Append cost against stored volume, per store: the same load (CONVERSATIONS new conversations,
 * APPENDS messages each, one after another per conversation, the conversations at once) on a
 * region holding no messages, then on the same region holding FILL messages. The ratio
 * full/empty should stay near 1: an append must not cost more because more exists (issue 10).
 * MongoDB wire: MONGODB_URI when set, else a FerretDB started by scripts/ferretdb.sh (stopped
 * by PID). Prints figures, asserts nothing.
 *   node --experimental-strip-types bench/store-append.ts
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RegionStore } from '../apps/gateway/src/storage/region-store.ts';
import { openMongoClient } from '../apps/gateway/src/storage/mongo/mongo-client.ts';
import { regionCollections } from '../apps/gateway/src/storage/mongo/mongo-docs.ts';
import { MongoRegionStore } from '../apps/gateway/src/storage/mongo/mongo-region-store.ts';
import { SqliteRegionStore } from '../apps/gateway/src/storage/sqlite/sqlite-region-store.ts';

const FILL = Number(process.env['BENCH_FILL'] ?? 10_000);
const FILL_PER_CONVERSATION = Number(process.env['BENCH_FILL_PER_CONVERSATION'] ?? 20);
const CONVERSATIONS = Number(process.env['BENCH_CONVERSATIONS'] ?? 20);
const APPENDS = Number(process.env['BENCH_APPENDS'] ?? 10);
const ferretdbScript = fileURLToPath(new URL('../scripts/ferretdb.sh', import.meta.url));

async function newConversations(store: RegionStore, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const visitorId = `v_${randomUUID()}`;
    const id = `c_${randomUUID()}`;
    const now = new Date().toISOString();
    await store.createVisitor({ id: visitorId, siteKey: 'demo', createdAt: now });
    await store.createConversation({ id, visitorId, siteKey: 'demo', locale: 'de-DE', createdAt: now });
    ids.push(id);
  }
  return ids;
}

/** Appends per second under the load described above. */
async function appendRate(store: RegionStore): Promise<number> {
  const conversations = await newConversations(store, CONVERSATIONS);
  const started = performance.now();
  await Promise.all(
    conversations.map(async (conversationId) => {
      for (let i = 0; i < APPENDS; i += 1) {
        await store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text: `Wo ist Bestellung ${i}?`, awaitsBot: true });
      }
    }),
  );
  return (CONVERSATIONS * APPENDS) / ((performance.now() - started) / 1000);
}

async function report(name: string, store: RegionStore, fill: () => Promise<void>): Promise<void> {
  await appendRate(store); // warm-up (JIT, connections, the server's caches); a few hundred messages
  const empty = await appendRate(store);
  const filling = performance.now();
  await fill();
  const filled = ((performance.now() - filling) / 1000).toFixed(1);
  const full = await appendRate(store);
  console.log(`${name.padEnd(22)} empty ${empty.toFixed(0).padStart(6)}/s   ${FILL} stored ${full.toFixed(0).padStart(6)}/s   full/empty ${(full / empty).toFixed(2)}   (filled in ${filled} s)`);
}

async function sqlite(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-sqlite-'));
  const store = new SqliteRegionStore({ dataDir: dir, region: 'eu' });
  // Through the store itself: SQLite appends are cheap enough to fill with.
  await report('SQLite', store, async () => {
    for (const conversationId of await newConversations(store, FILL / FILL_PER_CONVERSATION)) {
      for (let i = 0; i < FILL_PER_CONVERSATION; i += 1) {
        await store.appendMessage({ conversationId, clientMsgId: randomUUID(), author: { kind: 'visitor' }, text: `alt ${i}` });
      }
    }
  });
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

async function mongo(uri: string, label: string): Promise<void> {
  const client = openMongoClient(uri);
  const dbName = `parley_bench_${randomUUID().slice(0, 8)}`;
  const store = new MongoRegionStore({ client, dbName, region: 'eu' });
  await store.init();
  // Written directly, as the store leaves them (newest recorded on the conversation): filling
  // through appends would measure the very cost this benchmark is about.
  await report(`MongoDB wire (${label})`, store, async () => {
    const { messages, conversations } = regionCollections(client.db(dbName));
    const createdAt = new Date();
    for (const conversationId of await newConversations(store, FILL / FILL_PER_CONVERSATION)) {
      await messages.insertMany(
        Array.from({ length: FILL_PER_CONVERSATION }, (_, i) => ({
          _id: `msg_${randomUUID()}`, conversationId, seq: i + 1, clientMsgId: randomUUID(), author: { kind: 'visitor' as const }, text: `alt ${i}`, createdAt,
        })),
      );
      const lastMessage = { authorKind: 'visitor', text: 'alt', seq: FILL_PER_CONVERSATION, createdAt: createdAt.toISOString() };
      await conversations.updateOne({ _id: conversationId }, { $set: { lastMessage } });
    }
  });
  await client.db(dbName).dropDatabase();
  await client.close();
}

async function startFerretdb(): Promise<{ uri: string; stop(): Promise<void> }> {
  const built = spawnSync(ferretdbScript, ['build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('no MONGODB_URI, and scripts/ferretdb.sh build failed');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'parley-bench-ferretdb-'));
  const child = spawn(ferretdbScript, ['start', '--port', String(port), '--dir', join(dir, 'data')], { stdio: 'ignore' });
  await waitForPort(port, child);
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let tries = 0; tries < 300; tries += 1) {
    if (child.exitCode !== null) throw new Error(`FerretDB exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  throw new Error(`FerretDB did not listen on ${port}`);
}

console.log(`${CONVERSATIONS} new conversations x ${APPENDS} appends each, at once; then again with ${FILL} more messages stored in ${FILL / FILL_PER_CONVERSATION} conversations`);
await sqlite();
const fromEnv = process.env['MONGODB_URI'];
if (fromEnv) {
  await mongo(fromEnv, 'MONGODB_URI');
} else {
  const ferretdb = await startFerretdb();
  try {
    await mongo(ferretdb.uri, 'FerretDB v1 SQLite');
  } finally {
    await ferretdb.stop();
  }
}
