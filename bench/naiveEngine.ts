import type { DynamicsConstants } from '../src/engine/dynamics';
import { STATE_FIELDS, type SkinFields, type StateField } from '../src/engine/fields';
import type { Grid } from '../src/engine/grid';
import { stepWeights, type StepWeights } from '../src/engine/stepWeights';

/**
 * The baseline of `kernelVsObjects`: the engine's step (src/engine/dynamics.ts `Dynamics.step`: the
 * same equations of docs/model.md §6 including the flare R and the purpura Pu, the same step weights
 * from stepWeights.ts — exact modal transfers for the fast pools, quadratic sources for the slow
 * ones —, the same flush of tiny fast values, the same isotropic 9-point diffusion skipped below the
 * same floor) written the way a first version usually is: one object per cell with a named property
 * per state variable, reused from step to step (no allocation in the loop, so it is not a straw
 * man), numbers as doubles, weights read as properties of the weight object, diffusion reading
 * neighbours through the cell objects, one general path for every cell. What it lacks is what the
 * engine does on purpose: struct-of-arrays typed storage, coefficients hoisted into locals, shorter
 * loops for settled and quiet patches.
 *
 * It must stay the same equations as the engine: tests/unit/bench/baselines.test.ts compares its state
 * with the engine's after the same steps (to 1e-9 against the engine in float64), and the bench
 * reports the largest difference after the measured steps (`kernelVsObjectsMaxDelta`).
 */
export type CellState = Record<StateField, number>;

export type NaiveConstants = DynamicsConstants;

export class NaiveEngine {
  readonly cells: CellState[];
  private readonly previous: CellState[];
  private readonly weightsByH = new Map<number, StepWeights>();
  /** Largest I and G after the last reaction pass (diffusion is skipped when both are below the floor). */
  private maxI = 0;
  private maxG = 0;

  constructor(
    private readonly grid: Grid,
    private readonly k: NaiveConstants,
  ) {
    const blank = (): CellState => ({ W: 0, D: 0, I: 0, E: 0, G: 0, F: 0, C3: 0, C1: 0, Ep: 0, V: 1, T: 0, Pg: 0, R: 0, Pu: 0 });
    this.cells = Array.from({ length: grid.count }, blank);
    this.previous = Array.from({ length: grid.count }, blank);
  }

  load(f: SkinFields): void {
    this.cells.forEach((cell, i) => {
      for (const name of STATE_FIELDS) cell[name] = f[name][i]!;
    });
  }

  /** Largest |engine − naive| over every cell and state variable. */
  maxDifference(f: SkinFields): number {
    let worst = 0;
    this.cells.forEach((cell, i) => {
      for (const name of STATE_FIELDS) worst = Math.max(worst, Math.abs(cell[name] - f[name][i]!));
    });
    return worst;
  }

  private weights(hDays: number): StepWeights {
    let w = this.weightsByH.get(hDays);
    if (w === undefined) {
      w = stepWeights(this.k.params, hDays);
      this.weightsByH.set(hDays, w);
    }
    return w;
  }

  step(hDays: number): void {
    const c = this.weights(hDays);
    this.maxI = 0;
    this.maxG = 0;
    for (const cell of this.cells) this.react(cell, c);
    const p = this.k.params;
    if (p.lateralDiffusionMm2PerDay > 0 && (this.maxI >= p.diffusionFloor || this.maxG >= p.diffusionFloor)) {
      const pitch2 = this.grid.pitchMm * this.grid.pitchMm;
      const substeps = Math.max(1, Math.ceil((hDays * p.lateralDiffusionMm2PerDay) / pitch2 / (0.9 * 0.375)));
      const alpha = (p.lateralDiffusionMm2PerDay * hDays) / substeps / pitch2;
      for (let s = 0; s < substeps; s++) {
        this.diffuse('I', alpha);
        this.diffuse('G', alpha);
      }
    }
  }

  /** A value of a fast pool, flushed to zero below `flushBelow`. */
  private flushed(x: number): number {
    return x < this.k.params.flushBelow ? 0 : x;
  }

