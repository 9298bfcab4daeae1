/**
 * The staggered arena (src/engine/arena.ts): the arrays the kernels walk in step start at different
 * offsets within a 4 KiB page (so element i of each falls in a different cache set), never overlap,
 * and keep their values apart.
 */
import { describe, expect, it } from 'vitest';
import { StaggeredArena } from '../../../src/engine/arena';
import { allocateFields, STATE_FIELDS } from '../../../src/engine/fields';
import { makeGrid } from '../../../src/engine/grid';

const PAGE = 4096;

function startsWithinPage(arrays: readonly (Float32Array | Float64Array)[]): number[] {
  return arrays.map((a) => a.byteOffset % PAGE);
}

describe('StaggeredArena', () => {
  it('carves arrays of the planned kinds and length that neither overlap nor share a start within the page', () => {
    // 160²: a Float32 array is exactly 25 pages long, the case where back-to-back arrays alias.
    const n = 160 * 160;
    const arena = new StaggeredArena(n, [4, 8, 4, 4, 8]);
    const arrays = [arena.float32(), arena.float64(), arena.float32(), arena.float32(), arena.float64()];
    expect(arrays.map((a) => a.length)).toEqual([n, n, n, n, n]);
    expect(arrays[1]).toBeInstanceOf(Float64Array);
    for (let k = 1; k < arrays.length; k++) expect(arrays[k]!.byteOffset).toBeGreaterThanOrEqual(arrays[k - 1]!.byteOffset + arrays[k - 1]!.byteLength);
    expect(new Set(startsWithinPage(arrays)).size).toBe(arrays.length);
    arrays.forEach((a, k) => a.fill(k + 1));
    arrays.forEach((a, k) => expect([a[0], a[n - 1]]).toEqual([k + 1, k + 1]));
  });

  it('refuses an array taken as another kind than planned, or beyond the plan', () => {
    const arena = new StaggeredArena(10, [4]);
    expect(() => arena.float64()).toThrow(/planned as 4 bytes per element, taken as 8/);
    arena.float32();
    expect(() => arena.float32()).toThrow(/planned as none/);
  });
});

describe('allocateFields', () => {
  it.each(['float32', 'float64'] as const)('gives every field of a 160² patch its own start within the page (%s)', (precision) => {
    const f = allocateFields(makeGrid({ cells: 160 }), precision);
    const arrays = [...STATE_FIELDS.map((name) => f[name]), f.vSession, f.lastInjuryHour, f.coverage, f.sessionDensity, f.sessionDermal, f.sessionVascular, f.growthCapacity];
    expect(new Set(startsWithinPage(arrays)).size).toBe(arrays.length);
    expect(f.V[0]).toBe(1);
    expect(f.lastInjuryHour[25_599]).toBe(Number.NEGATIVE_INFINITY);
  });
});
