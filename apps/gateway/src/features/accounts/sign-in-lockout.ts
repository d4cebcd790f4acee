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

  /** Milliseconds until the account or IP may try again, or null when neither is locked. */
  async retryAfterMs(email: string, ip: string): Promise<number | null> {
    const [account, address] = await Promise.all([this.#accounts.get(accountKey(email)), this.#ips.get(ip)]);
    let wait = 0;
    if (account && account.consumedPoints >= ACCOUNT_FAILURES_MAX) wait = Math.max(wait, account.msBeforeNext);
    if (address && address.consumedPoints >= IP_FAILURES_MAX) wait = Math.max(wait, address.msBeforeNext);
    return wait > 0 ? wait : null;
  }

  /** Counts one failure against both the account and the IP address. */
  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([this.#accounts.penalty(accountKey(email)), this.#ips.penalty(ip)]);
  }

  /** A successful sign-in forgives the account's failures (not the IP's: sprayers succeed too). */
  async recordSuccess(email: string): Promise<void> {
    await this.#accounts.delete(accountKey(email));
  }
}

function accountKey(email: string): string {
  return email.trim().toLowerCase();
}
