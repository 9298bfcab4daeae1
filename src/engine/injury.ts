import type { Anatomy } from './anatomy';
import { StaggeredArena } from './arena';
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
 * channel inside the dermis releases growth factors: the dermis bottom of docs/model.md §4),
 * u_vas = r·σ((δ − z_plx)/0.05 mm), bleeding b = r·σ((δ − z_cap)/0.05 mm), and the part below the
 * dermis u_sub = r·max(0, δ − (e + h_d))/0.62 mm, which bruises (purpura) instead of building collagen [I].
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
  injuryDoses(params, anatomy, depthMm, out);
  out.bleeding = bleedingOf(params, anatomy, depthMm);
  return out;
}

/**
 * The doses of one puncture: every factor of `injuryFactors` but the bleeding, which only the
 * puncture log (rendering) reads; the deposit of every puncture spares its exponential.
 */
export function injuryDoses(params: ModelParams, anatomy: Anatomy, depthMm: number, out: Omit<InjuryFactors, 'bleeding'>): void {
  const w = params.vesselHitWidthMm;
  const bottomMm = anatomy.epidermisMm + anatomy.dermisMm;
  const inDermisMm = depthMm < bottomMm ? depthMm : bottomMm;
  out.epidermal = Math.min(depthMm, anatomy.epidermisMm) / anatomy.epidermisMm;
  out.dermal = Math.max(0, inDermisMm - anatomy.capillaryLoopsMm) / params.dermalInjuryScaleMm;
  out.vascular = logistic((depthMm - anatomy.plexusMm) / w);
  out.subdermal = depthMm > bottomMm ? (depthMm - bottomMm) / params.dermalInjuryScaleMm : 0;
}

/** Probability-weighted bleeding b of one puncture per unit of reference dose: σ((δ − z_cap)/0.05 mm). */
export function bleedingOf(params: ModelParams, anatomy: Anatomy, depthMm: number): number {
  return logistic((depthMm - anatomy.capillaryLoopsMm) / params.vesselHitWidthMm);
}

/**
 * Places within a cell at which the kernel is tabulated, per axis (docs/model.md §4): a puncture's
 * position is taken to 1/256 of a cell — 0.001 mm at 160², 0.005 mm at 32², against σ_inj = 0.75 mm.
 */
export const KERNEL_OFFSETS = 256;

/**
 * The separable kernel of docs/model.md §4 along one axis, tabulated: row q holds the 2r + 1 weights of a puncture
 * at (q + ½)/KERNEL_OFFSETS of the way across its cell, w_k ∝ exp(−d_k²/2σ²) with d_k the distance
 * from the puncture to the centre of window cell k, normalised to sum 1 over the window. A deposit
 * then reads two rows instead of computing four exponentials (the 2-D weight is their product).
 */
export function kernelTable(sigmaMm: number, pitchMm: number, radiusCells: number): Float64Array {
  const n = 2 * radiusCells + 1;
  const table = new Float64Array(KERNEL_OFFSETS * n);
  const inv2s2 = 1 / (2 * sigmaMm * sigmaMm);
  for (let q = 0; q < KERNEL_OFFSETS; q++) {
    const within = (q + 0.5) / KERNEL_OFFSETS;
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const d = (k - radiusCells + 0.5 - within) * pitchMm;
      const w = Math.exp(-d * d * inv2s2);
      table[q * n + k] = w;
      sum += w;
    }
    for (let k = 0; k < n; k++) table[q * n + k]! /= sum;
  }
  return table;
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

/**
 * The injury of the current hour, and the jumps it makes (docs/model.md §5). Every stroke of an hour
 * deposits its punctures into per-cell totals (density and the epidermal, dermal, vascular and
 * below-dermis doses); `applyJumps` then sets the injured cells to a function of the state they had
 * before this hour's first jump (a snapshot) and these totals. The jumps are written so that they
 * depend on the totals only — sums, the saturating release through the remaining capacity, and
 * exponential hit factors — so applying them after every stroke, every pass or once for the whole
 * session gives the same bits: the state depends on the strokes, not on how often it is looked at.
 */
