/** A request for a person to write back, left by a shopper outside business hours. */
export interface TicketRecord {
  /** Derived from the message that carried the email, so a retried message opens one ticket. */
  id: string;
  conversationId: string;
  siteKey: string;
  email: string;
  locale: string;
  createdAt: string;
}

/** The offline tickets of one region. */
export interface TicketPort {
  /** Stores a ticket; a second call with the same id stores nothing new. */
  createTicket(ticket: TicketRecord): Promise<void>;
  /** The tickets opened from one conversation, oldest first. */
  listTickets(conversationId: string): Promise<TicketRecord[]>;
}
