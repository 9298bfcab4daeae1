import type { FieldArray, SkinFields } from './fields';
import type { Grid } from './grid';
import { cascadeWeight, decayWeights, type DecayWeights } from './integrator';
import type { ModelParams } from './params';

/** Per-run constants of the dynamics (parameters after condition hooks and patient variation). */
export interface DynamicsConstants {
  readonly params: ModelParams;
  /** Phototype PIH susceptibility φ (§5). */
  readonly phi: number;
  /** Multiplier on k_I (override of a blocking contraindication, §5). */
  readonly inflammationFactor: number;
  /** Per-patient response factor on s3 (§9). */
  readonly s3Factor: number;
}

/** Everything a step of length h needs that does not depend on the cell: computed once per h. */
interface StepCoefficients {
  hDays: number;
  eW: number;
  eD: number;
  wToI: number;
  dToI: number;
  dToG: number;
  I: DecayWeights;
  E: DecayWeights;
  G: DecayWeights;
  F: DecayWeights;
  C3: DecayWeights;
  C1: DecayWeights;
  Ep: DecayWeights;
  T: DecayWeights;
  Pg: DecayWeights;
  eV: number;
  eR: number;
  ePu: number;
}

function stepCoefficients(p: ModelParams, hDays: number): StepCoefficients {
  return {
    hDays,
    eW: Math.exp(-hDays / p.tauW),
    eD: Math.exp(-hDays / p.tauD),
    wToI: cascadeWeight(p.tauW, p.tauI, hDays),
    dToI: cascadeWeight(p.tauD, p.tauI, hDays),
    dToG: cascadeWeight(p.tauD, p.tauG, hDays),
    I: decayWeights(p.tauI, hDays),
    E: decayWeights(p.tauE, hDays),
    G: decayWeights(p.tauG, hDays),
    F: decayWeights(p.tauF, hDays),
    C3: decayWeights(p.tau3d, hDays),
    C1: decayWeights(p.tauNeo, hDays),
    Ep: decayWeights(p.tauEpi, hDays),
    T: decayWeights(p.tauT, hDays),
    Pg: decayWeights(p.tauP, hDays),
    eV: Math.exp(-hDays / p.tauV),
    eR: Math.exp(-hDays / p.tauR),
    ePu: Math.exp(-hDays / p.tauPurpura),
  };
}

/**
 * Advances all fields by h days (§4). Variables are updated in cascade order so each can use its
 * upstream's start- and end-of-step values:
 *  - W, D decay exactly; I and G receive their exact exponential transfer from W and D;
 *  - every other source is taken as linear between its start and end values (second-order
 *    exponential integrator, `integrator.ts`); a variable's own nonlinearity (logistic F, the
 *    collagen cap, (1 − T)) is frozen at the start of the step.
 * States are clamped ≥ 0, and V, T to [0, 1] (§7). No allocation, no closures, no Math.exp per cell.
 */
export class Dynamics {
  private readonly cache = new Map<number, StepCoefficients>();
  private readonly diffusionScratch: FieldArray;

  constructor(
    private readonly grid: Grid,
    private readonly k: DynamicsConstants,
    precision: 'float32' | 'float64',
  ) {
    this.diffusionScratch = precision === 'float64' ? new Float64Array(grid.count) : new Float32Array(grid.count);
  }

  private coefficients(hDays: number): StepCoefficients {
    let c = this.cache.get(hDays);
    if (c === undefined) {
      c = stepCoefficients(this.k.params, hDays);
      // Only a handful of step lengths occur (1 h, 6 h, 24 h and snapped remainders).
      if (this.cache.size > 64) this.cache.clear();
      this.cache.set(hDays, c);
    }
    return c;
  }

  step(f: SkinFields, hDays: number): void {
    this.react(f, this.coefficients(hDays));
    const dLat = this.k.params.lateralDiffusionMm2PerDay;
    if (dLat > 0) {
      // Explicit 5-point stencil is stable for Δt ≤ Δx²/(4·D) (§7); split the step accordingly.
      const pitch2 = this.grid.pitchMm * this.grid.pitchMm;
      const substeps = Math.max(1, Math.ceil((hDays * 4 * dLat) / pitch2 / 0.9));
      const alpha = (dLat * hDays) / substeps / pitch2;
      for (let s = 0; s < substeps; s++) {
        this.diffuse(f.I, alpha);
        this.diffuse(f.G, alpha);
      }
    }
  }

