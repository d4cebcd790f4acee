import { ParleyError } from '@parley/protocol';

/**
 * Last line of defence before a store: no NUL in any string (C drivers and some MongoDB-wire
 * servers truncate on it) and no `$` or `.` in keys (operator injection, path confusion).
 * The gateway's edge validation rejects these earlier with a clearer message.
 */
export function assertStorable(value: unknown, path = 'value'): void {
  if (typeof value === 'string') {
    if (value.includes('\0')) throw new ParleyError('PARLEY_ERR_PAYLOAD_INVALID', `${path} contains NUL (\\0)`);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertStorable(item, `${path}[${index}]`));
    return;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      if (key.startsWith('$') || key.includes('.')) {
        throw new ParleyError('PARLEY_ERR_PAYLOAD_INVALID', `${path} has a key that a store cannot hold: ${key}`);
      }
      assertStorable(item, `${path}.${key}`);
    }
  }
}
