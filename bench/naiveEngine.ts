import type { SkinFields } from '../src/engine/fields';
import type { Grid } from '../src/engine/grid';
import { cascadeWeight, decayWeights, type DecayWeights } from '../src/engine/integrator';
import type { ModelParams } from '../src/engine/params';

/**
 * The baseline of `kernelVsObjects`: the engine's step (src/engine/dynamics.ts: the same docs/model.md §6 equations,
 * the same exponential-integrator weights, the same explicit diffusion substeps) written the way a
 * first version usually is: one object per cell with a named property per state variable, reused
 * from step to step (no allocation in the loop, so it is not a straw man), numbers as doubles,
 * diffusion reading neighbours through the cell objects. What it lacks is what the engine does on
 * purpose: struct-of-arrays typed storage, hoisted coefficients, no property lookups per cell.
 *
 * It must stay the same equations as the engine: bench/run.ts reports the largest difference after
 * the measured steps (`kernelVsObjectsMaxDelta`), and tests/unit/bench/naiveEngine.test.ts checks it.
 */
export interface CellState {
  W: number;
  D: number;
  I: number;
  E: number;
  G: number;
  F: number;
  C3: number;
  C1: number;
  Ep: number;
  V: number;
  T: number;
  Pg: number;
}

const FIELDS = ['W', 'D', 'I', 'E', 'G', 'F', 'C3', 'C1', 'Ep', 'V', 'T', 'Pg'] as const;

export interface NaiveConstants {
  params: ModelParams;
  phi: number;
  inflammationFactor: number;
  s3Factor: number;
}

interface Coefficients {
  eW: number;
  eD: number;
  wToI: number;
  dToI: number;
  dToG: number;
  eV: number;
  I: DecayWeights;
  E: DecayWeights;
  G: DecayWeights;
  F: DecayWeights;
  C3: DecayWeights;
  C1: DecayWeights;
  Ep: DecayWeights;
  T: DecayWeights;
  Pg: DecayWeights;
}

export class NaiveEngine {
  readonly cells: CellState[];
  private readonly previous: CellState[];
  private readonly coefficients = new Map<number, Coefficients>();

  constructor(
    private readonly grid: Grid,
    private readonly k: NaiveConstants,
  ) {
    const blank = (): CellState => ({ W: 0, D: 0, I: 0, E: 0, G: 0, F: 0, C3: 0, C1: 0, Ep: 0, V: 1, T: 0, Pg: 0 });
    this.cells = Array.from({ length: grid.count }, blank);
    this.previous = Array.from({ length: grid.count }, blank);
  }

  load(f: SkinFields): void {
    this.cells.forEach((cell, i) => {
      for (const name of FIELDS) cell[name] = f[name][i]!;
    });
  }

  /** Largest |engine − naive| over every cell and variable. */
  maxDifference(f: SkinFields): number {
    let worst = 0;
    this.cells.forEach((cell, i) => {
      for (const name of FIELDS) worst = Math.max(worst, Math.abs(cell[name] - f[name][i]!));
    });
    return worst;
  }

  private coefficientsFor(h: number): Coefficients {
    let c = this.coefficients.get(h);
    if (c === undefined) {
      const p = this.k.params;
      c = {
        eW: Math.exp(-h / p.tauW),
        eD: Math.exp(-h / p.tauD),
        wToI: cascadeWeight(p.tauW, p.tauI, h),
        dToI: cascadeWeight(p.tauD, p.tauI, h),
        dToG: cascadeWeight(p.tauD, p.tauG, h),
        eV: Math.exp(-h / p.tauV),
        I: decayWeights(p.tauI, h),
        E: decayWeights(p.tauE, h),
        G: decayWeights(p.tauG, h),
        F: decayWeights(p.tauF, h),
        C3: decayWeights(p.tau3d, h),
        C1: decayWeights(p.tauNeo, h),
        Ep: decayWeights(p.tauEpi, h),
        T: decayWeights(p.tauT, h),
        Pg: decayWeights(p.tauP, h),
      };
      this.coefficients.set(h, c);
    }
    return c;
  }

