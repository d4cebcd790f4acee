/** The part of socket.io-client's Manager the hold switches: its own automatic reconnection. */
interface ReconnectingManager {
  reconnection(isOn: boolean): unknown;
}

/** The longest wait a `session:closed` may ask for; a larger (or broken) value is capped here. */
const MAX_HOLD_MS = 15 * 60_000;

/** `details.retryAfterMs` of a `session:closed` error, when it is a usable number of ms. */
export function retryAfterMsOf(details: unknown): number | undefined {
  const value = (details as { retryAfterMs?: unknown } | null | undefined)?.retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.min(value, MAX_HOLD_MS) : undefined;
}

/** What `createReconnectHold` returns; see there. */
export interface ReconnectHold {
  /** True from `begin` until the reconnect it schedules has been made (or `cancel`). */
  readonly isHolding: boolean;
  /** The gateway said it is closing this connection: no reconnect for `waitMs` after now. */
  begin(waitMs: number): void;
  /**
   * The connection dropped: when a hold is on, schedules the one reconnect at its end and
   * returns true; returns false (nothing scheduled) otherwise.
   */
  schedule(): boolean;
  /** Drops the hold without reconnecting (the application disconnected the client). */
  cancel(): void;
}

/**
 * Keeps a client away from a gateway that closed its session on purpose, for as long as the
 * gateway asked. socket.io-client alone would come back at once after a transport close (its
 * backoff starts at 500 ms) and never after an "io server disconnect", so the hold switches the
 * Manager's reconnection off while it lasts and reconnects itself when it is over. (A closure,
 * not a class: the widget's ES2020 build turns every private field into a WeakMap.)
 */
export function createReconnectHold(manager: ReconnectingManager, reconnect: () => void): ReconnectHold {
  let until: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    clearTimeout(timer);
    until = undefined;
    manager.reconnection(true);
  };
  return {
    get isHolding() {
      return until !== undefined;
    },
    begin(waitMs) {
      until = Date.now() + waitMs;
      manager.reconnection(false);
    },
    schedule() {
      if (until === undefined) return false;
      clearTimeout(timer);
      timer = setTimeout(() => {
        cancel();
        reconnect();
      }, Math.max(0, until - Date.now()));
      return true;
    },
    cancel,
  };
}
