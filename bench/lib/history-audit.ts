/**
 * Checks one shopper's conversation against what the shopper sent, through the protocol only:
 * a fresh socket with the shopper's visitor token pages `history:fetch` (afterSeq/hasMore) and
 * the stored messages are compared with the sends the gateway acked.
 */
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION, VISITOR_NAMESPACE } from '../../packages/protocol/src/version.ts';

/** The parts of a stored message the audit reads. */
interface StoredMessage {
  id: string;
  seq: number;
  clientMsgId: string;
  author: { kind: string };
  bot?: { intent: string; templateKey: string };
}

/** One shopper's sends, in the order they were sent. */
export interface ShopperSends {
  visitorToken: string;
  /** clientMsgIds in send order, with whether the gateway acked each. */
  sends: { clientMsgId: string; isAcked: boolean }[];
}

/** What the audit found in one conversation. */
export interface AuditCounts {
  /** Acked sends missing from the history. */
  lost: number;
  /** Extra stored copies of a clientMsgId (shopper or bot). */
  doubled: number;
  /** Stored shopper messages whose seq is below that of a message sent before them. */
  outOfOrder: number;
  /** Shopper messages with no bot reply while the bot still had the conversation. */
  owed: number;
  /** 1 when the bot handed the conversation to people (its later messages are not owed). */
  handedOff: number;
  /** Messages in the history (shopper + bot + greeting). */
  stored: number;
}

const HANDOFF_TEMPLATE = /^(handoff|offline)\./;

/** Reads the whole conversation of `visitorToken` in pages. */
export async function fetchHistory(url: string, visitorToken: string, siteKey = 'demo'): Promise<StoredMessage[]> {
  const socket = io(`${url}${VISITOR_NAMESPACE}`, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { siteKey, protocolVersion: PROTOCOL_VERSION, visitorToken } });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no session for the history check within 20 s')), 20_000);
      socket.once('session:ready', () => (clearTimeout(timer), resolve()));
      socket.once('connect_error', (error) => (clearTimeout(timer), reject(error)));
    });
    const messages: StoredMessage[] = [];
    for (let afterSeq = 0; ; ) {
      const ack = (await socket.timeout(60_000).emitWithAck('history:fetch', { afterSeq, limit: 200 })) as
        | { ok: true; data: { messages: StoredMessage[]; hasMore: boolean } }
        | { ok: false; error: { code: string } };
      if (!ack.ok) throw new Error(`history:fetch refused: ${ack.error.code}`);
      messages.push(...ack.data.messages);
      const last = ack.data.messages.at(-1);
      if (!ack.data.hasMore || !last) return messages;
      afterSeq = last.seq;
    }
  } finally {
    socket.disconnect();
  }
}

/** Compares a conversation's stored messages with the shopper's sends. */
export function audit(history: readonly StoredMessage[], shopper: ShopperSends): AuditCounts {
  const counts: AuditCounts = { lost: 0, doubled: 0, outOfOrder: 0, owed: 0, handedOff: 0, stored: history.length };
  const seqsById = new Map<string, number[]>();
  for (const message of history) seqsById.set(message.clientMsgId, [...(seqsById.get(message.clientMsgId) ?? []), message.seq]);
  for (const seqs of seqsById.values()) counts.doubled += seqs.length - 1;

  let highestSeq = 0;
  for (const send of shopper.sends) {
    const seq = seqsById.get(send.clientMsgId)?.[0];
    if (seq === undefined) {
      if (send.isAcked) counts.lost += 1;
      continue;
    }
    if (seq < highestSeq) counts.outOfOrder += 1;
    highestSeq = Math.max(highestSeq, seq);
  }

  // After the bot hands over it stays quiet by design: only messages before that are owed.
  const handoff = history.find((message) => message.author.kind === 'bot' && HANDOFF_TEMPLATE.test(message.bot?.templateKey ?? ''));
  if (handoff) counts.handedOff = 1;
  const answered = new Set(history.filter((m) => m.author.kind === 'bot').map((m) => /^bot:(.+):\d+$/.exec(m.clientMsgId)?.[1]));
  for (const message of history) {
    if (message.author.kind !== 'visitor' || (handoff && message.seq > handoff.seq)) continue;
    if (!answered.has(message.id)) counts.owed += 1;
  }
  return counts;
}
