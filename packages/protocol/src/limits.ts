/** Size bounds shared by the client (to refuse early) and the gateway (to enforce). Zod-free. */
export const LIMITS = {
  /** Characters (UTF-16 code units) in one message. */
  messageTextMax: 4000,
  /** Messages in one history page. */
  historyPageMax: 200,
  /**
   * Bytes (UTF-8 JSON) of the messages in one history page: a 44-byte request must not draw
   * 2.4 MB. A page holds at least one message, so paging always makes progress.
   */
  historyPageBytesMax: 64 * 1024,
  /** Locale hints accepted in a handshake. */
  localeHintsMax: 10,
  /** Bytes in one Socket.IO packet; above the largest valid message with room to spare. */
  packetBytesMax: 32 * 1024,
} as const;
