import type { Anatomy } from './anatomy';
import type { SkinFields } from './fields';
import type { Grid } from './grid';
import type { ModelParams } from './params';
import type { PunctureBuffer } from './roller';

/** Logistic function σ(x). */
export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * Injury of one puncture of depth δ per unit of reference dose (docs/model.md §4). With r = N/250:
 * u_epi = r·min(δ, e)/e, u_der = r·max(0, min(δ, e + h_d) − z_cap)/0.62 mm (only the part of the
 * channel inside the dermis releases growth factors, §5), u_vas = r·σ((δ − z_plx)/0.05 mm),
 * bleeding b = r·σ((δ − z_cap)/0.05 mm), and the part below the dermis
 * u_sub = r·max(0, δ − (e + h_d))/0.62 mm, which bruises (purpura) instead of building collagen [I].
 */
export interface InjuryFactors {
  epidermal: number;
  dermal: number;
  vascular: number;
  bleeding: number;
  /** Channel length below the dermis per 0.62 mm (0 unless the needle passes the dermis). */
  subdermal: number;
}

export function emptyInjuryFactors(): InjuryFactors {
  return { epidermal: 0, dermal: 0, vascular: 0, bleeding: 0, subdermal: 0 };
}

export function injuryFactors(params: ModelParams, anatomy: Anatomy, depthMm: number, out: InjuryFactors): InjuryFactors {
  const w = params.vesselHitWidthMm;
  const bottomMm = anatomy.epidermisMm + anatomy.dermisMm;
  const inDermisMm = depthMm < bottomMm ? depthMm : bottomMm;
  out.epidermal = Math.min(depthMm, anatomy.epidermisMm) / anatomy.epidermisMm;
  out.dermal = Math.max(0, inDermisMm - anatomy.capillaryLoopsMm) / params.dermalInjuryScaleMm;
  out.vascular = logistic((depthMm - anatomy.plexusMm) / w);
  out.bleeding = logistic((depthMm - anatomy.capillaryLoopsMm) / w);
  out.subdermal = depthMm > bottomMm ? (depthMm - bottomMm) / params.dermalInjuryScaleMm : 0;
  return out;
}

/**
 * Growth-factor release of a session's accumulated raw dermal dose u (reference doses), saturating
 * and normalised so that one reference dose is unchanged (docs/model.md §5) [I]:
 * S(u) = (1 − e^(−u/u_sat)) / (1 − e^(−1/u_sat)). Applied as S(after) − S(before) per stroke, so
 * stroke-by-stroke delivery telescopes to the same total as one big dose.
 */
export function saturatedDermalDose(u: number, uSat: number): number {
  return -Math.expm1(-u / uSat) / -Math.expm1(-1 / uSat);
}

/** Scratch fields that collect one stroke's injury before the jumps are applied. */
export class InjuryScratch {
  readonly epidermal: Float32Array;
  readonly dermal: Float32Array;
  readonly vascular: Float32Array;
  readonly subdermal: Float32Array;
  readonly density: Float32Array;
  /** Bounding box of touched cells (inclusive), or empty when ix0 > ix1. */
  ix0 = 0;
  ix1 = -1;
  iy0 = 0;
  iy1 = -1;
  private readonly wx: Float64Array;
  private readonly wy: Float64Array;
  private readonly factors: InjuryFactors = emptyInjuryFactors();

  constructor(
    private readonly grid: Grid,
    private readonly params: ModelParams,
    private readonly anatomy: Anatomy,
  ) {
    this.epidermal = new Float32Array(grid.count);
    this.dermal = new Float32Array(grid.count);
    this.vascular = new Float32Array(grid.count);
    this.subdermal = new Float32Array(grid.count);
    this.density = new Float32Array(grid.count);
    const window = 2 * this.radiusCells() + 2;
    this.wx = new Float64Array(window);
    this.wy = new Float64Array(window);
  }

  /** Kernel half-width in cells: 3σ (≥ 1 cell). */
  radiusCells(): number {
    return Math.max(1, Math.ceil((3 * this.params.injurySigmaMm) / this.grid.pitchMm));
  }

  /**
   * Deposits every puncture of `punctures` as a normalised Gaussian of σ_inj (§3). The weights are
   * normalised over the whole discrete window, on or off the patch, so each puncture carries exactly
   * one puncture of density whatever the pitch; the part falling off the patch is dropped.
   */
  deposit(punctures: PunctureBuffer): void {
    const { cells, pitchMm, cellAreaCm2 } = this.grid;
    const sigma = this.params.injurySigmaMm;
    const inv2s2 = 1 / (2 * sigma * sigma);
    const radius = this.radiusCells();
    const perReference = 1 / this.params.referenceDensityPerCm2;
    const { wx, wy, factors } = this;
    for (let p = 0; p < punctures.count; p++) {
      const px = punctures.xMm[p]!;
      const py = punctures.yMm[p]!;
      const cx = Math.floor(px / pitchMm);
      const cy = Math.floor(py / pitchMm);
      const x0 = cx - radius;
      const y0 = cy - radius;
      const n = 2 * radius + 1;
      if (x0 + n <= 0 || y0 + n <= 0 || x0 >= cells || y0 >= cells) continue;
      let sx = 0;
      let sy = 0;
      for (let k = 0; k < n; k++) {
        const ddx = (x0 + k + 0.5) * pitchMm - px;
        const ddy = (y0 + k + 0.5) * pitchMm - py;
        const a = Math.exp(-ddx * ddx * inv2s2);
        const b = Math.exp(-ddy * ddy * inv2s2);
        wx[k] = a;
        wy[k] = b;
        sx += a;
        sy += b;
      }
      injuryFactors(this.params, this.anatomy, punctures.depthMm[p]!, factors);
      // Punctures per cm² carried by a unit weight.
      const scale = 1 / (sx * sy * cellAreaCm2);
      const kx0 = Math.max(0, -x0);
      const kx1 = Math.min(n - 1, cells - 1 - x0);
      const ky0 = Math.max(0, -y0);
      const ky1 = Math.min(n - 1, cells - 1 - y0);
      for (let ky = ky0; ky <= ky1; ky++) {
        const row = (y0 + ky) * cells + x0;
        const wyk = wy[ky]! * scale;
        for (let kx = kx0; kx <= kx1; kx++) {
          const i = row + kx;
          const density = wx[kx]! * wyk;
          const r = density * perReference;
          this.density[i]! += density;
          this.epidermal[i]! += r * factors.epidermal;
          this.dermal[i]! += r * factors.dermal;
          this.vascular[i]! += r * factors.vascular;
          this.subdermal[i]! += r * factors.subdermal;
        }
      }
      this.extendBox(x0 + kx0, x0 + kx1, y0 + ky0, y0 + ky1);
    }
  }