export class InjuryScratch {
  /**
   * Per-cell totals of the current hour, interleaved [density, u_epi, u_der, u_vas] per cell: a
   * puncture's kernel then touches one contiguous span per row instead of four.
   */
  private readonly totals: Float32Array;
  /** Below-dermis totals (rarely non-zero: kept apart). */
  readonly subdermal: Float32Array;
  /** The hour the totals belong to (NaN: none yet). */
  private totalsHour = Number.NaN;
  /** State before this hour's first jump, per injured cell (valid where lastInjuryHour = totalsHour). */
  private readonly snapW: Float32Array;
  private readonly snapD: Float32Array;
  private readonly snapR: Float32Array;
  private readonly snapPu: Float32Array;
  private readonly snapT: Float32Array;
  private readonly snapV: Float32Array;
  private readonly snapCapacity: Float32Array;
  private readonly snapDermal: Float32Array;
  private readonly snapVascular: Float32Array;
  private readonly snapDensity: Float32Array;
  /** Whether a deposit this hour went below the dermis (the bruising totals are read only then). */
  private anySubdermal = false;
  /** Bounding box of the cells touched this hour (inclusive), or empty when ix0 > ix1. */
  ix0 = 0;
  ix1 = -1;
  iy0 = 0;
  iy1 = -1;
  /** Bounding box of the cells touched since the last `applyJumps`: only their jumps can change. */
  private dx0 = 0;
  private dx1 = -1;
  private dy0 = 0;
  private dy1 = -1;
  /** Normalised kernel weights along one axis, one row of 2r + 1 per place within a cell (`kernelTable`). */
  private readonly kernel: Float64Array;
  private readonly factors: InjuryFactors = emptyInjuryFactors();

  constructor(
    private readonly grid: Grid,
    private readonly params: ModelParams,
    private readonly anatomy: Anatomy,
  ) {
    this.totals = new Float32Array(4 * grid.count);
    // applyJumps walks these eleven and the fields in step: staggered starts, as the fields (arena.ts).
    const arena = new StaggeredArena(grid.count, Array.from({ length: 11 }, () => 4 as const));
    this.subdermal = arena.float32();
    const snap = (): Float32Array => arena.float32();
    this.snapW = snap();
    this.snapD = snap();
    this.snapR = snap();
    this.snapPu = snap();
    this.snapT = snap();
    this.snapV = snap();
    this.snapCapacity = snap();
    this.snapDermal = snap();
    this.snapVascular = snap();
    this.snapDensity = snap();
    this.kernel = kernelTable(params.injurySigmaMm, grid.pitchMm, this.radiusCells());
  }

  /** This hour's puncture density per cell, punctures/cm² (a copy, for tests and tools). */
  get density(): Float32Array {
    const out = new Float32Array(this.grid.count);
    for (let i = 0; i < out.length; i++) out[i] = this.totals[4 * i]!;
    return out;
  }

  /** Kernel half-width in cells: 3σ (≥ 1 cell). */
  radiusCells(): number {
    return Math.max(1, Math.ceil((3 * this.params.injurySigmaMm) / this.grid.pitchMm));
  }

