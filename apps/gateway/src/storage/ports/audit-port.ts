/** What was done. Opening a conversation is audited as much as changing it. */
export type AuditAction = 'conversation.open' | 'pii.reveal' | 'conversation.assign' | 'conversation.status' | 'note.add' | 'message.agent' | 'conversation.translation';

/** One audit entry, in the conversation's region. Holds ids and reasons, never message text. */
export interface AuditRecord {
  id: string;
  conversationId: string;
  /** The agent (or `system` for routing) who acted. */
  actorId: string;
  action: AuditAction;
  /** Small structured facts: `{ from, to }`, `{ reason, messageId, index }`. No personal data. */
  details?: Record<string, string | number | boolean | null> | undefined;
  at: string;
}

/** The audit trail of one region: append-only. */
export interface AuditPort {
  appendAudit(entry: AuditRecord): Promise<void>;
  /** A conversation's entries, oldest first. */
  listAudit(conversationId: string): Promise<AuditRecord[]>;
}
