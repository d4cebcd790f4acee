/** A logged-in shopper's identity, verified by the gateway before it is stored. */
export interface VisitorIdentityRecord {
  userId: string;
  name?: string | undefined;
  email?: string | undefined;
}

/** A shopper known to one site, in one region. */
export interface VisitorRecord {
  id: string;
  siteKey: string;
  createdAt: string;
  identity?: VisitorIdentityRecord | undefined;
}

/** The visitors of one region. */
export interface VisitorPort {
  createVisitor(visitor: VisitorRecord): Promise<void>;
  getVisitor(visitorId: string): Promise<VisitorRecord | null>;
  /** Attaches (or replaces) a verified identity on a visitor. */
  setVisitorIdentity(visitorId: string, identity: VisitorIdentityRecord): Promise<void>;
}