  step(hDays: number): void {
    const c = this.coefficientsFor(hDays);
    for (const cell of this.cells) this.react(cell, c);
    const p = this.k.params;
    if (p.lateralDiffusionMm2PerDay > 0) {
      const pitch2 = this.grid.pitchMm * this.grid.pitchMm;
      const substeps = Math.max(1, Math.ceil((hDays * 4 * p.lateralDiffusionMm2PerDay) / pitch2 / 0.9));
      const alpha = (p.lateralDiffusionMm2PerDay * hDays) / substeps / pitch2;
      for (let s = 0; s < substeps; s++) {
        this.diffuse('I', alpha);
        this.diffuse('G', alpha);
      }
    }
  }

  private react(cell: CellState, c: Coefficients): void {
    const p = this.k.params;
    const w0 = cell.W;
    const d0 = cell.D;
    cell.W = w0 * c.eW;
    cell.D = d0 * c.eD;
    const i0 = cell.I;
    const i1 = Math.max(0, i0 * c.I.e + p.kI * this.k.inflammationFactor * (p.aW * w0 * c.wToI + d0 * c.dToI));
    cell.I = i1;
    cell.E = Math.max(0, cell.E * c.E.e + p.kE * (i0 * c.E.a + (i1 - i0) * c.E.b));
    const g0 = cell.G;
    const g1 = Math.max(0, g0 * c.G.e + p.kG * d0 * c.dToG);
    cell.G = g1;
    const f0 = cell.F;
    const fSat = Math.max(0, 1 - f0 / p.fMax);
    const f1 = Math.max(0, f0 * c.F.e + p.kF * fSat * (g0 * c.F.a + (g1 - g0) * c.F.b));
    cell.F = f1;
    const col3 = cell.C3;
    const col1 = cell.C1;
    const cSat = Math.max(0, 1 - (col3 + col1) / p.cMax);
    const j0 = col3 / p.tau31 / (1 + (i0 / p.iCrit) ** 2);
    const j1 = col3 / p.tau31 / (1 + (i1 / p.iCrit) ** 2);
    const s3 = p.s3 * this.k.s3Factor;
    const s30 = s3 * f0 * cSat - j0;
    const s31 = s3 * f1 * cSat - j1;
    const col3New = Math.max(0, col3 * c.C3.e + s30 * c.C3.a + (s31 - s30) * c.C3.b);
    const col1New = Math.max(0, col1 * c.C1.e + j0 * c.C1.a + (j1 - j0) * c.C1.b);
    cell.C3 = col3New;
    cell.C1 = col1New;
    const epGain = p.kappaEp / p.tauEpi;
    const sEp0 = epGain * (col3 + col1);
    const sEp1 = epGain * (col3New + col1New);
    cell.Ep = cell.Ep * c.Ep.e + sEp0 * c.Ep.a + (sEp1 - sEp0) * c.Ep.b;
    const v0 = cell.V;
    const v1 = 1 - (1 - v0) * c.eV;
    cell.V = v1;
    const t0 = cell.T;
    const x0 = i0 > p.iCrit ? p.kT * (i0 - p.iCrit) * (1 - v0) * (1 - t0) : 0;
    const x1 = i1 > p.iCrit ? p.kT * (i1 - p.iCrit) * (1 - v1) * (1 - t0) : 0;
    cell.T = Math.min(1, Math.max(0, t0 * c.T.e + x0 * c.T.a + (x1 - x0) * c.T.b));
    const pigGain = p.kP * this.k.phi;
    const q0 = i0 > p.iPih ? pigGain * (i0 - p.iPih) : 0;
    const q1 = i1 > p.iPih ? pigGain * (i1 - p.iPih) : 0;
    cell.Pg = Math.max(0, cell.Pg * c.Pg.e + q0 * c.Pg.a + (q1 - q0) * c.Pg.b);
  }

  private diffuse(name: 'I' | 'G', alpha: number): void {
    const n = this.grid.cells;
    const cells = this.cells;
    const prev = this.previous;
    for (let i = 0; i < cells.length; i++) prev[i]![name] = cells[i]![name];
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        const here = prev[y * n + x]!;
        const c = here[name];
        const left = x > 0 ? prev[y * n + x - 1]![name] : c;
        const right = x < n - 1 ? prev[y * n + x + 1]![name] : c;
        const up = y > 0 ? prev[(y - 1) * n + x]![name] : c;
        const down = y < n - 1 ? prev[(y + 1) * n + x]![name] : c;
        cells[y * n + x]![name] = c + alpha * (left + right + up + down - 4 * c);
      }
    }
  }
}
