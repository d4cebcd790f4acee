import type { PresenceStatus } from '@parley/protocol';

/** One agent's presence as the tracker keeps it. */
interface PresenceEntry {
  chosen: 'online' | 'away';
  sockets: number;
  status: PresenceStatus;
  offlineTimer?: ReturnType<typeof setTimeout> | undefined;
}

/** Options for {@link PresenceTracker}. */
export interface PresenceOptions {
  /** How long an agent whose last console closed shows as away before going offline. */
  offlineAfterMs: number;
  /** Called on every change, after it is applied. */
  onChange: (agentId: string, status: PresenceStatus, previous: PresenceStatus) => void;
}

/**
 * Online / away / offline per agent, in this process. An agent is online while a console is
 * open and they have not chosen away; when the last console disconnects they show away (a
 * reload or a train tunnel is not leaving) and go offline after `offlineAfterMs`. With several
 * gateways this moves behind the cluster port (Redis), like the Socket.IO adapter.
 */
export class PresenceTracker {
  readonly #entries = new Map<string, PresenceEntry>();
  readonly #options: PresenceOptions;

  constructor(options: PresenceOptions) {
    this.#options = options;
  }

  /** The agent's presence now. */
  statusOf(agentId: string): PresenceStatus {
    return this.#entries.get(agentId)?.status ?? 'offline';
  }

  /** Agents currently online. */
  online(): string[] {
    return [...this.#entries].filter(([, entry]) => entry.status === 'online').map(([id]) => id);
  }

  /** A console connected. */
  connected(agentId: string): void {
    const entry = this.#entries.get(agentId) ?? { chosen: 'online', sockets: 0, status: 'offline' };
    clearTimeout(entry.offlineTimer);
    entry.offlineTimer = undefined;
    entry.sockets += 1;
    this.#entries.set(agentId, entry);
    this.#apply(agentId, entry, entry.chosen);
  }

  /** A console disconnected; the last one makes the agent away, then offline. */
  disconnected(agentId: string): void {
    const entry = this.#entries.get(agentId);
    if (!entry) return;
    entry.sockets = Math.max(0, entry.sockets - 1);
    if (entry.sockets > 0) return;
    this.#apply(agentId, entry, 'away');
    entry.offlineTimer = setTimeout(() => this.#apply(agentId, entry, 'offline'), this.#options.offlineAfterMs);
    entry.offlineTimer.unref?.();
  }

  /** The agent chose online or away in the console. */
  choose(agentId: string, status: 'online' | 'away'): void {
    const entry = this.#entries.get(agentId);
    if (!entry) return;
    entry.chosen = status;
    if (entry.sockets > 0) this.#apply(agentId, entry, status);
  }

  /** Stops every pending timer (gateway shutdown). */
  close(): void {
    for (const entry of this.#entries.values()) clearTimeout(entry.offlineTimer);
  }

  #apply(agentId: string, entry: PresenceEntry, status: PresenceStatus): void {
    const previous = entry.status;
    if (previous === status) return;
    entry.status = status;
    this.#options.onChange(agentId, status, previous);
  }
}
