/**
 * The one catalogue of Parley error codes (`PARLEY_ERR_<AREA>_<PROBLEM>`). Acks, REST bodies and
 * handshake refusals carry one of these. `docs/errors.md` is kept in step by a test.
 * Retired codes are never reused: move them to RETIRED_ERROR_CODES instead of deleting them.
 * This module is zod-free so the widget can import it.
 */
export const ERROR_CATALOGUE = {
  PARLEY_ERR_HANDSHAKE_INVALID: {
    status: 400,
    retryable: false,
    message: 'The connection handshake is missing a field or has a malformed one.',
  },
  PARLEY_ERR_SITE_UNKNOWN: {
    status: 404,
    retryable: false,
    message: 'No site has this site key.',
  },
  PARLEY_ERR_ORIGIN_NOT_ALLOWED: {
    status: 403,
    retryable: false,
    message: "This page's origin is not in the site's allowed origins.",
  },
  PARLEY_ERR_PROTOCOL_VERSION_MISMATCH: {
    status: 426,
    retryable: false,
    message: 'The client speaks a protocol version the gateway does not; update the widget or client.',
  },
  PARLEY_ERR_TOKEN_INVALID: {
    status: 401,
    retryable: false,
    message: 'The visitor token is not valid for this site; start without it.',
  },
  PARLEY_ERR_IDENTITY_INVALID: {
    status: 401,
    retryable: false,
    message: "The shopper identity's userHash does not match, or the site has no identity secret.",
  },
  PARLEY_ERR_PAYLOAD_INVALID: {
    status: 400,
    retryable: false,
    message: 'The payload does not match the protocol schema.',
  },
  PARLEY_ERR_MESSAGE_TOO_LONG: {
    status: 413,
    retryable: false,
    message: 'The message is longer than 4,000 characters.',
  },
  PARLEY_ERR_RATE_LIMITED: {
    status: 429,
    retryable: true,
    message: 'Too many requests; slow down and retry shortly.',
  },
  PARLEY_ERR_FLOOD_DISCONNECTED: {
    status: 429,
    retryable: true,
    message: 'This connection kept sending past its rate limit and was closed; reconnect after details.retryAfterMs.',
  },
  PARLEY_ERR_TOO_MANY_CONNECTIONS: {
    status: 429,
    retryable: true,
    message: 'Too many open connections from this address; close some or retry later.',
  },
  PARLEY_ERR_PAYLOAD_TOO_LARGE: {
    status: 413,
    retryable: false,
    message: 'The request body is larger than the gateway accepts.',
  },
  PARLEY_ERR_MEDIA_TYPE_UNSUPPORTED: {
    status: 415,
    retryable: false,
    message: 'The request body has a content type this route does not accept; send application/json.',
  },
  PARLEY_ERR_STORE_UNAVAILABLE: {
    status: 503,
    retryable: true,
    message: "The conversation store for this region is unreachable; nothing was saved.",
  },
  PARLEY_ERR_INTERNAL_ERROR: {
    status: 500,
    retryable: true,
    message: 'The gateway failed unexpectedly; nothing was lost, retry.',
  },
  PARLEY_ERR_ROUTE_NOT_FOUND: {
    status: 404,
    retryable: false,
    message: 'No such route.',
  },
  PARLEY_ERR_CLIENT_TIMEOUT: {
    status: 504,
    retryable: true,
    message: 'The gateway did not answer in time (client side).',
  },
  PARLEY_ERR_CLIENT_CLOSED: {
    status: 499,
    retryable: false,
    message: 'The client was disconnected by the application before the call finished.',
  },
  PARLEY_ERR_CLIENT_OUTBOX_FULL: {
    status: 507,
    retryable: true,
    message: 'The client holds as many unsent messages as it can keep; wait until they are sent.',
  },
  PARLEY_ERR_AUTH_CREDENTIALS_INVALID: {
    status: 401,
    retryable: false,
    message: 'The email or password is wrong.',
  },
  PARLEY_ERR_AUTH_LOCKED: {
    status: 429,
    retryable: true,
    message: 'Too many failed sign-ins; try again after the time given in details.retryAfterMs.',
  },
  PARLEY_ERR_AUTH_TOTP_REQUIRED: {
    status: 401,
    retryable: false,
    message: 'This account needs the 6-digit code from its authenticator app.',
  },
  PARLEY_ERR_AUTH_TOTP_INVALID: {
    status: 401,
    retryable: false,
    message: 'The two-factor code is wrong or expired.',
  },
  PARLEY_ERR_AUTH_TOTP_SETUP_REQUIRED: {
    status: 403,
    retryable: false,
    message: 'Two-factor sign-in is mandatory here; set it up before going on.',
  },
  PARLEY_ERR_AUTH_REQUIRED: {
    status: 401,
    retryable: false,
    message: 'Sign in first: no valid session cookie or API token was sent.',
  },
  PARLEY_ERR_AUTH_SESSION_EXPIRED: {
    status: 401,
    retryable: false,
    message: 'The session has expired or was revoked; sign in again.',
  },
  PARLEY_ERR_AUTH_CSRF_INVALID: {
    status: 403,
    retryable: false,
    message: 'The X-CSRF-Token header is missing or does not match the session.',
  },
  PARLEY_ERR_AUTH_SCOPE_MISSING: {
    status: 403,
    retryable: false,
    message: 'The API token lacks the scope this call needs.',
  },
  PARLEY_ERR_AUTH_ACCOUNT_DISABLED: {
    status: 403,
    retryable: false,
    message: 'This agent account is disabled.',
  },
  PARLEY_ERR_FORBIDDEN_ROLE: {
    status: 403,
    retryable: false,
    message: "The agent's role does not allow this.",
  },
  PARLEY_ERR_FORBIDDEN_REGION: {
    status: 403,
    retryable: false,
    message: "The conversation is stored in a region this agent may not read.",
  },
  PARLEY_ERR_FORBIDDEN_SITE: {
    status: 403,
    retryable: false,
    message: "The conversation belongs to a site this agent may not work on.",
  },
  PARLEY_ERR_CONVERSATION_NOT_ASSIGNED: {
    status: 403,
    retryable: false,
    message: 'The conversation is assigned to another agent; take it or ask a supervisor.',
  },
  PARLEY_ERR_CONVERSATION_NOT_FOUND: {
    status: 404,
    retryable: false,
    message: 'No conversation with this id in the regions this agent may read.',
  },
  PARLEY_ERR_CONVERSATION_RECENT_REPLY: {
    status: 409,
    retryable: false,
    message: 'Another agent replied moments ago; read it, then send again with force.',
  },
  PARLEY_ERR_CONVERSATION_ALREADY_ASSIGNED: {
    status: 409,
    retryable: false,
    message: 'Someone else took this conversation a moment ago; it was not changed.',
  },
  PARLEY_ERR_AGENT_NOT_FOUND: {
    status: 404,
    retryable: false,
    message: 'No agent with this id or email.',
  },
  PARLEY_ERR_AGENT_EMAIL_TAKEN: {
    status: 409,
    retryable: false,
    message: 'An agent with this email exists already.',
  },
  PARLEY_ERR_AGENT_PASSWORD_WEAK: {
    status: 400,
    retryable: false,
    message: 'The password is too weak: use at least 12 characters that are not a common password.',
  },
  PARLEY_ERR_PII_NOT_FOUND: {
    status: 404,
    retryable: false,
    message: 'The message has no masked value at that index.',
  },
  PARLEY_ERR_TRANSLATION_UNAVAILABLE: {
    status: 503,
    // Not retried by clients on their own: the agent decides (try again, or send untranslated).
    retryable: false,
    message: 'The reply could not be translated (details.reason); nothing was sent. Retry, or send it untranslated.',
  },
  PARLEY_ERR_CANNED_REPLY_NOT_FOUND: {
    status: 404,
    retryable: false,
    message: 'No canned reply has this key for the conversation\'s site.',
  },
  PARLEY_ERR_CANNED_REPLY_INCOMPLETE: {
    status: 422,
    retryable: false,
    message: 'The canned reply needs a value this conversation does not have (details.missing); nothing was sent.',
  },
} as const satisfies Record<string, { status: number; retryable: boolean; message: string }>;

/** Codes that once existed and must never be reused with another meaning. */
export const RETIRED_ERROR_CODES: readonly string[] = [];

/** Every live error code. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** The error half of every ack and every REST error body. */
export interface ParleyErrorPayload {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** Every ack: a result, or a coded error. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ParleyErrorPayload };

/** An error carrying a catalogue code; thrown by the client SDK and by gateway services. */
export class ParleyError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly isRetryable: boolean;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    const entry = ERROR_CATALOGUE[code];
    super(message ?? entry.message);
    this.name = 'ParleyError';
    this.code = code;
    this.status = entry.status;
    this.isRetryable = entry.retryable;
    this.details = details;
  }

  /** The payload form sent on the wire. */
  toPayload(): ParleyErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** True when `code` is a live catalogue code (useful when reading untrusted wire data). */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CATALOGUE, code);
}
