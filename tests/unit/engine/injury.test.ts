/**
 * Injury geometry (docs/model.md §4–§5): depth factors per puncture, the σ_inj kernel that turns punctures into a
 * density, and the jumps that density applies to the fields.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PARAMS,
  injuryFactors,
  makeGrid,
  penetrationMm,
  PunctureBuffer,
  resolveAnatomy,
  type InjuryFactors,
} from '../../../src/engine/index';
import { allocateFields } from '../../../src/engine/fields';
import { InjuryScratch, KERNEL_OFFSETS, kernelTable, saturatedDermalDose } from '../../../src/engine/injury';
import { referenceSim, REFERENCE_SESSION } from '../../fixtures/engine';

const cheek = resolveAnatomy(DEFAULT_PARAMS, 'cheek');
const factorsAt = (depthMm: number): InjuryFactors =>
  injuryFactors(DEFAULT_PARAMS, cheek, depthMm, { epidermal: 0, dermal: 0, vascular: 0, bleeding: 0, subdermal: 0 });
/** Nominal depth of a needle (no jitter, normal pressure, typical patient). */
const nominalDepth = (needleMm: number): number => penetrationMm(DEFAULT_PARAMS, needleMm, 1, 1, 0);

describe('injury factors of one puncture on the cheek', () => {
  it('a 0.25 mm needle stops above the capillary loops: no dermal injury, bleeding below one half', () => {
    const f = factorsAt(nominalDepth(0.25));
    expect(nominalDepth(0.25)).toBeCloseTo(0.125, 12);
    expect(f.dermal).toBe(0);
    expect(f.bleeding).toBeLessThan(0.5);
    expect(f.vascular).toBeLessThan(0.01);
    // It still opens the epidermal barrier.
    expect(f.epidermal).toBeGreaterThan(0.9);
  });

  it('a 1.5 mm needle reaches 0.75 mm and gives one reference dermal injury, with bleeding and plexus hits', () => {
    expect(nominalDepth(1.5)).toBeCloseTo(0.75, 12);
    const f = factorsAt(0.75);
    expect(f.dermal).toBeCloseTo(1, 6);
    expect(f.epidermal).toBe(1);
    expect(f.bleeding).toBeGreaterThan(0.99);
    expect(f.vascular).toBeGreaterThan(0.99);
  });

  it('deeper punctures never injure less', () => {
    let prev = factorsAt(0);
    for (let depth = 0.01; depth <= 3; depth += 0.01) {
      const f = factorsAt(depth);
      expect(f.epidermal).toBeGreaterThanOrEqual(prev.epidermal);
      expect(f.dermal).toBeGreaterThanOrEqual(prev.dermal);
      expect(f.vascular).toBeGreaterThanOrEqual(prev.vascular);
      expect(f.bleeding).toBeGreaterThanOrEqual(prev.bleeding);
      prev = { ...f };
    }
  });

  it('penetration is clamped to [0, needle length] whatever the jitter', () => {
    expect(penetrationMm(DEFAULT_PARAMS, 1, 1.5, 2, 10)).toBe(1);
    expect(penetrationMm(DEFAULT_PARAMS, 1, 1, 1, -10)).toBe(0);
  });
});

/** Total punctures represented by a density field: Σ N·cell area. */
function mass(density: ArrayLike<number>, cellAreaCm2: number): number {
  let s = 0;
  for (let i = 0; i < density.length; i++) s += density[i]!;
  return s * cellAreaCm2;
}

function scratchFor(cells: number) {
  const grid = makeGrid({ cells });
  return { grid, scratch: new InjuryScratch(grid, DEFAULT_PARAMS, cheek) };
}

