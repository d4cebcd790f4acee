/**
 * The abusive client of bench/flood.ts, run as its own process (forked with IPC) so its CPU is
 * not the bench's: one WebSocket with a valid handshake (socket.io-client) that writes valid
 * `message:send` frames, encoded once by hand, as fast as the socket drains them, never waiting
 * for an ack, and reconnects at once (same visitor token) when it is dropped or refused, as a
 * real attacker would. Parent → child: `{ type: 'start' }`,
 * `{ type: 'stop' }`; child → parent: `{ type: 'ready' }`, then `{ type: 'done', counts }`.
 *   env FLOOD_URL (gateway base URL), FLOOD_IP (its X-Forwarded-For), FLOOD_SITE_KEY
 */
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, VISITOR_NAMESPACE } from '../../packages/protocol/src/version.ts';

/** What the flooder saw, sent to the parent when it stops. */
export interface FloodCounts {
  framesSent: number;
  acksReceived: number;
  /** Acks by outcome: `ok`, or the error code (PARLEY_ERR_RATE_LIMITED, …). */
  acksByOutcome: Record<string, number>;
  /** Times the gateway dropped the connection (server disconnect or transport close). */
  disconnects: number;
  /** Handshakes that succeeded (the first one included). */
  sessions: number;
  /** Reconnect attempts the gateway refused, by code (or `transport` for a refused socket). */
  refusedReconnects: Record<string, number>;
  seconds: number;
}

/** Bytes queued on the WebSocket before the flooder waits for them to drain. */
const MAX_BUFFERED_BYTES = 1 << 20;
const BATCH = 256;
const RETRY_MS = 100;
const ACK_PREFIX = `3${VISITOR_NAMESPACE},`;
/** Far above the ids socket.io-client hands out itself, so the two never meet. */
let nextAckId = 1_000_000;

const url = process.env['FLOOD_URL'] ?? 'http://127.0.0.1:8787';
const ip = process.env['FLOOD_IP'] ?? '198.51.100.66';
const counts: FloodCounts = { framesSent: 0, acksReceived: 0, acksByOutcome: {}, disconnects: 0, sessions: 0, refusedReconnects: {}, seconds: 0 };
const bump = (record: Record<string, number>, key: string) => (record[key] = (record[key] ?? 0) + 1);
let visitorToken: string | undefined;
let isFlooding = false;
let startedAt = 0;

const socket = io(`${url}${VISITOR_NAMESPACE}`, {
  transports: ['websocket'],
  extraHeaders: { 'x-forwarded-for': ip },
  reconnectionDelay: RETRY_MS,
  reconnectionDelayMax: 1_000,
  // The same visitor comes back each time: the gateway cannot shed it by forgetting a token.
  auth: (send) => send({ siteKey: process.env['FLOOD_SITE_KEY'] ?? 'demo', protocolVersion: PROTOCOL_VERSION, ...(visitorToken ? { visitorToken } : {}) }),
});

socket.on('session:ready', (session: { visitorToken: string }) => {
  visitorToken = session.visitorToken;
  counts.sessions += 1;
  if (counts.sessions === 1) process.send?.({ type: 'ready' });
});
socket.on('disconnect', (reason) => {
  if (reason === 'io client disconnect') return;
  counts.disconnects += 1;
  // Socket.IO repairs a transport drop by itself, but not a disconnect the server chose.
  if (reason === 'io server disconnect') setTimeout(() => socket.connect(), RETRY_MS);
});
socket.on('connect_error', (error: Error & { data?: { code?: string } }) => {
  const code = error.data?.code;
  bump(counts.refusedReconnects, code ?? 'transport');
  // A middleware refusal is final for Socket.IO; a transport failure it retries itself.
  if (code) setTimeout(() => socket.connect(), RETRY_MS);
});

// Acks are read off the engine: the frames bypass socket.io-client's encoder and ack table
// (an attacker has no reason to pay for them), so the Socket never sees their ids.
socket.io.on('open', () => {
  socket.io.engine.on('packet', (packet: { type: string; data?: unknown }) => {
    if (packet.type !== 'message' || typeof packet.data !== 'string' || !packet.data.startsWith(ACK_PREFIX)) return;
    counts.acksReceived += 1;
    const code = /"code":"([A-Z_]+)"/.exec(packet.data)?.[1];
    bump(counts.acksByOutcome, code ?? (packet.data.includes('"ok":true') ? 'ok' : 'error'));
  });
});

function bufferedBytes(): number {
  const transport = socket.io.engine?.transport as unknown as { ws?: { bufferedAmount?: number } } | undefined;
  return transport?.ws?.bufferedAmount ?? 0;
}

function pump(): void {
  if (!isFlooding) return;
  if (socket.connected) {
    for (let i = 0; i < BATCH && bufferedBytes() < MAX_BUFFERED_BYTES; i += 1) {
      nextAckId += 1;
      // A Socket.IO EVENT packet with an ack id, exactly as socket.io-client would encode it.
      socket.io.engine.write(`2${VISITOR_NAMESPACE},${nextAckId}["message:send",{"clientMsgId":"${randomUUID()}","text":"buy cheap followers now"}]`);
      counts.framesSent += 1;
    }
  }
  setImmediate(pump);
}

process.on('message', (message: { type: string }) => {
  if (message.type === 'start') {
    isFlooding = true;
    startedAt = performance.now();
    pump();
  } else if (message.type === 'stop') {
    isFlooding = false;
    counts.seconds = (performance.now() - startedAt) / 1000;
    // A moment for acks already on the wire, then report and leave.
    setTimeout(() => {
      socket.disconnect();
      process.send?.({ type: 'done', counts }, () => process.exit(0));
    }, 500);
  }
});
