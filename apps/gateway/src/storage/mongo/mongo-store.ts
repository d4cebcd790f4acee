import { randomUUID } from 'node:crypto';
import { MongoError, MongoNetworkError, MongoServerSelectionError } from 'mongodb';
import type { Collection, Db, MongoClient } from 'mongodb';
import { ParleyError } from '@parley/protocol';
import type { LocaleSource, Message, Region } from '@parley/protocol';
import { SEQ_RETRY_LIMIT } from '../conversation-store.ts';
import type {
  AppendResult,
  BotStateRecord,
  ConversationRecord,
  ConversationStore,
  NewMessage,
  TicketRecord,
  VisitorIdentityRecord,
  VisitorRecord,
} from '../conversation-store.ts';
import { assertStorable } from '../storable.ts';

interface VisitorDoc {
  _id: string;
  siteKey: string;
  createdAt: Date;
  identity?: VisitorIdentityRecord;
}
interface ConversationDoc {
  _id: string;
  visitorId: string;
  siteKey: string;
  locale: string;
  localeSource?: LocaleSource;
  createdAt: Date;
  botState?: BotStateRecord;
}
interface TicketDoc {
  _id: string;
  conversationId: string;
  siteKey: string;
  email: string;
  locale: string;
  createdAt: Date;
}
interface MessageDoc {
  _id: string;
  conversationId: string;
  seq: number;
  clientMsgId: string;
  author: Message['author'];
  text: string;
  locale?: string;
  createdAt: Date;
  bot?: Message['bot'];
  quickReplies?: Message['quickReplies'];
}

const DUPLICATE_KEY = 11000;

/**
 * The production store: one MongoDB database per region, official driver, portable subset only
 * (unique indexes + retry on 11000 instead of transactions), so it runs on Atlas, FerretDB,
 * Cosmos DB and DocumentDB alike. The MongoClient belongs to the region router.
 */
export class MongoConversationStore implements ConversationStore {
  readonly region: Region;
  readonly #db: Db;
  readonly #visitors: Collection<VisitorDoc>;
  readonly #conversations: Collection<ConversationDoc>;
  readonly #messages: Collection<MessageDoc>;
  readonly #tickets: Collection<TicketDoc>;

  constructor(options: { client: MongoClient; dbName: string; region: Region }) {
    this.region = options.region;
    this.#db = options.client.db(options.dbName);
    this.#visitors = this.#db.collection('visitors');
    this.#conversations = this.#db.collection('conversations');
    this.#messages = this.#db.collection('messages');
    this.#tickets = this.#db.collection('tickets');
  }