  private extendBox(ax: number, bx: number, ay: number, by: number): void {
    if (this.ix0 > this.ix1) {
      this.ix0 = ax;
      this.ix1 = bx;
      this.iy0 = ay;
      this.iy1 = by;
      return;
    }
    if (ax < this.ix0) this.ix0 = ax;
    if (bx > this.ix1) this.ix1 = bx;
    if (ay < this.iy0) this.iy0 = ay;
    if (by > this.iy1) this.iy1 = by;
  }

  /**
   * The jumps of docs/model.md §5 for every touched cell, then clears the scratch:
   *   W += u_epi + u_der;  D += ΔS(u_der) (saturating growth-factor release);  R += k_R·(u_epi + u_der);
   *   T += c_re·u_vas·(1 − V⁻)(1 − T);  V ← V·(1 − c_v·u_vas);  Pu += u_sub;
   *   and, once the session's local u_vas passes u_crit, 1 − T ← (1 − T)·e^(−c_agg·Δexcess).
   * The last is T += c_agg·max(0, u_vas − u_crit)·(1 − T) in a form that telescopes exactly over the
   * strokes of a session (equal to first order, and never above 1).
   * V⁻ and the session's dose totals are re-read when the cell had no injury for ≥ the session gap,
   * so that the passes of one session do not damage capillaries by re-injury; too hard a session
   * (u_vas > u_crit) or re-injury before recovery does.
   */
  applyJumps(f: SkinFields, hour: number, params: ModelParams): void {
    if (this.ix0 > this.ix1) return;
    const { cells } = this.grid;
    const gap = params.sessionGapHours;
    const { kR, uSat, uCrit, cAgg, cRe, cV } = params;
    const invUSat = 1 / uSat;
    const invNorm = 1 / -Math.expm1(-invUSat);
    for (let iy = this.iy0; iy <= this.iy1; iy++) {
      for (let ix = this.ix0; ix <= this.ix1; ix++) {
        const i = iy * cells + ix;
        const density = this.density[i]!;
        if (density <= 0) continue;
        if (hour - f.lastInjuryHour[i]! >= gap) {
          f.vSession[i] = f.V[i]!;
          f.sessionDermal[i] = 0;
          f.sessionVascular[i] = 0;
        }
        f.lastInjuryHour[i] = hour;
        const uEpi = this.epidermal[i]!;
        const uDer = this.dermal[i]!;
        const uVas = this.vascular[i]!;
        // Saturating release: S(before + u) − S(before) = e^(−before/u_sat)·(1 − e^(−u/u_sat))/norm.
        const derBefore = f.sessionDermal[i]!;
        const uDerEff = uDer > 0 ? Math.exp(-derBefore * invUSat) * -Math.expm1(-uDer * invUSat) * invNorm : 0;
        f.sessionDermal[i] = derBefore + uDer;
        f.W[i] = f.W[i]! + uEpi + uDer;
        f.D[i] = f.D[i]! + uDerEff;
        f.R[i] = f.R[i]! + kR * (uEpi + uDer);
        f.Pu[i] = f.Pu[i]! + this.subdermal[i]!;
        let t = f.T[i]!;
        t = Math.min(1, t + cRe * uVas * (1 - f.vSession[i]!) * (1 - t));
        const vasBefore = f.sessionVascular[i]!;
        const vasAfter = vasBefore + uVas;
        f.sessionVascular[i] = vasAfter;
        if (vasAfter > uCrit && cAgg > 0) {
          const excess = vasAfter - (vasBefore > uCrit ? vasBefore : uCrit);
          t = 1 - (1 - t) * Math.exp(-cAgg * excess);
        }
        f.T[i] = t;
        f.V[i] = Math.max(0, f.V[i]! * (1 - Math.min(1, cV * uVas)));
        f.sessionDensity[i]! += density;
        this.density[i] = 0;
        this.epidermal[i] = 0;
        this.dermal[i] = 0;
        this.vascular[i] = 0;
        this.subdermal[i] = 0;
      }
    }
    this.ix0 = 0;
    this.ix1 = -1;
    this.iy0 = 0;
    this.iy1 = -1;
  }
}
