/**
 * The durability run: 20 shoppers (the real @parley/client SDK) x 200 messages each, sent in
 * order and awaited, while the gateway (a child process, as `pnpm start` runs it) is killed with
 * SIGKILL at 30 % and 65 % of the acked sends and restarted on the same port and data; three
 * runs per store. Each conversation is then read back through `history:fetch` and counted:
 *   lost       acked messages missing from the history
 *   doubled    extra stored copies of one clientMsgId
 *   out of order  a shopper's messages whose seq order differs from their send order
 *   owed       shopper messages with no bot reply (`bot:<messageId>:<n>`) while the bot had
 *              the conversation, after giving the bot up to 15 s to catch up
 * The texts get knowledge answers and never a hand-off (handed-off conversations are counted
 * too, and their later messages are not owed). Every goal is 0 lost, 0 doubled, 0 out of order,
 * 0 owed. Per-visitor and per-IP limits are raised by env (all 20 shoppers share 127.0.0.1).
 * A run that takes over BENCH_RUN_TIMEOUT_MS (5 min) is stopped and audited as it stands.
 * SQLite runs on tmpfs (see benchDataDir); MongoDB-wire uses MONGODB_URI or a FerretDB started
 * here, fresh databases per run. BENCH_GATEWAY_ROOT runs another checkout (a before run).
 *   pnpm --filter @parley/bench durability [sqlite|mongodb|both]     (default: both)
 *   BENCH_RUNS=3 BENCH_CLIENTS=20 BENCH_MESSAGES=200 BENCH_KILL_AT=0.3,0.65 (defaults)
 */
import { durabilityRun } from './lib/durability-run.ts';
import type { RunResult } from './lib/durability-run.ts';
import { mongoEnv, startMongoServer } from './lib/mongo-server.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const CLIENTS = Number(process.env['BENCH_CLIENTS'] ?? 20);
const MESSAGES = Number(process.env['BENCH_MESSAGES'] ?? 200);
const KILL_AT = (process.env['BENCH_KILL_AT'] ?? '0.3,0.65').split(',').map(Number);
const TIMEOUT_MS = Number(process.env['BENCH_RUN_TIMEOUT_MS'] ?? 300_000);
const which = process.argv[2] ?? process.env['BENCH_STORE'] ?? 'both';
const stores = which === 'both' ? (['sqlite', 'mongodb'] as const) : ([which] as const);

const COLUMNS = ['run', 'acked', 'failed', 'kills', 'lost', 'doubled', 'out of order', 'owed', 'handed off', 'conv. changed', 'seconds'];

function row(label: string, r: RunResult): string[] {
  const seconds = `${r.seconds.toFixed(1)}${r.isTimedOut ? ' (TIMED OUT)' : ''}`;
  return [label, `${r.acked}/${CLIENTS * MESSAGES}`, r.failed, r.kills, r.lost, r.doubled, r.outOfOrder, r.owed, r.handedOff, r.conversationChanges, seconds].map(String);
}

function printTable(title: string, rows: string[][]): void {
  const widths = COLUMNS.map((column, i) => Math.max(column.length, ...rows.map((cells) => cells[i]!.length)));
  console.log(`\n${title}`);
  for (const cells of [COLUMNS, ...rows]) console.log(cells.map((cell, i) => cell.padStart(widths[i]!)).join('  '));
}

console.log(`durability: ${CLIENTS} shoppers x ${MESSAGES} messages, kill -9 at ${KILL_AT.map((f) => `${f * 100}%`).join(' and ')} of acked sends, ${RUNS} runs per store`);
for (const store of stores) {
  if (store !== 'sqlite' && store !== 'mongodb') throw new Error(`unknown store "${store}": sqlite, mongodb or both`);
  let mongo: Awaited<ReturnType<typeof startMongoServer>> | undefined;
  if (store === 'mongodb') {
    try {
      mongo = await startMongoServer();
    } catch (error) {
      console.log(`\nmongodb: not run (${(error as Error).message})`);
      continue;
    }
  }
  const rows: string[][] = [];
  const totals: RunResult[] = [];
  for (let run = 1; run <= RUNS; run += 1) {
    const env = mongo ? mongoEnv(mongo.uri, `parley_bench_${process.pid}_${run}`) : {};
    let result: RunResult;
    try {
      result = await durabilityRun({ clients: CLIENTS, messages: MESSAGES, killAt: KILL_AT, env, timeoutMs: TIMEOUT_MS });
    } catch (error) {
      console.log(`${store} run ${run}: the gateway did not start: ${(error as Error).message}`);
      continue;
    }
    rows.push(row(String(run), result));
    totals.push(result);
    console.log(`${store} run ${run}: ${JSON.stringify(result)}`);
  }
  await mongo?.stop();
  const sum = (key: 'acked' | 'failed' | 'kills' | 'lost' | 'doubled' | 'outOfOrder' | 'owed' | 'handedOff' | 'conversationChanges') => totals.reduce((n, r) => n + r[key], 0);
  const all: RunResult = {
    acked: sum('acked'), failed: sum('failed'), kills: sum('kills'), lost: sum('lost'), doubled: sum('doubled'), outOfOrder: sum('outOfOrder'),
    owed: sum('owed'), handedOff: sum('handedOff'), conversationChanges: sum('conversationChanges'),
    seconds: totals.reduce((n, r) => n + r.seconds, 0), isTimedOut: totals.some((r) => r.isTimedOut),
  };
  const totalRow = row('total', all);
  totalRow[1] = `${all.acked}/${RUNS * CLIENTS * MESSAGES}`;
  rows.push(totalRow);
  printTable(`${store === 'sqlite' ? 'SQLite' : `MongoDB wire (${mongo?.source ?? ''})`}: goal 0 lost, 0 doubled, 0 out of order, 0 owed`, rows);
  for (const [i, result] of totals.entries()) if (result.error) console.log(`  run ${i + 1} could not be fully audited: ${result.error}`);
}