  private react(f: SkinFields, c: StepCoefficients): void {
    const p = this.k.params;
    const kI = p.kI * this.k.inflammationFactor;
    const { aW, kE, kG, kF, iCrit, kT, iPih } = p;
    const invFMax = 1 / p.fMax;
    const invCMax = 1 / p.cMax;
    const s3 = p.s3 * this.k.s3Factor;
    const invTau31 = 1 / p.tau31;
    const invICrit2 = 1 / (iCrit * iCrit);
    const epGain = p.kappaEp / p.tauEpi;
    const pigGain = p.kP * this.k.phi;
    const { W, D, I, E, G, F, C3, C1, Ep, V, T, Pg, R, Pu } = f;
    const { eW, eD, wToI, dToI, dToG, eV, eR, ePu } = c;
    const cI = c.I;
    const cE = c.E;
    const cG = c.G;
    const cF = c.F;
    const c3 = c.C3;
    const c1 = c.C1;
    const cEp = c.Ep;
    const cT = c.T;
    const cPg = c.Pg;
    const n = W.length;
    for (let i = 0; i < n; i++) {
      const w0 = W[i]!;
      const d0 = D[i]!;
      W[i] = w0 * eW;
      D[i] = d0 * eD;
      // Flare and purpura only fade (docs/model.md §5).
      R[i] = R[i]! * eR;
      Pu[i] = Pu[i]! * ePu;

      const i0 = I[i]!;
      let i1 = i0 * cI.e + kI * (aW * w0 * wToI + d0 * dToI);
      if (i1 < 0) i1 = 0;
      I[i] = i1;

      const e0 = E[i]!;
      const e1 = e0 * cE.e + kE * (i0 * cE.a + (i1 - i0) * cE.b);
      E[i] = e1 > 0 ? e1 : 0;

      const g0 = G[i]!;
      let g1 = g0 * cG.e + kG * d0 * dToG;
      if (g1 < 0) g1 = 0;
      G[i] = g1;

      const f0 = F[i]!;
      let fSat = 1 - f0 * invFMax;
      if (fSat < 0) fSat = 0;
      let f1 = f0 * cF.e + kF * fSat * (g0 * cF.a + (g1 - g0) * cF.b);
      if (f1 < 0) f1 = 0;
      F[i] = f1;

      // Collagen III → I maturation J = (C3/τ31)/(1 + (I/I_crit)²), slowed by inflammation (Dale et al. 1996).
      const col3 = C3[i]!;
      const col1 = C1[i]!;
      let cSat = 1 - (col3 + col1) * invCMax;
      if (cSat < 0) cSat = 0;
      const j0 = (col3 * invTau31) / (1 + i0 * i0 * invICrit2);
      const j1 = (col3 * invTau31) / (1 + i1 * i1 * invICrit2);
      const s30 = s3 * f0 * cSat - j0;
      const s31 = s3 * f1 * cSat - j1;
      let col3New = col3 * c3.e + s30 * c3.a + (s31 - s30) * c3.b;
      if (col3New < 0) col3New = 0;
      let col1New = col1 * c1.e + j0 * c1.a + (j1 - j0) * c1.b;
      if (col1New < 0) col1New = 0;
      C3[i] = col3New;
      C1[i] = col1New;

      const ep0 = Ep[i]!;
      const sEp0 = epGain * (col3 + col1);
      const sEp1 = epGain * (col3New + col1New);
      Ep[i] = ep0 * cEp.e + sEp0 * cEp.a + (sEp1 - sEp0) * cEp.b;

      const v0 = V[i]!;
      const v1 = 1 - (1 - v0) * eV;
      V[i] = v1;

      // Telangiectasia grows only while inflammation exceeds I_crit over damaged capillaries [I].
      const t0 = T[i]!;
      const tFree = 1 - t0;
      const x0 = i0 > iCrit ? kT * (i0 - iCrit) * (1 - v0) * tFree : 0;
      const x1 = i1 > iCrit ? kT * (i1 - iCrit) * (1 - v1) * tFree : 0;
      let t1 = t0 * cT.e + x0 * cT.a + (x1 - x0) * cT.b;
      if (t1 < 0) t1 = 0;
      else if (t1 > 1) t1 = 1;
      T[i] = t1;

      const pg0 = Pg[i]!;
      const q0 = i0 > iPih ? pigGain * (i0 - iPih) : 0;
      const q1 = i1 > iPih ? pigGain * (i1 - iPih) : 0;
      const pg1 = pg0 * cPg.e + q0 * cPg.a + (q1 - q0) * cPg.b;
      Pg[i] = pg1 > 0 ? pg1 : 0;
    }
  }

  /** One explicit diffusion substep with zero-flux borders. */
  private diffuse(field: FieldArray, alpha: number): void {
    const n = this.grid.cells;
    const src = this.diffusionScratch;
    src.set(field);
    for (let y = 0; y < n; y++) {
      const row = y * n;
      const up = y > 0 ? row - n : row;
      const down = y < n - 1 ? row + n : row;
      for (let x = 0; x < n; x++) {
        const i = row + x;
        const c = src[i]!;
        const left = x > 0 ? src[i - 1]! : c;
        const right = x < n - 1 ? src[i + 1]! : c;
        const lap = left + right + src[up + x]! + src[down + x]! - 4 * c;
        field[i] = c + alpha * lap;
      }
    }
  }
}
