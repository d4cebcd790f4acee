/**
 * The wire protocol version. The client sends it in the handshake; the gateway refuses any other
 * with `PARLEY_ERR_PROTOCOL_VERSION_MISMATCH`. Bump it only for changes old clients cannot handle.
 */
export const PROTOCOL_VERSION = 1;

/** The Socket.IO namespace shoppers' widgets and headless clients connect to. */
export const VISITOR_NAMESPACE = '/visitor';

/** The Socket.IO namespace agents' consoles and `createAgentClient` connect to. */
export const AGENT_NAMESPACE = '/agent';
