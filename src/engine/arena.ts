/**
 * Typed arrays of one length carved from one ArrayBuffer, their starts staggered across the cache.
 *
 * Why: the engine's kernels walk 10–20 arrays of the grid's length in step, reading and writing
 * element i of each. At 160² a Float32 field is 102 400 bytes, exactly 25 × 4 096, so arrays that
 * happen to be allocated back to back start at the same offset within a 4 KiB page: element i of
 * every field then falls in the same L1 cache set (more fields than ways) and their loads and stores
 * alias in the CPU's 4 KiB store-forwarding check. Whether that happened depended on where the
 * allocator put each buffer: the 240-day course took ≈ 300 ms in most processes and ≈ 330–360 ms in
 * others. Here every start is a whole number of cache lines plus STAGGER_BYTES past the last one, so
 * the starts differ within the page whatever the length (measured: aligned starts 328–360 ms,
 * staggered 300–308 ms for any stagger of 64–2 112 bytes; the values are the same bits either way).
 */

const CACHE_LINE_BYTES = 64;
/** Extra bytes between consecutive arrays: 3 cache lines, so 21 arrays spread over 63 of a page's 64 lines. */
const STAGGER_BYTES = 3 * CACHE_LINE_BYTES;

/** Bytes one array of `length` elements of `bytesPerElement` takes in the arena, its stagger included. */
function slotBytes(length: number, bytesPerElement: number): number {
  return Math.ceil((length * bytesPerElement) / CACHE_LINE_BYTES) * CACHE_LINE_BYTES + STAGGER_BYTES;
}

/** The arrays' element sizes in the order they are taken (4: Float32Array, 8: Float64Array). */
export type ArenaPlan = readonly (4 | 8)[];

export class StaggeredArena {
  private readonly buffer: ArrayBuffer;
  private offset = 0;
  private taken = 0;

  constructor(
    private readonly length: number,
    private readonly plan: ArenaPlan,
  ) {
    this.buffer = new ArrayBuffer(plan.reduce((sum, bytes) => sum + slotBytes(length, bytes), 0));
  }

  float32(): Float32Array {
    return new Float32Array(this.buffer, this.next(4), this.length);
  }

  float64(): Float64Array {
    return new Float64Array(this.buffer, this.next(8), this.length);
  }

  private next(bytes: 4 | 8): number {
    const expected = this.plan[this.taken];
    if (expected !== bytes) throw new Error(`arena: array ${this.taken + 1} was planned as ${expected ?? 'none'} bytes per element, taken as ${bytes}`);
    const at = this.offset;
    this.offset += slotBytes(this.length, bytes);
    this.taken++;
    return at;
  }
}
