import type { Db, MongoClient } from 'mongodb';
import type { LocaleSource, Message, Region } from '@parley/protocol';
import type {
  AppendResult,
  AuditRecord,
  AwaitingBotTurn,
  BotStateRecord,
  CachedTranslation,
  ConversationPatch,
  ConversationQuery,
  ConversationRecord,
  MessageTranslationsPatch,
  NewMessage,
  NoteRecord,
  RegionStore,
  TicketRecord,
  VisitorIdentityRecord,
  VisitorRecord,
} from '../region-store.ts';
import type { ConditionalUpdate } from '../conversation-fields.ts';
import { MongoAssigneeClaims } from './mongo-assignee-claims.ts';
import { MongoAudit } from './mongo-audit.ts';
import { MongoBotTurns } from './mongo-bot-turns.ts';
import { MongoConversationQuery } from './mongo-conversation-query.ts';
import { MongoConversations } from './mongo-conversations.ts';
import { regionCollections } from './mongo-docs.ts';
import type { RegionCollections } from './mongo-docs.ts';
import { MongoMessages } from './mongo-messages.ts';
import { migrateMongo } from './mongo-migrations.ts';
import { MongoNotes } from './mongo-notes.ts';
import { MongoTickets } from './mongo-tickets.ts';
import { MongoTranslations } from './mongo-translations.ts';
import { MongoVisitors } from './mongo-visitors.ts';
import { DocumentWriteQueue, guard } from './mongo-support.ts';

/**
 * The production region store: one MongoDB database per region, official driver, portable
 * subset only (unique indexes + retry on 11000 instead of transactions), so it runs on Atlas,
 * FerretDB, Cosmos DB and DocumentDB alike. `init()` runs the numbered migrations recorded in
 * `schema_meta`. The MongoClient belongs to the region router.
 */
export class MongoRegionStore implements RegionStore {
  readonly region: Region;
  readonly #db: Db;
  readonly #collections: RegionCollections;
  readonly #visitors: MongoVisitors;
  readonly #conversations: MongoConversations;
  readonly #claims: MongoAssigneeClaims;
  readonly #query: MongoConversationQuery;
  readonly #messages: MongoMessages;
  readonly #botTurns: MongoBotTurns;
  readonly #tickets: MongoTickets;
  readonly #notes: MongoNotes;
  readonly #audit: MongoAudit;
  readonly #translations: MongoTranslations;