describe('the σ_inj kernel conserves punctures', () => {
  it.each([160, 64, 32])('a puncture far from the edges carries exactly one puncture of density on a %i-cell grid', (cells) => {
    const { grid, scratch } = scratchFor(cells);
    // Off-centre positions: the kernel must be normalised wherever the puncture falls in its cell.
    for (const [hour, [x, y]] of (
      [
        [20, 20],
        [17.33, 22.91],
        [12.6, 25.0],
      ] as const
    ).entries()) {
      const buffer = new PunctureBuffer(4);
      buffer.push(x, y, 0.75);
      // Each at its own hour: the totals of an hour start from zero.
      scratch.deposit(buffer, hour);
      expect(mass(scratch.density, grid.cellAreaCm2), `(${x}, ${y})`).toBeCloseTo(1, 5);
      scratch.applyJumps(allocateFields(grid, 'float64'), hour, DEFAULT_PARAMS);
    }
  });

  it('on a 32-cell grid, where the pitch (1.25 mm) exceeds σ_inj (0.75 mm), 500 punctures still carry 500', () => {
    const { grid, scratch } = scratchFor(32);
    expect(grid.pitchMm).toBeGreaterThan(DEFAULT_PARAMS.injurySigmaMm);
    const buffer = new PunctureBuffer(16);
    for (let k = 0; k < 500; k++) buffer.push(5 + ((k * 7.31) % 30), 5 + ((k * 3.17) % 30), 0.75);
    scratch.deposit(buffer);
    expect(mass(scratch.density, grid.cellAreaCm2)).toBeCloseTo(500, 2);
  });

  it('the kernel density is centred on the puncture and spreads with σ_inj', () => {
    const { grid, scratch } = scratchFor(160);
    const buffer = new PunctureBuffer(1);
    buffer.push(18.4, 21.7, 0.75);
    scratch.deposit(buffer);
    let m = 0;
    let mx = 0;
    let my = 0;
    let mxx = 0;
    for (let iy = 0; iy < grid.cells; iy++) {
      for (let ix = 0; ix < grid.cells; ix++) {
        const w = scratch.density[iy * grid.cells + ix]!;
        const x = (ix + 0.5) * grid.pitchMm;
        m += w;
        mx += w * x;
        my += w * (iy + 0.5) * grid.pitchMm;
        mxx += w * x * x;
      }
    }
    const cx = mx / m;
    expect(cx).toBeCloseTo(18.4, 2);
    expect(my / m).toBeCloseTo(21.7, 2);
    // The spread is σ_inj, less a little for the truncation at 3σ (a truncated normal keeps ≈ 0.99 σ).
    const sd = Math.sqrt(mxx / m - cx * cx);
    expect(Math.abs(sd / DEFAULT_PARAMS.injurySigmaMm - 1)).toBeLessThan(0.03);
  });

  it.each([32, 160])('the tabulated kernel on %s cells: every row sums to 1 and is centred on its place within the cell', (cells) => {
    const grid = makeGrid({ cells });
    const radius = Math.max(1, Math.ceil((3 * DEFAULT_PARAMS.injurySigmaMm) / grid.pitchMm));
    const n = 2 * radius + 1;
    const table = kernelTable(DEFAULT_PARAMS.injurySigmaMm, grid.pitchMm, radius);
    expect(table.length).toBe(KERNEL_OFFSETS * n);
    for (const q of [0, 1, 100, KERNEL_OFFSETS / 2, KERNEL_OFFSETS - 1]) {
      let sum = 0;
      let centre = 0;
      for (let k = 0; k < n; k++) {
        sum += table[q * n + k]!;
        centre += table[q * n + k]! * (k - radius + 0.5);
      }
      expect(sum).toBeCloseTo(1, 12);
      // The window is symmetric only about the cell's middle: off it, the truncated kernel leans a
      // little towards the middle (less than 1 % of a cell on these grids, as the untabulated kernel).
      expect(Math.abs(centre - (q + 0.5) / KERNEL_OFFSETS)).toBeLessThan(0.01);
    }
  });

  it('a puncture at the patch corner keeps only about a quarter of its density on the patch', () => {
    const { grid, scratch } = scratchFor(160);
    const buffer = new PunctureBuffer(1);
    buffer.push(0.01, 0.01, 0.75);
    scratch.deposit(buffer);
    const kept = mass(scratch.density, grid.cellAreaCm2);
    expect(kept).toBeGreaterThan(0.2);
    expect(kept).toBeLessThan(0.35);
  });
});

