import type { Collection } from 'mongodb';
import { ParleyError } from '@parley/protocol';
import { expectedAssignee, updateChanges } from '../conversation-fields.ts';
import type { ConditionalUpdate } from '../conversation-fields.ts';
import type { ConversationPatch } from '../region-store.ts';
import { toConversation, toDocUpdate } from './mongo-conversation-doc.ts';
import type { AssigneeClaimDoc, ConversationDoc } from './mongo-docs.ts';
import { guard, isDuplicateKey } from './mongo-support.ts';
import type { DocumentWriteQueue } from './mongo-support.ts';

/** Each attempt either answers or loses to a caller that made progress; 35 racing callers need far fewer. */
const CLAIM_RETRY_LIMIT = 60;
/** How long a caller waits for a claim's winner to apply it before applying it itself. */
const ROLL_FORWARD_AFTER_MS = 2000;
const SETTLE_POLL_MS = 10;

/**
 * Compare-and-set on a conversation's assignee, atomic on every MongoDB-wire server.
 *
 * Why not one `updateOne({ _id, assigneeId: expected })`: that is atomic on MongoDB itself, but
 * FerretDB 1.x runs an update as "find the matching documents, then rewrite each by `_id`" with
 * nothing held in between, so of 35 racing claims several match and all of them "win". What
 * every server does make atomic is a unique `_id`. So a claim is decided by inserting revision
 * `claimRev + 1` of the conversation into `conversation_claims`: the first insert wins, every
 * other fails with 11000. The winner then applies the change and bumps `claimRev`; the filter on
 * `claimRev` keeps a late or repeated apply from undoing a newer one. A caller that finds a
 * claim decided but not yet applied waits for it, and applies it itself once it is older than
 * `ROLL_FORWARD_AFTER_MS` (its winner stopped halfway), so no conversation is left stuck.
 *
 * Only compare-and-set calls go through the ledger: a plain `updateConversation` of the
 * assignee is a last-writer-wins write, as it is in SQLite.
 */
export class MongoAssigneeClaims {
  readonly #conversations: Collection<ConversationDoc>;
  readonly #claims: Collection<AssigneeClaimDoc>;
  readonly #writes: DocumentWriteQueue;

  constructor(conversations: Collection<ConversationDoc>, claims: Collection<AssigneeClaimDoc>, writes: DocumentWriteQueue) {
    this.#conversations = conversations;
    this.#claims = claims;
    this.#writes = writes;
  }

  /** Applies `patch` only while the stored assignee is `expected.assigneeId` (missing reads as null). */
  async updateIf(conversationId: string, expected: { assigneeId: string | null }, patch: ConversationPatch): Promise<ConditionalUpdate> {
    const assigneeId = expectedAssignee(expected);
    const { $set, $unset } = toDocUpdate(updateChanges(patch));
    for (let attempt = 0; attempt < CLAIM_RETRY_LIMIT; attempt += 1) {
      const doc = await guard(() => this.#conversations.findOne({ _id: conversationId }));
      if (!doc) return { ok: false, conversation: null };
      const rev = (doc.claimRev ?? 0) + 1;
      const pending = await guard(() => this.#claims.findOne({ _id: claimId(conversationId, rev) }));
      if (pending) {
        // Decided but not applied yet: the record is about to change; compare against the result.
        await this.#settle(pending);
        continue;
      }
      const current = toConversation(doc);
      if ((current.assigneeId ?? null) !== assigneeId) return { ok: false, conversation: current };
      const claim: AssigneeClaimDoc = {
        _id: claimId(conversationId, rev),
        conversationId,
        rev,
        set: $set,
        unset: Object.keys($unset ?? {}),
        at: new Date(),
      };
      try {
        await guard(() => this.#claims.insertOne(claim));
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        continue; // Another caller decided this revision first; look at what it decided.
      }
      await this.#apply(claim);
      const after = await guard(() => this.#conversations.findOne({ _id: conversationId }));
      return after ? { ok: true, conversation: toConversation(after) } : { ok: false, conversation: null };
    }
    throw new ParleyError('PARLEY_ERR_INTERNAL_ERROR', 'Could not settle a claim on the conversation.');
  }

  /** Waits until `claim` is applied (or the conversation is gone); applies it when its winner seems gone. */
  async #settle(claim: AssigneeClaimDoc): Promise<void> {
    // The lesser deadline, so a winner's clock running ahead cannot make this wait longer.
    const deadline = Math.min(claim.at.getTime(), Date.now()) + ROLL_FORWARD_AFTER_MS;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_POLL_MS));
      const doc = await guard(() => this.#conversations.findOne({ _id: claim.conversationId }, { projection: { claimRev: 1 } }));
      if (!doc || (doc.claimRev ?? 0) >= claim.rev) return;
    }
    await this.#apply(claim);
  }

  /** Applies a decided claim unless a revision as new or newer is applied already; idempotent. */
  async #apply(claim: AssigneeClaimDoc): Promise<void> {
    const unset = Object.fromEntries(claim.unset.map((field) => [field, '' as const]));
    await this.#writes.run(claim.conversationId, () =>
      guard(() =>
        this.#conversations.updateOne(
          { _id: claim.conversationId, $or: [{ claimRev: { $exists: false } }, { claimRev: { $lt: claim.rev } }] },
          claim.unset.length > 0 ? { $set: { ...claim.set, claimRev: claim.rev }, $unset: unset } : { $set: { ...claim.set, claimRev: claim.rev } },
        ),
      ),
    );
  }
}

/** A claim's `_id`: the revision is the part after the last colon, so ids with colons stay unambiguous. */
function claimId(conversationId: string, rev: number): string {
  return `${conversationId}:${rev}`;
}
