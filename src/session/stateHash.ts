import { STATE_FIELDS, type SkinFields } from '../engine/index';

/**
 * A 32-bit FNV-1a hash of every state field's bytes (and the coverage of the current session), as
 * 8 hex digits: two sessions with the same hash hold the same skin, bit for bit (tests, the crash
 * recovery check, the CLI comparison).
 */
export function stateHash(fields: SkinFields): string {
  let h = 0x811c9dc5;
  const feed = (a: Float32Array | Float64Array): void => {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    for (let i = 0; i < bytes.length; i++) {
      h ^= bytes[i]!;
      h = Math.imul(h, 0x01000193);
    }
  };
  for (const name of STATE_FIELDS) feed(fields[name]);
  feed(fields.coverage);
  return (h >>> 0).toString(16).padStart(8, '0');
}
