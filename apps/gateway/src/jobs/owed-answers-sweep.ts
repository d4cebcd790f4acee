import { REGIONS } from '@parley/protocol';
import type { FastifyBaseLogger } from 'fastify';
import type { BotRunner } from '../features/bot/bot-runner.ts';

/** Owed answers taken per page; a tick takes pages until a short one, at most SWEEP_PAGES_MAX. */
const SWEEP_LIMIT = 100;
const SWEEP_PAGES_MAX = 100;

/** What the owed-answers sweep needs. */
export interface OwedAnswersSweepOptions {
  bot: BotRunner;
  log: FastifyBaseLogger;
  /** How often to look again (the first look is at once). */
  intervalMs: number;
  /**
   * On the ticks after the first, only messages stored at least this long ago: younger ones are
   * still on their way through the live pipeline.
   */
  graceMs: number;
  /** When this gateway started (default: now). */
  startedAt?: Date | undefined;
}

/**
 * Answers shopper messages the bot still owes: at start (what a crash or a timed-out shutdown
 * left), then every `intervalMs` (a turn that failed, e.g. on a store outage). With several
 * gateways it needs the cluster job lock (issue 13): until then, an instance starting while
 * another is mid-turn on a message stored before the start may run that turn too; the reply
 * ids derived from the message keep the replies single, but the bot's memory may move twice.
 *
 * Returns `stop`, and `firstRun`, which resolves when the start-up pass is done (tests wait on it).
 */
export function startOwedAnswersSweep(options: OwedAnswersSweepOptions): { stop: () => void; firstRun: Promise<void> } {
  let isRunning = false;
  const sweep = async (storedBefore: Date | undefined) => {
    if (isRunning) return;
    isRunning = true;
    try {
      for (const region of REGIONS) {
        // Page by page until nothing is owed: after a crash the backlog is whatever the bot was
        // behind by, and 100 every 30 s would leave shoppers waiting for minutes.
        let answered = 0;
        for (let page = 0; page < SWEEP_PAGES_MAX; page += 1) {
          const taken = await options.bot.answerOwed(region, { storedBefore, limit: SWEEP_LIMIT });
          answered += taken;
          if (taken < SWEEP_LIMIT) break;
        }
        if (answered > 0) options.log.info({ region, answered }, 'answered shopper messages the bot still owed');
      }
    } catch (error) {
      options.log.error({ err: error }, 'owed-answers sweep failed; retrying on the next tick');
    } finally {
      isRunning = false;
    }
  };
  // Only what was stored before this process began: anything newer is this process's own live
  // pipeline, between its store and its event, and would otherwise be answered twice.
  const firstRun = sweep(options.startedAt ?? new Date());
  const timer = setInterval(() => void sweep(new Date(Date.now() - options.graceMs)), options.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), firstRun };
}
