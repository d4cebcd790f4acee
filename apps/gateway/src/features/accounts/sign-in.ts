import type { FastifyReply } from 'fastify';
import { ParleyError } from '@parley/protocol';
import type { AgentLoginRequest } from '@parley/protocol';
import type { AgentRecord, SessionRecord } from '../../storage/directory/directory-store.ts';
import { randomSecret, SESSION_ABSOLUTE_MS, sha256Hex } from './account-secrets.ts';
import { throwLocked } from './account-context.ts';
import type { AccountContext } from './account-context.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

/** A new session and the cookie token that names it (only its hash is stored). */
export interface SignedIn {
  agent: AgentRecord;
  session: SessionRecord;
  token: string;
}

let dummyHash: Promise<string> | undefined;

/**
 * A real argon2id hash of a random password, verified when the email is unknown so that a
 * wrong email costs the same time as a wrong password and timing does not tell them apart.
 */
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomSecret());
  return dummyHash;
}

/**
 * Checks email, password and (when on) the TOTP code, under the account and IP lockouts, and
 * opens a session. Wrong email and wrong password give the same PARLEY_ERR_AUTH_CREDENTIALS_INVALID;
 * a disabled account is only told so once its password was right.
 */
export async function signIn(context: AccountContext, body: AgentLoginRequest, ip: string, reply: FastifyReply): Promise<SignedIn> {
  const email = body.email.trim().toLowerCase();
  const lockedForMs = await context.lockout.begin(email, ip);
  if (lockedForMs !== null) {
    reply.log.warn('sign-in refused: too many failures for this account or address');
    throwLocked(reply, lockedForMs);
  }
  const agent = await context.directory.getAgentByEmail(email);
  const isPasswordRight = await verifyPassword(agent?.passwordHash ?? (await dummyPasswordHash()), body.password);
  // The attempt `begin` took stays counted as a failure unless given back below.
  if (!agent || !isPasswordRight) throw new ParleyError('PARLEY_ERR_AUTH_CREDENTIALS_INVALID');
  if (agent.isDisabled) {
    await context.lockout.forgive(email, ip);
    throw new ParleyError('PARLEY_ERR_AUTH_ACCOUNT_DISABLED');
  }
  if (agent.totpSecret) {
    // A missing code is the first step of a normal two-step sign-in, so it is not a failure.
    if (body.totp === undefined) {
      await context.lockout.forgive(email, ip);
      throw new ParleyError('PARLEY_ERR_AUTH_TOTP_REQUIRED');
    }
    if (!context.totp.verify(agent.id, agent.totpSecret, body.totp)) throw new ParleyError('PARLEY_ERR_AUTH_TOTP_INVALID');
  }
  await context.lockout.recordSuccess(email, ip);
  return { agent, ...(await openSession(context, agent.id)) };
}

async function openSession(context: AccountContext, agentId: string): Promise<{ session: SessionRecord; token: string }> {
  const token = randomSecret();
  const at = context.now();
  const session: SessionRecord = {
    id: sha256Hex(token),
    agentId,
    csrfToken: randomSecret(),
    createdAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
    lastSeenAt: at.toISOString(),
  };
  await context.directory.createSession(session);
  return { session, token };
}
