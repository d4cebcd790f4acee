import { hash, verify } from '@node-rs/argon2';
import { ParleyError } from '@parley/protocol';

/** argon2id with OWASP's second recommended setting (19 MiB, 2 passes): ~25 ms on these machines. */
const ARGON2_OPTIONS = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

const COMMON_PASSWORDS = new Set([
  'password1234', 'passwordpassword', '123456789012', 'qwertyuiopas', 'letmeinletmein', 'welcome12345',
  'iloveyou1234', 'administrator', 'changemechangeme', 'password123!', 'qwerty123456', '1q2w3e4r5t6y',
]);

/** Throws PARLEY_ERR_AGENT_PASSWORD_WEAK unless the password is 12+ characters, not common, not the email. */
export function assertStrongPassword(password: string, email?: string): void {
  const lowered = password.toLowerCase();
  const isWeak =
    [...password].length < 12 ||
    COMMON_PASSWORDS.has(lowered) ||
    new Set(lowered).size < 4 ||
    (email !== undefined && lowered.includes(email.toLowerCase().split('@')[0] ?? '\u0000') && lowered.length < 20);
  if (isWeak) throw new ParleyError('PARLEY_ERR_AGENT_PASSWORD_WEAK');
}

/** The argon2id PHC string of a password. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** Whether `password` matches a stored PHC string; false (never a throw) for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