  /**
   * Deposits every puncture of `punctures` as a normalised Gaussian of σ_inj (docs/model.md §4). The weights are
   * normalised over the whole discrete window, on or off the patch, so each puncture carries exactly
   * one puncture of density whatever the pitch; the part falling off the patch is dropped. They come
   * from `kernelTable`: the puncture's place within its cell is taken to 1/KERNEL_OFFSETS of a cell.
   */
  deposit(punctures: PunctureBuffer, hour = this.totalsHour): void {
    if (!(hour === this.totalsHour)) this.startHour(hour);
    const { cells, pitchMm, cellAreaCm2 } = this.grid;
    const radius = this.radiusCells();
    const n = 2 * radius + 1;
    const perReference = 1 / this.params.referenceDensityPerCm2;
    const { kernel, factors } = this;
    // Punctures per cm² carried by a unit weight (the tabulated weights of each axis sum to 1).
    const scale = 1 / cellAreaCm2;
    const invPitch = 1 / pitchMm;
    for (let p = 0; p < punctures.count; p++) {
      const fx = punctures.xMm[p]! * invPitch;
      const fy = punctures.yMm[p]! * invPitch;
      const cx = Math.floor(fx);
      const cy = Math.floor(fy);
      const x0 = cx - radius;
      const y0 = cy - radius;
      if (x0 + n <= 0 || y0 + n <= 0 || x0 >= cells || y0 >= cells) continue;
      // The row of the kernel table for the puncture's place within its cell, along each axis.
      let qx = Math.floor((fx - cx) * KERNEL_OFFSETS);
      let qy = Math.floor((fy - cy) * KERNEL_OFFSETS);
      if (qx >= KERNEL_OFFSETS) qx = KERNEL_OFFSETS - 1;
      if (qy >= KERNEL_OFFSETS) qy = KERNEL_OFFSETS - 1;
      const wx = qx * n;
      const wy = qy * n;
      injuryDoses(this.params, this.anatomy, punctures.depthMm[p]!, factors);
      const kx0 = Math.max(0, -x0);
      const kx1 = Math.min(n - 1, cells - 1 - x0);
      const ky0 = Math.max(0, -y0);
      const ky1 = Math.min(n - 1, cells - 1 - y0);
      const fEpi = factors.epidermal * perReference;
      const fDer = factors.dermal * perReference;
      const fVas = factors.vascular * perReference;
      const fSub = factors.subdermal * perReference;
      const acc = this.totals;
      for (let ky = ky0; ky <= ky1; ky++) {
        const row = (y0 + ky) * cells + x0;
        const wyk = kernel[wy + ky]! * scale;
        const kEnd = wx + kx1;
        for (let k = wx + kx0, j = 4 * (row + kx0); k <= kEnd; k++, j += 4) {
          const density = kernel[k]! * wyk;
          acc[j]! += density;
          acc[j + 1]! += density * fEpi;
          acc[j + 2]! += density * fDer;
          acc[j + 3]! += density * fVas;
        }
      }
      if (fSub > 0) {
        // Only needles that pass the dermis bruise (most never do).
        this.anySubdermal = true;
        for (let ky = ky0; ky <= ky1; ky++) {
          const row = (y0 + ky) * cells + x0;
          const wyk = kernel[wy + ky]! * scale;
          for (let kx = kx0; kx <= kx1; kx++) this.subdermal[row + kx]! += kernel[wx + kx]! * wyk * fSub;
        }
      }
      this.extendBox(x0 + kx0, x0 + kx1, y0 + ky0, y0 + ky1);
    }
  }

  /** A new hour: the totals of the last one are in the state already; start from zero. */
  private startHour(hour: number): void {
    if (this.ix0 <= this.ix1) {
      const { cells } = this.grid;
      for (let iy = this.iy0; iy <= this.iy1; iy++) {
        const a = iy * cells + this.ix0;
        const b = iy * cells + this.ix1 + 1;
        this.totals.fill(0, 4 * a, 4 * b);
        this.subdermal.fill(0, a, b);
      }
    }
    this.ix0 = 0;
    this.ix1 = -1;
    this.iy0 = 0;
    this.iy1 = -1;
    this.dx0 = 0;
    this.dx1 = -1;
    this.dy0 = 0;
    this.dy1 = -1;
    this.anySubdermal = false;
    this.totalsHour = hour;
  }

  /** Forgets the current hour (fresh skin). */
  reset(): void {
    this.startHour(Number.NaN);
  }

