import { REGIONS } from '@parley/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { ConversationService } from '../features/conversations/conversation-service.ts';

const SWEEP_LIMIT = 100;

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
        const snoozed = await options.conversations.store(region).listConversations({ statuses: ['snoozed'], limit: SWEEP_LIMIT });
        for (const conversation of snoozed) {
          if (conversation.snoozedUntil && conversation.snoozedUntil <= now) await options.conversations.setStatus(region, conversation.id, 'open', undefined, 'system:snooze');
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
