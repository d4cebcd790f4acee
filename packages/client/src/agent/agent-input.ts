import { ParleyError } from '@parley/protocol/errors';
import { LIMITS } from '@parley/protocol/limits';

/** Notes share the message bound (the protocol's NoteTextSchema allows 4,000 characters). */
const NOTE_TEXT_MAX = 4000;

/** Why a reply or note must not leave the client (the gateway would refuse it), or undefined. */
export function refuseText(text: string, kind: 'message' | 'note'): ParleyError | undefined {
  const max = kind === 'message' ? LIMITS.messageTextMax : NOTE_TEXT_MAX;
  if (text.length > max) {
    return new ParleyError(kind === 'message' ? 'PARLEY_ERR_MESSAGE_TOO_LONG' : 'PARLEY_ERR_PAYLOAD_INVALID', `The ${kind} is longer than ${max} characters.`);
  }
  if (text.trim().length === 0 || text.includes('\0')) {
    return new ParleyError('PARLEY_ERR_PAYLOAD_INVALID', `The ${kind} needs visible characters and no NUL.`);
  }
  return undefined;
}

/** A Date or a date string as the ISO time the protocol wants, or undefined when it is no time. */
export function toIsoTime(value: Date | string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = value instanceof Date ? value : new Date(value);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}
