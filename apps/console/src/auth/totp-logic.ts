/** The digits of a one-time code: authenticator apps show six. */
export const TOTP_LENGTH = 6;

/**
 * What a code field keeps of what was typed or pasted: ASCII digits only, at most six. Full-width
 * digits (a Japanese or Chinese IME types "１２３") count as digits, and the spaces an app shows
 * in "123 456" are dropped, so a pasted code just works.
 */
export function normaliseCode(input: string): string {
  const ascii = input.replace(/[\uff10-\uff19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xff10 + 48));
  return ascii.replace(/\D/g, '').slice(0, TOTP_LENGTH);
}

/** True when the code has all six digits (the gateway rejects anything else unread). */
export function isCompleteCode(code: string): boolean {
  return new RegExp(`^\\d{${TOTP_LENGTH}}$`).test(code);
}

/**
 * The base32 secret in groups of four ("JBSW Y3DP …"), easier to copy by eye into an app.
 * Apps ignore the spaces.
 */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

/** A dark run of modules in one QR row: `width` modules from column `x`. */
export interface QrRun {
  x: number;
  y: number;
  width: number;
}

/**
 * The dark modules of a QR matrix as horizontal runs, one `<rect>` each: a 33×33 code draws
 * with a few hundred elements instead of one per module.
 */
export function qrRuns(matrix: ReadonlyArray<ReadonlyArray<boolean>>): QrRun[] {
  const runs: QrRun[] = [];
  matrix.forEach((row, y) => {
    let start = -1;
    for (let x = 0; x <= row.length; x++) {
      const isDark = x < row.length && row[x] === true;
      if (isDark && start === -1) start = x;
      if (!isDark && start !== -1) {
        runs.push({ x: start, y, width: x - start });
        start = -1;
      }
    }
  });
  return runs;
}
