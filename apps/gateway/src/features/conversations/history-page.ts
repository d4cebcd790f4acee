import type { HistoryFetchAckData, Message } from '@parley/protocol';

/**
 * The first messages of `fetched` (one more than `limit` was asked of the store) that fit both
 * `limit` and `maxBytes` of UTF-8 JSON, and whether more follow. At least one message is always
 * returned (a single message is far below the bound), so a client paging by `seq` always moves on.
 */
export function pageWithinBytes(fetched: Message[], limit: number, maxBytes: number): HistoryFetchAckData {
  const messages: Message[] = [];
  let bytes = 2;
  for (const message of fetched.slice(0, limit)) {
    bytes += Buffer.byteLength(JSON.stringify(message)) + 1;
    if (messages.length > 0 && bytes > maxBytes) break;
    messages.push(message);
  }
  return { messages, hasMore: fetched.length > messages.length };
}