describe('the jumps a deposited density applies (docs/model.md §5)', () => {
  it('barrier loss and the raw dermal dose add up to r·(f_epi + f_der) and r·f_der per puncture; damage D is its saturated release', () => {
    const { grid, scratch } = scratchFor(64);
    const fields = allocateFields(grid, 'float64');
    const buffer = new PunctureBuffer(8);
    const depths = [0.3, 0.75, 1.2];
    for (const [k, d] of depths.entries()) buffer.push(10 + 10 * k, 20, d);
    scratch.deposit(buffer, 0);
    scratch.applyJumps(fields, 0, DEFAULT_PARAMS);
    const reference = DEFAULT_PARAMS.referenceDensityPerCm2;
    const expectW = depths.reduce((s, d) => s + (factorsAt(d).epidermal + factorsAt(d).dermal) / reference, 0);
    const expectD = depths.reduce((s, d) => s + factorsAt(d).dermal / reference, 0);
    expect(mass(fields.W, grid.cellAreaCm2)).toBeCloseTo(expectW, 6);
    expect(mass(fields.sessionDermal, grid.cellAreaCm2)).toBeCloseTo(expectD, 6);
    // Growth-factor release saturates with the local session dose (docs/model.md §5): D = S(u) cell by cell.
    let worst = 0;
    for (let i = 0; i < fields.D.length; i++) {
      worst = Math.max(worst, Math.abs(fields.D[i]! - saturatedDermalDose(fields.sessionDermal[i]!, DEFAULT_PARAMS.uSat)));
    }
    expect(worst).toBeLessThan(1e-6);
    // ... and the flare jumps with the epidermal and dermal injury: R = k_R·W here.
    expect(mass(fields.R, grid.cellAreaCm2)).toBeCloseTo(DEFAULT_PARAMS.kR * expectW, 6);
    expect(mass(fields.sessionDensity, grid.cellAreaCm2)).toBeCloseTo(3, 4);
    // Applying the same hour's jumps again changes nothing (they depend on the hour's totals only) ...
    const W = Float64Array.from(fields.W);
    scratch.applyJumps(fields, 0, DEFAULT_PARAMS);
    expect(fields.W).toEqual(W);
    // ... and the next hour's totals start from zero.
    scratch.deposit(new PunctureBuffer(1), 1);
    expect(scratch.density.every((v) => v === 0)).toBe(true);
  });

  it('the passes of a session below u_crit do not break capillaries by themselves (V⁻ is read at the session start)', () => {
    const sim = referenceSim({ grid: { cells: 64 } });
    sim.applySession(REFERENCE_SESSION);
    expect(Math.max(...sim.fields.sessionVascular)).toBeLessThan(DEFAULT_PARAMS.uCrit);
    // The only telangiectasia is the deep plexus's, from the rare needle below the dermis (0.2 % of a
    // 1.5 mm roller's on the cheek): 1 − e^(−c_dT·u_sub), u_sub the purpura the session left.
    const f = sim.fields;
    let worst = 0;
    for (let i = 0; i < f.T.length; i++) worst = Math.max(worst, Math.abs(f.T[i]! + Math.expm1(-DEFAULT_PARAMS.cDeepT * f.Pu[i]!)));
    expect(worst).toBeLessThan(1e-7);
    expect(Math.max(...f.T)).toBeLessThan(1e-3);
    // ... but the capillaries are injured.
    expect(sim.means().capillaryIntegrity).toBeLessThan(0.8);
  });

  it('a second session before the capillaries recover adds telangiectasia at once', () => {
    const sim = referenceSim({ grid: { cells: 64 } });
    sim.applySession(REFERENCE_SESSION);
    sim.advanceTo(24);
    const before = sim.means().telangiectasia;
    sim.applySession(REFERENCE_SESSION);
    expect(sim.means().telangiectasia).toBeGreaterThan(before + 1e-3);
    // ... and the simulation tells the user why (a model event, not a silent effect).
    const codes = sim.drainEvents().flatMap((e) => (e.type === 'warning' ? [e.warning.code] : []));
    expect(codes).toContain('capillaries-not-recovered');
  });
});
