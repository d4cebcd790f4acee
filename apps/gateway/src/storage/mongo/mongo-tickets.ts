import type { Collection } from 'mongodb';
import type { TicketRecord } from '../region-store.ts';
import { assertStorable } from '../storable.ts';
import type { TicketDoc } from './mongo-docs.ts';
import { guard, isDuplicateKey } from './mongo-support.ts';

/** Offline tickets in MongoDB; the id (`_id`) is the idempotency key. */
export class MongoTickets {
  readonly #tickets: Collection<TicketDoc>;

  constructor(tickets: Collection<TicketDoc>) {
    this.#tickets = tickets;
  }

  async create(ticket: TicketRecord): Promise<void> {
    assertStorable(ticket);
    const { id, createdAt, ...rest } = ticket;
    try {
      await guard(() => this.#tickets.insertOne({ _id: id, ...rest, createdAt: new Date(createdAt) }));
    } catch (error) {
      // The same ticket again (a retried message): already stored, nothing to do.
      if (!isDuplicateKey(error)) throw error;
    }
  }

  async list(conversationId: string): Promise<TicketRecord[]> {
    const docs = await guard(() => this.#tickets.find({ conversationId }).sort({ createdAt: 1, _id: 1 }).toArray());
    return docs.map(({ _id, createdAt, ...rest }) => ({ id: _id, ...rest, createdAt: createdAt.toISOString() }));
  }
}
