import { Decoder, Encoder } from 'socket.io-parser';

/** The field a malformed handshake `auth` is replaced with, so the handshake can name the problem. */
export const MALFORMED_AUTH = 'parleyMalformedAuth';

/**
 * Packets one connection may send in 10 s, of any type, before it is cut at the decoder. Far
 * above the per-socket event budget (packet-guard.ts): this only catches what that budget cannot
 * see, such as floods of unacked events or of CONNECT packets to unknown namespaces.
 */
const PACKETS_PER_CONNECTION = 600;
const WINDOW_MS = 10_000;

/**
 * What a client may send: CONNECT (0), DISCONNECT (1) and EVENT (2). The gateway never asks a
 * client for an ack and speaks no binary, so ACK (3), CONNECT_ERROR (4) and the binary types
 * (5, 6) from a client can only be abuse; each would otherwise cost a parse that no event
 * middleware ever meters.
 */
const CLIENT_PACKET_TYPES = new Set(['0', '1', '2']);

/**
 * Socket.IO's own packet decoder (one per connection) with three changes:
 * - a CONNECT packet whose `auth` is not an object (a string, an array, a number) goes through
 *   as `auth = { parleyMalformedAuth: '<its JSON type>' }`, which the handshake refuses as
 *   PARLEY_ERR_HANDSHAKE_INVALID; the stock decoder throws and Socket.IO hangs up with no reason;
 * - packet types a client has no business sending are refused;
 * - more than PACKETS_PER_CONNECTION packets in 10 s are refused.
 * A refusal throws, and Socket.IO closes the connection.
 */
class GuardedDecoder extends Decoder {
  #windowStart = Date.now();
  #count = 0;

  override add(packet: unknown): void {
    if (typeof packet !== 'string') throw new Error('binary packets are not accepted');
    const now = Date.now();
    if (now - this.#windowStart >= WINDOW_MS) {
      this.#windowStart = now;
      this.#count = 0;
    }
    this.#count += 1;
    if (this.#count > PACKETS_PER_CONNECTION) throw new Error('too many packets on one connection');
    const type = packet.charAt(0);
    if (!CLIENT_PACKET_TYPES.has(type)) throw new Error(`packet type ${type} is not accepted from clients`);
    super.add(type === '0' ? withObjectAuth(packet) : packet);
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
export const guardedParser = { Encoder, Decoder: GuardedDecoder };