  async init(): Promise<void> {
    await guard(async () => {
      await this.#messages.createIndex({ conversationId: 1, seq: 1 }, { unique: true, name: 'conversation_seq' });
      await this.#messages.createIndex(
        { conversationId: 1, clientMsgId: 1 },
        { unique: true, name: 'conversation_client_msg' },
      );
      await this.#conversations.createIndex({ visitorId: 1 }, { name: 'by_visitor' });
      await this.#tickets.createIndex({ conversationId: 1 }, { name: 'by_conversation' });
    });
  }

  async createVisitor(visitor: VisitorRecord): Promise<void> {
    assertStorable(visitor);
    await guard(() => this.#visitors.insertOne({ _id: visitor.id, siteKey: visitor.siteKey, createdAt: new Date(visitor.createdAt) }));
  }

  async getVisitor(visitorId: string): Promise<VisitorRecord | null> {
    const doc = await guard(() => this.#visitors.findOne({ _id: visitorId }));
    if (!doc) return null;
    const visitor: VisitorRecord = { id: doc._id, siteKey: doc.siteKey, createdAt: doc.createdAt.toISOString() };
    if (doc.identity) visitor.identity = withoutUndefinedFields(doc.identity);
    return visitor;
  }

  async setVisitorIdentity(visitorId: string, identity: VisitorIdentityRecord): Promise<void> {
    assertStorable(identity);
    await guard(() => this.#visitors.updateOne({ _id: visitorId }, { $set: { identity: withoutUndefinedFields(identity) } }));
  }

  async createConversation(conversation: ConversationRecord): Promise<void> {
    assertStorable(conversation);
    await guard(() =>
      this.#conversations.insertOne({
        _id: conversation.id,
        visitorId: conversation.visitorId,
        siteKey: conversation.siteKey,
        locale: conversation.locale,
        createdAt: new Date(conversation.createdAt),
      }),
    );
  }

  async getConversation(conversationId: string): Promise<ConversationRecord | null> {
    const doc = await guard(() => this.#conversations.findOne({ _id: conversationId }));
    if (!doc) return null;
    const conversation: ConversationRecord = { id: doc._id, visitorId: doc.visitorId, siteKey: doc.siteKey, locale: doc.locale, createdAt: doc.createdAt.toISOString() };
    if (doc.localeSource) conversation.localeSource = doc.localeSource;
    if (doc.botState) conversation.botState = doc.botState;
    return conversation;
  }

  async setConversationLocale(conversationId: string, locale: string, source: LocaleSource): Promise<void> {
    assertStorable({ locale, source });
    await guard(() => this.#conversations.updateOne({ _id: conversationId }, { $set: { locale, localeSource: source } }));
  }

  async setBotState(conversationId: string, state: BotStateRecord): Promise<void> {
    assertStorable(state);
    await guard(() => this.#conversations.updateOne({ _id: conversationId }, { $set: { botState: withoutUndefinedFields(state) } }));
  }

  async createTicket(ticket: TicketRecord): Promise<void> {
    assertStorable(ticket);
    const { id, createdAt, ...rest } = ticket;
    try {
      await guard(() => this.#tickets.insertOne({ _id: id, ...rest, createdAt: new Date(createdAt) }));
    } catch (error) {
      // The same ticket again (a retried message): already stored, nothing to do.
      if (!(error instanceof MongoError) || error.code !== DUPLICATE_KEY) throw error;
    }
  }

  async listTickets(conversationId: string): Promise<TicketRecord[]> {
    const docs = await guard(() => this.#tickets.find({ conversationId }).sort({ createdAt: 1, _id: 1 }).toArray());
    return docs.map(({ _id, createdAt, ...rest }) => ({ id: _id, ...rest, createdAt: createdAt.toISOString() }));
  }

  async appendMessage(input: NewMessage): Promise<AppendResult> {
    assertStorable(input);
    for (let attempt = 0; attempt < SEQ_RETRY_LIMIT; attempt += 1) {
      const doc: MessageDoc = {
        _id: `msg_${randomUUID()}`,
        conversationId: input.conversationId,
        seq: (await this.lastSeq(input.conversationId)) + 1,
        clientMsgId: input.clientMsgId,
        author: input.author,
        text: input.text,
        createdAt: new Date(),
        ...(input.locale ? { locale: input.locale } : {}),
        ...(input.bot ? { bot: input.bot } : {}),
        ...(input.quickReplies?.length ? { quickReplies: input.quickReplies } : {}),
      };
      try {
        await guard(() => this.#messages.insertOne(doc));
        return { message: toMessage(doc), isDuplicate: false };
      } catch (error) {
        if (!(error instanceof MongoError) || error.code !== DUPLICATE_KEY) throw error;
        // Either this clientMsgId was stored before (idempotent retry), or another writer took
        // this seq first. Servers differ in how they name the violated index, so ask the data.
        const existing = await guard(() =>
          this.#messages.findOne({ conversationId: input.conversationId, clientMsgId: input.clientMsgId }),
        );
        if (existing) return { message: toMessage(existing), isDuplicate: true };
        // Lost the seq race: step back a random moment so colliding writers spread out.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 * (attempt + 1))));
      }
    }
    throw new ParleyError('PARLEY_ERR_INTERNAL_ERROR', 'Could not assign a message sequence number.');
  }

  async listMessages(conversationId: string, options: { afterSeq: number; limit: number }): Promise<Message[]> {
    const docs = await guard(() =>
      this.#messages
        .find({ conversationId, seq: { $gt: options.afterSeq } })
        .sort({ seq: 1 })
        .limit(options.limit)
        .toArray(),
    );
    return docs.map(toMessage);
  }

  async lastSeq(conversationId: string): Promise<number> {
    const [last] = await guard(() =>
      this.#messages.find({ conversationId }).sort({ seq: -1 }).limit(1).project<{ seq: number }>({ seq: 1 }).toArray(),
    );
    return last?.seq ?? 0;
  }

  async ping(): Promise<void> {
    await guard(() => this.#db.command({ ping: 1 }));
  }

  async close(): Promise<void> {
    // The region router owns and closes the MongoClient, which may be shared by regions.
  }
}

/** Maps "cannot reach the server" to a retryable coded error; everything else passes through. */
async function guard<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof MongoNetworkError || error instanceof MongoServerSelectionError) {
      throw new ParleyError('PARLEY_ERR_STORE_UNAVAILABLE', undefined, { cause: error.message });
    }
    throw error;
  }
}

function toMessage(doc: MessageDoc): Message {
  const message: Message = {
    id: doc._id,
    conversationId: doc.conversationId,
    seq: doc.seq,
    clientMsgId: doc.clientMsgId,
    author: doc.author.name ? { kind: doc.author.kind, name: doc.author.name } : { kind: doc.author.kind },
    text: doc.text,
    createdAt: doc.createdAt.toISOString(),
  };
  if (doc.locale) message.locale = doc.locale;
  if (doc.bot) message.bot = { intent: doc.bot.intent, templateKey: doc.bot.templateKey };
  if (doc.quickReplies) message.quickReplies = doc.quickReplies.map(({ id, label }) => ({ id, label }));
  return message;
}

/** A copy without undefined fields (drivers would store them as null), nested objects too;
 * for plain records of strings and numbers only (a JSON round trip). */
function withoutUndefinedFields<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
