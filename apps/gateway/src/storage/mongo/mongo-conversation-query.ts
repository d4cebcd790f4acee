import type { Collection, Filter, Sort } from 'mongodb';
import { normaliseQuery } from '../conversation-fields.ts';
import type { ConversationQuery, ConversationRecord } from '../region-store.ts';
import { toConversation } from './mongo-conversation-doc.ts';
import type { ConversationDoc } from './mongo-docs.ts';
import { guard } from './mongo-support.ts';

/** Longest-waiting first, never-waited last (see `ConversationDoc.waitRank`), then most recently updated. */
const INBOX_SORT: Sort = { waitRank: -1, updatedAt: -1, _id: 1 };

/** Inbox queries in MongoDB: `find` with equality/`$in`/`$lt`/`$lte` filters and a plain sort, nothing less portable. */
export class MongoConversationQuery {
  readonly #conversations: Collection<ConversationDoc>;

  constructor(conversations: Collection<ConversationDoc>) {
    this.#conversations = conversations;
  }

  async list(query: ConversationQuery): Promise<ConversationRecord[]> {
    const filter = toFilter(query);
    const docs = await guard(() => this.#conversations.find(filter).sort(INBOX_SORT).limit(query.limit).toArray());
    return docs.map(toConversation);
  }

  async count(query: Omit<ConversationQuery, 'limit'>): Promise<number> {
    const filter = toFilter(query);
    return guard(() => this.#conversations.countDocuments(filter));
  }

  /** A visitor's or a verified user's conversations (either matches when both are given), newest first. */
  async listOf(subject: { visitorId?: string | undefined; userId?: string | undefined }, limit: number): Promise<ConversationRecord[]> {
    const either: Array<Filter<ConversationDoc>> = [];
    if (subject.visitorId !== undefined) either.push({ visitorId: subject.visitorId });
    if (subject.userId !== undefined) either.push({ userId: subject.userId });
    if (either.length === 0) return [];
    const filter = either.length === 1 ? either[0]! : { $or: either };
    const docs = await guard(() => this.#conversations.find(filter).sort({ createdAt: -1, _id: -1 }).limit(limit).toArray());
    return docs.map(toConversation);
  }
}

/**
 * Every given field narrows. A document without `status` (written before version 2 by an older
 * process) reads as `bot`, so asking for `bot` also matches a missing status (`null` does).
 */
function toFilter(input: Omit<ConversationQuery, 'limit'>): Filter<ConversationDoc> {
  const query = normaliseQuery(input);
  const filter: Record<string, unknown> = {};
  if (query.statuses !== undefined) {
    filter['status'] = { $in: query.statuses.includes('bot') ? [...query.statuses, null] : [...query.statuses] };
  }
  if (query.siteKeys !== undefined) filter['siteKey'] = { $in: [...query.siteKeys] };
  if (query.assigneeId !== undefined) filter['assigneeId'] = query.assigneeId;
  if (query.language !== undefined) filter['language'] = query.language;
  if (query.country !== undefined) filter['country'] = query.country;
  if (query.channel !== undefined) filter['channel'] = query.channel;
  if (query.slaDueBefore !== undefined) filter['slaDueAt'] = { $lt: new Date(query.slaDueBefore) };
  // A missing field never satisfies `$lte`, so conversations that were never snoozed stay out.
  if (query.snoozedUntilBefore !== undefined) filter['snoozedUntil'] = { $lte: new Date(query.snoozedUntilBefore) };
  return filter as Filter<ConversationDoc>;
}
