import { randomBytes } from 'node:crypto';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP, verifyHOTP } from '@oslojs/otp';

/** RFC 6238 as every authenticator app understands it: SHA-1, 30-second steps, 6 digits. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Codes one step early or late still pass: phone clocks drift and people type slowly. */
const TOTP_WINDOW_STEPS = 1;
const TOTP_ISSUER = 'Parley';

/** A new TOTP secret: 160 random bits (RFC 4226's recommendation) in unpadded base32. */
export function newTotpSecret(): string {
  return encodeBase32UpperCaseNoPadding(randomBytes(20));
}

/** The `otpauth://totp/…` URI an authenticator app reads (usually from a QR code). */
export function totpUri(secret: string, accountName: string): string {
  return createTOTPKeyURI(TOTP_ISSUER, accountName, decodeBase32IgnorePadding(secret), TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

function counterAt(at: Date): bigint {
  return BigInt(Math.floor(at.getTime() / (TOTP_PERIOD_SECONDS * 1000)));
}

/** The code an authenticator app shows at `at` (tests use it; the server only verifies). */
export function totpCodeAt(secret: string, at: Date): string {
  return generateHOTP(decodeBase32IgnorePadding(secret), counterAt(at), TOTP_DIGITS);
}

/**
 * Verifies TOTP codes on an injectable clock and refuses a code already accepted for the same
 * agent (RFC 6238 §5.2): a code seen over someone's shoulder cannot be used a second time.
 * The memory of used steps is per process, which is what the in-memory lockout is too.
 */
export class TotpVerifier {
  readonly #now: () => Date;
  readonly #lastStep = new Map<string, bigint>();

  constructor(now: () => Date) {
    this.#now = now;
  }

  /** Whether `code` is valid now for `secret`; a valid code is used up for `agentId`. */
  verify(agentId: string, secret: string, code: string): boolean {
    const key = decodeBase32IgnorePadding(secret);
    const current = counterAt(this.#now());
    const lastUsed = this.#lastStep.get(agentId) ?? -1n;
    for (let step = current - BigInt(TOTP_WINDOW_STEPS); step <= current + BigInt(TOTP_WINDOW_STEPS); step++) {
      if (step > lastUsed && verifyHOTP(key, step, TOTP_DIGITS, code)) {
        this.#lastStep.set(agentId, step);
        return true;
      }
    }
    return false;
  }
}
