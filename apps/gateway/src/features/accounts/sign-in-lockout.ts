import { RateLimiterMemory } from 'rate-limiter-flexible';

/** Failed sign-ins one account may have in the window before it is locked. */
export const ACCOUNT_FAILURES_MAX = 5;
/** Failed sign-ins one IP address may have in the window (across accounts: password spraying). */
export const IP_FAILURES_MAX = 20;
/** The window, and so the longest lock: 15 minutes from the first failure counted. */
export const LOCKOUT_WINDOW_SECONDS = 15 * 60;

/**
 * Counts failed sign-ins per account (lower-cased email, known or not, so a lock says nothing
 * about whether the account exists) and per IP address. In memory: one gateway process; a
 * restart forgives, which is acceptable for a 15-minute window.
 */
export class SignInLockout {
  readonly #accounts = new RateLimiterMemory({ keyPrefix: 'sign-in-account', points: ACCOUNT_FAILURES_MAX, duration: LOCKOUT_WINDOW_SECONDS });
  readonly #ips = new RateLimiterMemory({ keyPrefix: 'sign-in-ip', points: IP_FAILURES_MAX, duration: LOCKOUT_WINDOW_SECONDS });

  /**
   * Takes one attempt from both the account and the IP budget before the password is checked,
   * atomically, so a burst of simultaneous guesses cannot all pass the check while the slow
   * argon2 verifications run. Answers the milliseconds to wait when either budget is spent
   * (nothing is taken then), or null. A right password gives the attempt back (`recordSuccess`),
   * and so does an attempt that was no failure (`forgive`).
   */
  async begin(email: string, ip: string): Promise<number | null> {
    const locked = await this.retryAfterMs(email, ip);
    if (locked !== null) return locked;
    const taken: Array<() => Promise<unknown>> = [];
    try {
      await this.#accounts.consume(accountKey(email));
      taken.push(() => this.#accounts.reward(accountKey(email)));
      await this.#ips.consume(ip);
      return null;
    } catch (rejection) {
      for (const giveBack of taken) await giveBack();
      const wait = (rejection as { msBeforeNext?: number }).msBeforeNext;
      if (typeof wait === 'number') return Math.max(1, wait);
      throw rejection;
    }
  }

  /** The attempt taken by `begin` was not a failure (the code was simply still to come). */
  async forgive(email: string, ip: string): Promise<void> {
    await Promise.all([this.#accounts.reward(accountKey(email)), this.#ips.reward(ip)]);
  }

  /** Milliseconds until the account or IP may try again, or null when neither is locked. */
  async retryAfterMs(email: string, ip: string): Promise<number | null> {
    const [account, address] = await Promise.all([this.#accounts.get(accountKey(email)), this.#ips.get(ip)]);
    let wait = 0;
    if (account && account.consumedPoints >= ACCOUNT_FAILURES_MAX) wait = Math.max(wait, account.msBeforeNext);
    if (address && address.consumedPoints >= IP_FAILURES_MAX) wait = Math.max(wait, address.msBeforeNext);
    return wait > 0 ? wait : null;
  }

  /** Counts one failure against both the account and the IP address (outside a sign-in, e.g. turning 2FA off). */
  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([this.#accounts.penalty(accountKey(email)), this.#ips.penalty(ip)]);
  }

  /**
   * A successful sign-in forgives the account's failures and gives back the IP's attempt taken
   * by `begin` (the IP's earlier failures stay: sprayers succeed now and then too).
   */
  async recordSuccess(email: string, ip: string): Promise<void> {
    await Promise.all([this.#accounts.delete(accountKey(email)), this.#ips.reward(ip)]);
  }
}

function accountKey(email: string): string {
  return email.trim().toLowerCase();
}