  /** `seqCacheCapacity`: conversations whose last seq is kept in memory (default 5,000; 0 for none). */
  constructor(options: { client: MongoClient; dbName: string; region: Region; seqCacheCapacity?: number }) {
    this.region = options.region;
    this.#db = options.client.db(options.dbName);
    const collections = regionCollections(this.#db);
    this.#collections = collections;
    this.#visitors = new MongoVisitors(collections.visitors);
    // Every write to a conversation document, whichever part makes it, goes through one queue.
    const writes = new DocumentWriteQueue();
    this.#conversations = new MongoConversations(collections.conversations, writes);
    this.#claims = new MongoAssigneeClaims(collections.conversations, collections.claims, writes);
    this.#query = new MongoConversationQuery(collections.conversations);
    this.#botTurns = new MongoBotTurns(collections.botTurns, collections.messages);
    this.#messages = new MongoMessages(collections.messages, collections.conversations, writes, { seqCacheCapacity: options.seqCacheCapacity, botTurns: this.#botTurns });
    this.#tickets = new MongoTickets(collections.tickets);
    this.#notes = new MongoNotes(collections.notes);
    this.#audit = new MongoAudit(collections.audit);
    this.#translations = new MongoTranslations(collections.messages, collections.translationCache);
  }

  async init(): Promise<void> {
    await migrateMongo(this.#collections);
  }

  async ping(): Promise<void> {
    await guard(() => this.#db.command({ ping: 1 }));
  }

  async close(): Promise<void> {
    // The region router owns and closes the MongoClient, which may be shared by regions.
  }

  createVisitor(visitor: VisitorRecord): Promise<void> {
    return this.#visitors.create(visitor);
  }

  getVisitor(visitorId: string): Promise<VisitorRecord | null> {
    return this.#visitors.get(visitorId);
  }

  setVisitorIdentity(visitorId: string, identity: VisitorIdentityRecord): Promise<void> {
    return this.#visitors.setIdentity(visitorId, identity);
  }

  createConversation(conversation: ConversationRecord): Promise<void> {
    return this.#conversations.create(conversation);
  }

  getConversation(conversationId: string): Promise<ConversationRecord | null> {
    return this.#conversations.get(conversationId);
  }

  setConversationLocale(conversationId: string, locale: string, source: LocaleSource): Promise<void> {
    return this.#conversations.setLocale(conversationId, locale, source);
  }

  setBotState(conversationId: string, state: BotStateRecord): Promise<void> {
    return this.#conversations.setBotState(conversationId, state);
  }

  updateConversation(conversationId: string, patch: ConversationPatch): Promise<ConversationRecord | null> {
    return this.#conversations.update(conversationId, patch);
  }

  updateConversationIf(conversationId: string, expected: { assigneeId: string | null }, patch: ConversationPatch): Promise<ConditionalUpdate> {
    return this.#claims.updateIf(conversationId, expected, patch);
  }

  listConversations(query: ConversationQuery): Promise<ConversationRecord[]> {
    return this.#query.list(query);
  }

  countConversations(query: Omit<ConversationQuery, 'limit'>): Promise<number> {
    return this.#query.count(query);
  }

  listConversationsOf(subject: { visitorId?: string | undefined; userId?: string | undefined }, limit: number): Promise<ConversationRecord[]> {
    return this.#query.listOf(subject, limit);
  }

  appendMessage(message: NewMessage): Promise<AppendResult> {
    return this.#messages.append(message);
  }

  listMessages(conversationId: string, options: { afterSeq: number; limit: number }): Promise<Message[]> {
    return this.#messages.list(conversationId, options);
  }

  getMessage(conversationId: string, messageId: string): Promise<Message | null> {
    return this.#messages.get(conversationId, messageId);
  }

  getMessageByClientId(conversationId: string, clientMsgId: string): Promise<Message | null> {
    return this.#messages.byClientId(conversationId, clientMsgId);
  }

  lastSeq(conversationId: string): Promise<number> {
    return this.#messages.lastSeq(conversationId);
  }

  listAwaitingBot(options: { limit: number; storedBefore?: Date | undefined }): Promise<AwaitingBotTurn[]> {
    return this.#botTurns.list(options);
  }

  settleBotTurn(conversationId: string, messageId: string): Promise<void> {
    return this.#botTurns.settle(conversationId, messageId);
  }

  createTicket(ticket: TicketRecord): Promise<void> {
    return this.#tickets.create(ticket);
  }

  listTickets(conversationId: string): Promise<TicketRecord[]> {
    return this.#tickets.list(conversationId);
  }

  addNote(note: NoteRecord): Promise<{ note: NoteRecord; isDuplicate: boolean }> {
    return this.#notes.add(note);
  }

  listNotes(conversationId: string): Promise<NoteRecord[]> {
    return this.#notes.list(conversationId);
  }

  appendAudit(entry: AuditRecord): Promise<void> {
    return this.#audit.append(entry);
  }

  listAudit(conversationId: string): Promise<AuditRecord[]> {
    return this.#audit.list(conversationId);
  }

  addMessageTranslations(conversationId: string, messageId: string, patch: MessageTranslationsPatch): Promise<Message | null> {
    return this.#translations.addToMessage(conversationId, messageId, patch);
  }

  getCachedTranslation(key: string): Promise<CachedTranslation | null> {
    return this.#translations.getCached(key);
  }

  putCachedTranslation(entry: CachedTranslation): Promise<void> {
    return this.#translations.putCached(entry);
  }
}