  private extendBox(ax: number, bx: number, ay: number, by: number): void {
    if (this.dx0 > this.dx1) {
      this.dx0 = ax;
      this.dx1 = bx;
      this.dy0 = ay;
      this.dy1 = by;
    } else {
      if (ax < this.dx0) this.dx0 = ax;
      if (bx > this.dx1) this.dx1 = bx;
      if (ay < this.dy0) this.dy0 = ay;
      if (by > this.dy1) this.dy1 = by;
    }
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
   * The jumps of docs/model.md §5 for every cell injured this hour, from its snapshot (the state
   * before this hour's first jump) and this hour's totals u:
   *   W = W⁻ + u_epi + u_der;  R = R⁻ + k_R·(u_epi + u_der);  Pu = Pu⁻ + u_sub;
   *   D = D⁻ + (q⁻ − q)/norm with the capacity q = q⁻·e^(−u_der/u_sat) (saturating release);
   *   V = V⁻·e^(−c_v·u_vas − c_dv·u_sub);
   *   1 − T = (1 − T⁻)·e^(−c_re·(1 − V_s)·u_vas − c_agg·Δmax(0, U_vas − u_crit) − c_dT·u_sub),
   * V_s the integrity when the session reached the cell, U_vas the session's vascular dose, u_sub the
   * channel length below the dermis, which injures the deep plexus (third revision, M5 [I]). The
   * exponential forms are the many-small-hits limits of V·(1 − c_v·u) and T + c_re·u·(1 − V_s)(1 − T)
   * (equal to first order in one pass's dose) and, unlike those, do not depend on how the dose is split.
   * A cell injured after ≥ the session gap starts a new session: V_s, U_der, U_vas and q restart.
   * Idempotent within an hour: call it after every stroke or once for many; it visits the cells
   * touched since its last call.
   */
  applyJumps(f: SkinFields, hour: number, params: ModelParams): void {
    if (this.dx0 > this.dx1) return;
    if (!(hour === this.totalsHour)) throw new Error(`jumps for hour ${hour}, but the totals belong to hour ${this.totalsHour}`);
    const { cells } = this.grid;
    const gap = params.sessionGapHours;
    const { kR, uSat, uCrit, cAgg, cRe, cV, cDeepV, cDeepT } = params;
    const invUSat = 1 / uSat;
    const invNorm = 1 / -Math.expm1(-invUSat);
    const { totals, subdermal } = this;
    const { snapW, snapD, snapR, snapPu, snapT, snapV, snapCapacity, snapDermal, snapVascular, snapDensity } = this;
    const { W, D, R, Pu, T, V, vSession, lastInjuryHour, sessionDermal, sessionVascular, sessionDensity, growthCapacity } = f;
    const bruises = this.anySubdermal;
    // Cells outside the dirty box already hold f(snapshot, totals) with unchanged totals.
    for (let iy = this.dy0; iy <= this.dy1; iy++) {
      const row = iy * cells;
      for (let ix = this.dx0; ix <= this.dx1; ix++) {
        const i = row + ix;
        const j = 4 * i;
        const n = totals[j]!;
        if (n <= 0) continue;
        if (lastInjuryHour[i] !== hour) {
          // This hour's first jump here: a new session if the last injury is ≥ the gap ago.
          if (hour - lastInjuryHour[i]! >= gap) {
            vSession[i] = V[i]!;
            sessionDermal[i] = 0;
            sessionVascular[i] = 0;
            growthCapacity[i] = 1;
          }
          lastInjuryHour[i] = hour;
          snapW[i] = W[i]!;
          snapD[i] = D[i]!;
          snapR[i] = R[i]!;
          snapPu[i] = Pu[i]!;
          snapT[i] = T[i]!;
          snapV[i] = V[i]!;
          snapCapacity[i] = growthCapacity[i]!;
          snapDermal[i] = sessionDermal[i]!;
          snapVascular[i] = sessionVascular[i]!;
          snapDensity[i] = sessionDensity[i]!;
        }
        const uEpi = totals[j + 1]!;
        const uDer = totals[j + 2]!;
        const uVas = totals[j + 3]!;
        W[i] = snapW[i]! + uEpi + uDer;
        R[i] = snapR[i]! + kR * (uEpi + uDer);
        if (bruises) Pu[i] = snapPu[i]! + subdermal[i]!;
        // Saturating release: what is left of the session's capacity e^(−U_der/u_sat) after this hour.
        const q0 = snapCapacity[i]!;
        const q = uDer > 0 ? q0 * Math.exp(-uDer * invUSat) : q0;
        growthCapacity[i] = q;
        D[i] = snapD[i]! + (q0 - q) * invNorm;
        sessionDermal[i] = snapDermal[i]! + uDer;
        const vasBefore = snapVascular[i]!;
        const vasAfter = vasBefore + uVas;
        sessionVascular[i] = vasAfter;
        // Telangiectasia: re-injury of capillaries not recovered since the session began, and a
        // session past u_crit breaking them by itself.
        let exponent = cRe * (1 - vSession[i]!) * uVas;
        if (vasAfter > uCrit) exponent += cAgg * (vasAfter - (vasBefore > uCrit ? vasBefore : uCrit));
        // The deep plexus: channels below the dermis break vessels there too (M5, docs/model.md §5).
        const uSub = bruises ? subdermal[i]! : 0;
        exponent += cDeepT * uSub;
        const t0 = snapT[i]!;
        T[i] = exponent > 0 ? 1 - (1 - t0) * Math.exp(-exponent) : t0;
        const vLoss = cV * uVas + cDeepV * uSub;
        V[i] = vLoss > 0 ? snapV[i]! * Math.exp(-vLoss) : snapV[i]!;
        sessionDensity[i] = snapDensity[i]! + n;
      }
    }
    this.dx0 = 0;
    this.dx1 = -1;
    this.dy0 = 0;
    this.dy1 = -1;
  }
}
