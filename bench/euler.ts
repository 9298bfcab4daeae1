import type { FieldArray, SkinFields } from '../src/engine/fields';
import type { Grid } from '../src/engine/grid';
import type { ModelParams } from '../src/engine/params';
import type { NaiveConstants } from './naiveEngine';

/**
 * The baseline of `integratorVsEuler`: the system of docs/model.md §6 that src/engine/dynamics.ts
 * integrates — the same right-hand sides, including the flare R and the purpura Pu that only decay
 * between injuries, the maturation slowed by inflammation, (1 − T) in the telangiectasia source, and
 * the third revision's oxygen-limited synthesis and matrix breakdown —
 * by explicit Euler on the same typed arrays, with the same lateral diffusion (the isotropic 9-point
 * stencil, substeps within 0.9 of its stability limit, skipped when I and G stay below the same
 * floor). Only the time integration differs, so the ratio measures what the engine's integrator buys.
 *
 * Accuracy criterion (bench/engine.ts `eulerFigure`): the Euler step is not its stability limit
 * (2·τ_R = 6 h for the flare, ≈ 0.48 d without it) but the largest step of a fixed list whose patch
 * means stay within 0.005 of the engine's 1-hour trajectory on every output series and every day of
 * the 28 days after a reference session — the tolerance the engine's own stepping is held to against
 * fixed 1-hour steps (`adaptiveMaxDelta`, ≤ 0.005).
 */
export class EulerEngine {
  private readonly scratch: Float64Array;

  constructor(
    private readonly grid: Grid,
    private readonly k: NaiveConstants,
  ) {
    this.scratch = new Float64Array(grid.count);
  }

  /** Advances `f` by `days` in steps of `dtDays`. */
  run(f: SkinFields, days: number, dtDays: number): void {
    const steps = Math.round(days / dtDays);
    for (let s = 0; s < steps; s++) this.step(f, dtDays);
  }

  step(f: SkinFields, dt: number): void {
    const p: ModelParams = this.k.params;
    const kI = p.kI * this.k.inflammationFactor;
    const s3 = p.s3 * this.k.s3Factor;
    const pigGain = p.kP * this.k.phi;
    const invTauW = 1 / p.tauW;
    const invTauD = 1 / p.tauD;
    const invTauI = 1 / p.tauI;
    const invTauE = 1 / p.tauE;
    const invTauG = 1 / p.tauG;
    const invTauF = 1 / p.tauF;
    const invTau3d = 1 / p.tau3d;
    const invTauNeo = 1 / p.tauNeo;
    const invTauEpi = 1 / p.tauEpi;
    const invTauV = 1 / p.tauV;
    const invTauT = 1 / p.tauT;
    const invTauP = 1 / p.tauP;
    const invTauR = 1 / p.tauR;
    const invTauPu = 1 / p.tauPurpura;
    const invTau31 = 1 / p.tau31;
    const invICrit2 = 1 / (p.iCrit * p.iCrit);
    const { W, D, I, E, G, F, C3, C1, Ep, V, T, Pg, R, Pu } = f;
    const n = W.length;
    let maxI = 0;
    let maxG = 0;
    for (let i = 0; i < n; i++) {
      const w = W[i]!;
      const d = D[i]!;
      const inf = I[i]!;
      const g = G[i]!;
      const fb = F[i]!;
      const c3 = C3[i]!;
      const c1 = C1[i]!;
      const v = V[i]!;
      const t = T[i]!;
      // Maturation C3 → C1 slowed by inflammation (Dale et al. 1996): J = (C3/τ31)/(1 + (I/I_crit)²).
      const j = (c3 * invTau31) / (1 + inf * inf * invICrit2);
      const cSat = Math.max(0, 1 - (c3 + c1) / p.cMax);
      // Oxygen-limited synthesis and matrix breakdown while inflamed (docs/model.md §6, third revision).
      const oxygen = Math.min(1, Math.max(0, v * (1 - p.betaT * t))) ** p.oxygenExponent;
      const breakdown = inf > p.iMmp ? p.kMmp * (inf - p.iMmp) : 0;
      W[i] = w - dt * w * invTauW;
      D[i] = d - dt * d * invTauD;
      R[i] = R[i]! - dt * R[i]! * invTauR;
      Pu[i] = Pu[i]! - dt * Pu[i]! * invTauPu;
      const i1 = Math.max(0, inf + dt * (kI * (p.aW * w + d) - inf * invTauI));
      I[i] = i1;
      if (i1 > maxI) maxI = i1;
      E[i] = Math.max(0, E[i]! + dt * (p.kE * this.k.oedemaGain * inf - E[i]! * invTauE));
      const g1 = Math.max(0, g + dt * (p.kG * d - g * invTauG));
      G[i] = g1;
      if (g1 > maxG) maxG = g1;
      F[i] = Math.max(0, fb + dt * (p.kF * g * Math.max(0, 1 - fb / p.fMax) - fb * invTauF));
      C3[i] = Math.max(0, c3 + dt * (s3 * oxygen * fb * cSat - j - c3 * invTau3d - breakdown * c3));
      C1[i] = Math.max(0, c1 + dt * (j - c1 * invTauNeo - p.epsMmp * breakdown * c1));
      Ep[i] = Ep[i]! + dt * (p.kappaEp * (c3 + c1) - Ep[i]!) * invTauEpi;
      V[i] = v + dt * (1 - v) * invTauV;
      const growth = inf > p.iCrit ? p.kT * (inf - p.iCrit) * (1 - v) * (1 - t) : 0;
      T[i] = Math.min(1, Math.max(0, t + dt * (growth - t * invTauT)));
      const q = inf > p.iPih ? pigGain * (inf - p.iPih) : 0;
      Pg[i] = Math.max(0, Pg[i]! + dt * (q - Pg[i]! * invTauP));
    }
    const dLat = p.lateralDiffusionMm2PerDay;
    if (dLat > 0 && (maxI >= p.diffusionFloor || maxG >= p.diffusionFloor)) {
      const pitch2 = this.grid.pitchMm * this.grid.pitchMm;
      const substeps = Math.max(1, Math.ceil((dt * dLat) / pitch2 / (0.9 * 0.375)));
      const alpha = (dLat * dt) / substeps / pitch2;
      for (let s = 0; s < substeps; s++) {
        this.diffuse(f.I, alpha);
        this.diffuse(f.G, alpha);
      }
    }
  }

  /** One substep of the isotropic 9-point Laplacian (Patra & Karttunen 2006), mirrored borders, as dynamics.ts. */
  private diffuse(field: FieldArray, alpha: number): void {
    const n = this.grid.cells;
    const src = this.scratch;
    src.set(field);
    const k = alpha / 6;
    for (let y = 0; y < n; y++) {
      const row = y * n;
      const up = y > 0 ? row - n : row;
      const down = y < n - 1 ? row + n : row;
      for (let x = 0; x < n; x++) {
        const l = x > 0 ? x - 1 : x;
        const r = x < n - 1 ? x + 1 : x;
        const c = src[row + x]!;
        const edges = src[row + l]! + src[row + r]! + src[up + x]! + src[down + x]!;
        const corners = src[up + l]! + src[up + r]! + src[down + l]! + src[down + r]!;
        field[row + x] = c + k * (4 * edges + corners - 20 * c);
      }
    }
  }
}
