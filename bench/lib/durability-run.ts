/**
 * One durability run of bench/durability.ts: a gateway child process, CLIENTS shoppers on the
 * real `@parley/client` SDK (outbox, retries, resync) each sending MESSAGES messages in order,
 * the gateway killed with SIGKILL at given fractions of the acked sends and restarted on the
 * same port and data, then every conversation audited through the protocol.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as ClientSdk from '../../packages/client/src/index.ts';
import type { ParleyClient } from '../../packages/client/src/index.ts';
import { benchDataDir, freePort, gatewayRoot, startGateway } from './gateway-process.ts';
import type { GatewayProcess } from './gateway-process.ts';
import { audit, fetchHistory } from './history-audit.ts';
import type { AuditCounts, ShopperSends } from './history-audit.ts';
import { ANSWERABLE_TEXTS } from './paced-shoppers.ts';

/** The shape of one run. */
export interface RunOptions {
  clients: number;
  messages: number;
  /** Fractions of all sends (0.3, 0.65): once that many are acked, kill -9 and restart. */
  killAt: readonly number[];
  /** Gateway env beyond the defaults (store URIs). */
  env: Record<string, string>;
  /** Past this the run stops sending and is audited as it stands. */
  timeoutMs: number;
}

/** What one run achieved and what the audit found. */
export interface RunResult extends Omit<AuditCounts, 'stored'> {
  acked: number;
  /** Sends that rejected (refused for good, or cut off by the timeout). */
  failed: number;
  kills: number;
  /** Shoppers whose session moved to another conversation mid-run (their sends split). */
  conversationChanges: number;
  /** From the gateway's first start until every send had settled. */
  seconds: number;
  isTimedOut: boolean;
  /** Set when the run could not be audited (e.g. the gateway would not come back). */
  error?: string;
}

/** Limits raised so 20 shoppers on one loopback IP are never throttled; env the fix reads. */
const UNTHROTTLED = { PARLEY_MESSAGES_PER_VISITOR: '100000', PARLEY_MESSAGES_PER_IP: '1000000', PARLEY_HANDSHAKES_PER_IP: '1000000', PARLEY_CONNECTIONS_PER_IP: '10000' };
/** How long the bot gets, after the last ack, to answer what it still owes. */
const SETTLE_MS = Number(process.env['BENCH_SETTLE_MS'] ?? 60_000);

// The SDK of the checkout under test, so a before run uses that commit's client too.
const sdk = (await import(pathToFileURL(join(gatewayRoot, 'packages/client/src/index.ts')).href)) as typeof ClientSdk;

/** Runs once. Throws only when the gateway does not start at all; later failures land in `error`. */
export async function durabilityRun(options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const dataDir = benchDataDir('parley-bench-durability-');
  const port = await freePort();
  const gatewayOptions = { port, dataDir, env: { ...UNTHROTTLED, ...options.env } };
  let gateway: GatewayProcess = await startGateway(gatewayOptions);
  const total = options.clients * options.messages;
  const killAt = options.killAt.map((fraction) => Math.round(fraction * total));
  const result: RunResult = { acked: 0, failed: 0, kills: 0, conversationChanges: 0, lost: 0, doubled: 0, outOfOrder: 0, owed: 0, handedOff: 0, seconds: 0, isTimedOut: false };
  let crashing: Promise<void> = Promise.resolve();
  let restartError: string | undefined;

  const crash = () => {
    result.kills += 1;
    crashing = crashing.then(async () => {
      await gateway.kill9();
      try {
        gateway = await startGateway(gatewayOptions);
      } catch (error) {
        restartError = `restart after a kill failed: ${(error as Error).message}`;
      }
    });
  };

  const clients: ParleyClient[] = [];
  const shoppers: ShopperSends[] = [];
  const conversations: Set<string>[] = [];
  for (let i = 0; i < options.clients; i += 1) {
    const client = sdk.createParleyClient({ url: gateway.url, siteKey: 'demo', locale: 'en-US' });
    const seen = new Set<string>();
    client.on('session', (session) => seen.add(session.conversationId));
    clients.push(client);
    conversations.push(seen);
  }
  await Promise.all(clients.map((client) => client.connect()));
  shoppers.push(...clients.map((client) => ({ visitorToken: client.session!.visitorToken, sends: [] as ShopperSends['sends'] })));

  const deadline = setTimeout(() => {
    result.isTimedOut = true;
    // Pending sends reject with CLIENT_CLOSED; what was acked is audited as it stands.
    for (const client of clients) client.disconnect();
  }, options.timeoutMs);
  await Promise.all(
    clients.map(async (client, index) => {
      for (let i = 0; i < options.messages && !result.isTimedOut; i += 1) {
        const send = { clientMsgId: randomUUID(), isAcked: false };
        shoppers[index]!.sends.push(send);
        try {
          await client.send(ANSWERABLE_TEXTS[(i + index) % ANSWERABLE_TEXTS.length]!, { clientMsgId: send.clientMsgId });
          send.isAcked = true;
          result.acked += 1;
          if (result.acked === killAt[result.kills]) crash();
        } catch {
          result.failed += 1;
        }
      }
    }),
  );
  clearTimeout(deadline);
  result.seconds = (performance.now() - started) / 1000;
  await crashing;
  for (const client of clients) client.disconnect();
  result.conversationChanges = conversations.filter((seen) => seen.size > 1).length;

  try {
    if (restartError) throw new Error(restartError);
    // The bot answers after the ack: give it until it owes nothing, or SETTLE_MS.
    const settleUntil = performance.now() + SETTLE_MS;
    for (;;) {
      // One shopper at a time: on a server without index pushdown each page is a pass over every
      // message, and twenty at once would time each other out.
      const counts = [];
      for (const shopper of shoppers) counts.push(audit(await fetchHistory(gateway.url, shopper.visitorToken), shopper));
      for (const key of ['lost', 'doubled', 'outOfOrder', 'owed', 'handedOff'] as const) result[key] = counts.reduce((sum, c) => sum + c[key], 0);
      if (result.owed === 0 || performance.now() > settleUntil) break;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  } catch (error) {
    result.error = (error as Error).message;
  }
  await gateway.stop();
  rmSync(dataDir, { recursive: true, force: true });
  return result;
}
