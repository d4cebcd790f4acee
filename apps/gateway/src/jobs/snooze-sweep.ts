import { REGIONS } from '@parley/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { ConversationService } from '../features/conversations/conversation-service.ts';

const SWEEP_LIMIT = 100;
/** Pages per region per tick: a backlog beyond 1,000 finishes on the next ticks. */
const SWEEP_PAGES_MAX = 10;

/**
 * Wakes snoozed conversations whose time has come: they return to `open` and their assignee's
 * inbox. Runs every `intervalMs` in this process (with several gateways it moves behind the
 * cluster job lock so one instance runs it).
 */
export function startSnoozeSweep(options: { conversations: ConversationService; log: FastifyBaseLogger; intervalMs: number; now?: () => Date }): () => void {
  let isRunning = false;
  const sweep = async () => {
    if (isRunning) return;
    isRunning = true;
    try {
      const now = (options.now?.() ?? new Date()).toISOString();
      for (const region of REGIONS) {
        // Only the due ones, a page at a time: each woken conversation leaves the filter.
        for (let page = 0; page < SWEEP_PAGES_MAX; page += 1) {
          const due = await options.conversations.store(region).listConversations({ statuses: ['snoozed'], snoozedUntilBefore: now, limit: SWEEP_LIMIT });
          for (const conversation of due) await options.conversations.setStatus(region, conversation.id, 'open', undefined, 'system:snooze');
          if (due.length < SWEEP_LIMIT) break;
        }
      }
    } catch (error) {
      options.log.error({ err: error }, 'snooze sweep failed; retrying on the next tick');
    } finally {
      isRunning = false;
    }
  };
  const timer = setInterval(() => void sweep(), options.intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
