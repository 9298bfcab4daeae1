import { SERIES, type SeriesName } from '../engine/index';

/**
 * A 64-bit fingerprint (hex) of a result's numbers: the days, then every series in contract order,
 * each value as its IEEE-754 double bytes. Equal fingerprints in the CLI (parsed JSON), the Node pool
 * and a browser worker show that they computed bit-identical series. Two 32-bit multiply-xor lanes
 * (cyrb53-style mixing): fast in any JavaScript engine, no crypto API needed. Not a security hash.
 */
export function hashSeries(days: ArrayLike<number>, series: Record<SeriesName, ArrayLike<number>>): string {
  const scratch = new Float64Array(1);
  const bytes = new Uint8Array(scratch.buffer);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const feed = (values: ArrayLike<number>): void => {
    for (let i = 0; i < values.length; i++) {
      scratch[0] = values[i]!;
      for (let b = 0; b < 8; b++) {
        const c = bytes[b]!;
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
      }
    }
    // Series boundaries count: [1, 2] + [3] must not hash like [1] + [2, 3].
    h1 = Math.imul(h1 ^ values.length, 2246822507);
    h2 = Math.imul(h2 ^ values.length, 3266489909);
  };
  feed(days);
  for (const name of SERIES) feed(series[name]);
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
