import type { CannedReplyOption } from '@parley/protocol';
import type { SendOptions } from '../app/agent-api.ts';

/** One reply on its way: its text, the id that keeps retries one message, and the canned reply it is. */
export interface PendingReply {
  text: string;
  clientMsgId: string;
  canned?: CannedReplyOption | undefined;
}

/** How a retry goes out: past a colleague's reply (`force`), as written (`untranslated`), or plainly. */
export interface RetryFlags {
  force?: boolean | undefined;
  untranslated?: boolean | undefined;
}

/**
 * The send options for a reply. A canned reply goes by its key (the shopper gets the native
 * version) unless the agent chose to send it untranslated: then the text as they saw it goes.
 */
export function sendOptions(reply: PendingReply, flags: RetryFlags = {}): SendOptions {
  return {
    clientMsgId: reply.clientMsgId,
    ...(reply.canned && !flags.untranslated ? { cannedKey: reply.canned.key } : {}),
    ...(flags.force ? { force: true } : {}),
    ...(flags.untranslated ? { untranslated: true } : {}),
  };
}

/**
 * The reply a retry sends: the composer's text when the agent changed it since (a new message,
 * a new id, canned only if it still reads as the canned reply), else the refused reply as it was.
 * `keepId` keeps the refused id even for edited text: nothing was stored under it.
 */
export function retryReply(refused: PendingReply, current: string, newId: () => string, keepId = false): PendingReply {
  if (!current.trim() || current === refused.text) return refused;
  const canned = refused.canned && refused.canned.preview === current ? refused.canned : undefined;
  return { text: current, clientMsgId: keepId ? refused.clientMsgId : newId(), ...(canned ? { canned } : {}) };
}
