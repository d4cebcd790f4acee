import { Decoder, Encoder } from 'socket.io-parser';

/** The field a malformed handshake `auth` is replaced with, so the handshake can name the problem. */
export const MALFORMED_AUTH = 'parleyMalformedAuth';

/**
 * Socket.IO's own packet decoder, except for one case: a CONNECT packet whose `auth` is not an
 * object (a string, an array, a number). The stock decoder throws on it and Socket.IO closes the
 * connection with no reason at all, so a developer with a typo sees a silent hang-up. Here the
 * packet goes through with `auth = { parleyMalformedAuth: '<its JSON type>' }`, which the
 * handshake refuses as PARLEY_ERR_HANDSHAKE_INVALID like any other bad field.
 */
class HandshakeTolerantDecoder extends Decoder {
  override add(packet: unknown): void {
    super.add(typeof packet === 'string' && packet.startsWith('0') ? withObjectAuth(packet) : packet);
  }
}

/** A CONNECT packet (`0[/nsp,][json]`) as is when its auth is absent or an object, else with the marker object. */
function withObjectAuth(packet: string): string {
  const dataStart = packet.charAt(1) === '/' ? packet.indexOf(',') + 1 : 1;
  if (dataStart <= 0 || dataStart >= packet.length) return packet;
  let kind: string;
  try {
    const parsed: unknown = JSON.parse(packet.slice(dataStart));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) return packet;
    kind = Array.isArray(parsed) ? 'array' : parsed === null ? 'null' : typeof parsed;
  } catch {
    kind = 'invalid JSON';
  }
  return `${packet.slice(0, dataStart)}${JSON.stringify({ [MALFORMED_AUTH]: kind })}`;
}

/** The parser to give `new Server({ parser })`. */
export const handshakeTolerantParser = { Encoder, Decoder: HandshakeTolerantDecoder };