  private react(cell: CellState, c: StepWeights): void {
    const p = this.k.params;
    const kI = p.kI * this.k.inflammationFactor;
    const s3 = p.s3 * this.k.s3Factor;
    const h = c.hDays;
    const w0 = cell.W;
    const d0 = cell.D;
    const i0 = cell.I;
    const g0 = cell.G;
    const f0 = cell.F;
    const c30 = cell.C3;
    const c10 = cell.C1;
    const v0 = cell.V;
    const t0 = cell.T;

    // Purely decaying pools.
    if (cell.Pu !== 0) cell.Pu = this.flushed(cell.Pu * c.ePu);
    cell.W = this.flushed(w0 * c.eW);
    cell.D = this.flushed(d0 * c.eD);
    cell.R = this.flushed(cell.R * c.eR);

    // Inflammation at the end and the middle of the step, oedema at the end: exact transfers.
    const i1 = this.flushed(i0 * c.eI + kI * (p.aW * w0 * c.wToI + d0 * c.dToI));
    const im = i0 * c.eIh + kI * (p.aW * w0 * c.wToIh + d0 * c.dToIh);
    cell.I = i1;
    this.maxI = Math.max(this.maxI, i1);
    cell.E = this.flushed(cell.E * c.eE + p.kE * this.k.oedemaGain * (i0 * c.iToE + kI * (p.aW * w0 * c.wToE + d0 * c.dToE)));

    // Growth factors, and fibroblasts with their logistic factor linear over the step.
    const g1 = this.flushed(g0 * c.eG + p.kG * d0 * c.dToG);
    cell.G = g1;
    this.maxG = Math.max(this.maxG, g1);
    const a = g0 * c.gToFa + p.kG * d0 * c.dToFa;
    const b = g0 * c.gToFb + p.kG * d0 * c.dToFb;
    const fs0 = Math.max(0, 1 - f0 / p.fMax);
    const fs1 = Math.max(0, 1 - (f0 * c.eF + p.kF * fs0 * a) / p.fMax);
    const f1 = this.flushed(f0 * c.eF + p.kF * (fs0 * a + (fs1 - fs0) * b));
    cell.F = f1;
    const fm = f0 * c.eFh + p.kF * (fs0 * (g0 * c.gToFah + p.kG * d0 * c.dToFah) + (fs1 - fs0) * (g0 * c.gToFbh + p.kG * d0 * c.dToFbh));

    // Collagen: the cap from a predicted total at the start, middle and end; maturation slowed by inflammation.
    const slowing = (x: number): number => 1 / (1 + (x / p.iCrit) ** 2);
    const m0 = slowing(i0);
    const mm = slowing(im);
    const m1 = slowing(i1);
    // Oxygen-limited synthesis: φ = (V·(1 − β_T·T))^n_O2 with V's closed form, T at the start.
    const vm = 1 - (1 - v0) * c.eVh;
    const v1 = 1 - (1 - v0) * c.eV;
    const oxygen = (v: number): number => Math.min(1, Math.max(0, v * (1 - p.betaT * t0))) ** p.oxygenExponent;
    const sy0 = s3 * oxygen(v0) * f0;
    const sym = s3 * oxygen(vm) * fm;
    const sy1 = s3 * oxygen(v1) * f1;
    const total0 = c30 + c10;
    const loss = c30 / p.tau3d + c10 / p.tauNeo;
    const cSat0 = Math.max(0, 1 - total0 / p.cMax);
    const cSatm = Math.max(0, 1 - (total0 + (h / 2) * (cSat0 * 0.5 * (sy0 + sym) - loss)) / p.cMax);
    const cSat1 = Math.max(0, 1 - (total0 + h * ((cSat0 * (sy0 + 4 * sym + sy1)) / 6 - loss)) / p.cMax);
    const back = c30 / p.tau31;
    const s30 = cSat0 * sy0 + back * (1 - m0);
    const s3m = cSatm * sym + back * (1 - mm);
    const s31 = cSat1 * sy1 + back * (1 - m1);
    let col3 = Math.max(0, c30 * c.C3.e + s30 * c.C3.q0 + s3m * c.C3.qm + s31 * c.C3.q1);
    const col3m = c30 * c.C3.eh + s30 * c.C3.q0h + s3m * c.C3.qmh + s31 * c.C3.q1h;
    let col1 = Math.max(0, c10 * c.C1.e + back * m0 * c.C1.q0 + (mm * col3m * c.C1.qm) / p.tau31 + (m1 * col3 * c.C1.q1) / p.tau31);
    // Matrix breakdown while inflamed, split off the step (Simpson's rule for ∫M).
    const over = (x: number): number => Math.max(0, x - p.iMmp);
    const broken = p.kMmp * (h / 6) * (over(i0) + 4 * over(im) + over(i1));
    if (broken > 0) {
      col3 *= Math.exp(-broken);
      col1 *= Math.exp(-p.epsMmp * broken);
    }
    cell.C3 = col3;
    cell.C1 = col1;

    // Epidermis follows the collagen.
    const epGain = p.kappaEp / p.tauEpi;
    cell.Ep = cell.Ep * c.Ep.e + epGain * (total0 * c.Ep.q0 + (col3m + 0.5 * (c10 + col1)) * c.Ep.qm + (col3 + col1) * c.Ep.q1);

    // Capillaries relax back; telangiectasia and pigment grow while inflammation is above their thresholds.
    cell.V = v1;
    const tGrowth = (x: number, v: number): number => (x > p.iCrit ? p.kT * (1 - t0) * (x - p.iCrit) * (1 - v) : 0);
    cell.T = Math.min(1, Math.max(0, t0 * c.T.e + tGrowth(i0, v0) * c.T.q0 + tGrowth(im, vm) * c.T.qm + tGrowth(i1, v1) * c.T.q1));
    const pigment = (x: number): number => (x > p.iPih ? p.kP * this.k.phi * (x - p.iPih) : 0);
    cell.Pg = Math.max(0, cell.Pg * c.Pg.e + pigment(i0) * c.Pg.q0 + pigment(im) * c.Pg.qm + pigment(i1) * c.Pg.q1);
  }

  /** One explicit substep of the isotropic 9-point Laplacian with mirrored borders, as dynamics.ts. */
  private diffuse(name: 'I' | 'G', alpha: number): void {
    const n = this.grid.cells;
    const cells = this.cells;
    const prev = this.previous;
    for (let i = 0; i < cells.length; i++) prev[i]![name] = cells[i]![name];
    const at = (x: number, y: number): number => prev[Math.min(n - 1, Math.max(0, y)) * n + Math.min(n - 1, Math.max(0, x))]![name];
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        const c = at(x, y);
        const edges = at(x - 1, y) + at(x + 1, y) + at(x, y - 1) + at(x, y + 1);
        const corners = at(x - 1, y - 1) + at(x + 1, y - 1) + at(x - 1, y + 1) + at(x + 1, y + 1);
        cells[y * n + x]![name] = c + (alpha / 6) * (4 * edges + corners - 20 * c);
      }
    }
  }
}
