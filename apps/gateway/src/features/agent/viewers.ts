import type { Viewer } from '@parley/protocol';

/**
 * Who has each conversation open, per socket, and who is typing: the console shows "Ana is
 * also viewing" and warns before two people answer at once (Chatwoot lacks this, #11062).
 */
export class ViewerRegistry {
  readonly #bySocket = new Map<string, { conversationId: string; agentId: string; name: string; isTyping: boolean }[]>();

  /** A socket opened a conversation. */
  add(socketId: string, conversationId: string, agentId: string, name: string): void {
    const list = this.#bySocket.get(socketId) ?? [];
    if (!list.some((entry) => entry.conversationId === conversationId)) list.push({ conversationId, agentId, name, isTyping: false });
    this.#bySocket.set(socketId, list);
  }

  /** A socket left a conversation; returns whether it was viewing it. */
  remove(socketId: string, conversationId: string): boolean {
    const list = this.#bySocket.get(socketId) ?? [];
    const next = list.filter((entry) => entry.conversationId !== conversationId);
    this.#bySocket.set(socketId, next);
    return next.length !== list.length;
  }

  /** A socket disconnected; returns the conversations it was viewing. */
  drop(socketId: string): string[] {
    const list = this.#bySocket.get(socketId) ?? [];
    this.#bySocket.delete(socketId);
    return list.map((entry) => entry.conversationId);
  }

  /** Marks typing for a socket's view; returns whether anything changed. */
  setTyping(socketId: string, conversationId: string, isTyping: boolean): boolean {
    const entry = this.#bySocket.get(socketId)?.find((candidate) => candidate.conversationId === conversationId);
    if (!entry || entry.isTyping === isTyping) return false;
    entry.isTyping = isTyping;
    return true;
  }

  /** Everyone viewing a conversation, one entry per agent (several tabs count once). */
  viewersOf(conversationId: string): Viewer[] {
    const byAgent = new Map<string, Viewer>();
    for (const list of this.#bySocket.values()) {
      for (const entry of list) {
        if (entry.conversationId !== conversationId) continue;
        const known = byAgent.get(entry.agentId);
        byAgent.set(entry.agentId, { agentId: entry.agentId, name: entry.name, isTyping: (known?.isTyping ?? false) || entry.isTyping });
      }
    }
    return [...byAgent.values()];
  }
}
