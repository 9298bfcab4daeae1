import type { FieldArray, SkinFields } from '../src/engine/fields';
import type { Grid } from '../src/engine/grid';
import type { ModelParams } from '../src/engine/params';
import type { NaiveConstants } from './naiveEngine';

/**
 * The baseline of `integratorVsEuler`: the docs/model.md §6 system (the same equations as src/engine/dynamics.ts)
 * by explicit Euler on the same typed arrays, with the same lateral diffusion (explicit 5-point
 * stencil, substeps below its stability limit). Only the time integration differs, so the ratio
 * measures what the exponential integrator buys. The Euler step is not the stability limit (≈ 0.48 d)
 * but the largest step that meets the accuracy criterion the adaptive engine meets (bench/run.ts).
 */
export class EulerEngine {
  private readonly scratch: Float32Array;

  constructor(
    private readonly grid: Grid,
    private readonly k: NaiveConstants,
  ) {
    this.scratch = new Float32Array(grid.count);
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
    const invTau31 = 1 / p.tau31;
    const invICrit2 = 1 / (p.iCrit * p.iCrit);
    const { W, D, I, E, G, F, C3, C1, Ep, V, T, Pg } = f;
    const n = W.length;
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
      const j = (c3 * invTau31) / (1 + inf * inf * invICrit2);
      const cSat = Math.max(0, 1 - (c3 + c1) / p.cMax);
      W[i] = w - dt * w * invTauW;
      D[i] = d - dt * d * invTauD;
      I[i] = Math.max(0, inf + dt * (kI * (p.aW * w + d) - inf * invTauI));
      E[i] = Math.max(0, E[i]! + dt * (p.kE * inf - E[i]! * invTauE));
      G[i] = Math.max(0, g + dt * (p.kG * d - g * invTauG));
      F[i] = Math.max(0, fb + dt * (p.kF * g * Math.max(0, 1 - fb / p.fMax) - fb * invTauF));
      C3[i] = Math.max(0, c3 + dt * (s3 * fb * cSat - j - c3 * invTau3d));
      C1[i] = Math.max(0, c1 + dt * (j - c1 * invTauNeo));
      Ep[i] = Ep[i]! + dt * (p.kappaEp * (c3 + c1) - Ep[i]!) * invTauEpi;
      V[i] = v + dt * (1 - v) * invTauV;
      const growth = inf > p.iCrit ? p.kT * (inf - p.iCrit) * (1 - v) * (1 - t) : 0;
      T[i] = Math.min(1, Math.max(0, t + dt * (growth - t * invTauT)));
      const q = inf > p.iPih ? pigGain * (inf - p.iPih) : 0;
      Pg[i] = Math.max(0, Pg[i]! + dt * (q - Pg[i]! * invTauP));
    }
    const dLat = p.lateralDiffusionMm2PerDay;
    if (dLat > 0) {
      const pitch2 = this.grid.pitchMm * this.grid.pitchMm;
      const substeps = Math.max(1, Math.ceil((dt * 4 * dLat) / pitch2 / 0.9));
      const alpha = (dLat * dt) / substeps / pitch2;
      for (let s = 0; s < substeps; s++) {
        this.diffuse(f.I, alpha);
        this.diffuse(f.G, alpha);
      }
    }
  }

  private diffuse(field: FieldArray, alpha: number): void {
    const n = this.grid.cells;
    const src = this.scratch;
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
        field[i] = c + alpha * (left + right + src[up + x]! + src[down + x]! - 4 * c);
      }
    }
  }
}
