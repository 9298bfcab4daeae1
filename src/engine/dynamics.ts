import type { FieldArray, SkinFields } from './fields';
import type { Grid } from './grid';
import { inflammationAfter } from './integrator';
import type { ModelParams } from './params';
import { quietWeights, stepWeights, type QuietWeights, type StepWeights } from './stepWeights';

/** Per-run constants of the dynamics (parameters after condition hooks and patient variation). */
export interface DynamicsConstants {
  readonly params: ModelParams;
  /** Phototype PIH susceptibility φ (docs/model.md §6, §11). */
  readonly phi: number;
  /** Multiplier on k_I (override of a blocking contraindication, docs/model.md §9). */
  readonly inflammationFactor: number;
  /** Per-patient response factor on s3 (docs/model.md §10). */
  readonly s3Factor: number;
  /** The region's oedema gain g_E on k_E (docs/model.md §6) [I]. */
  readonly oedemaGain: number;
}

/**
 * How φ = base^n_O2 is computed (docs/model.md §6, oxygen-limited synthesis): the default n_O2 = 1.5
 * is base·√base, several times cheaper than Math.pow in a loop over every cell; other exponents
 * (parameter files, the sensitivity run) take the general path. Plain numbers, read once per step.
 */
const POWER_THREE_HALVES = 0;
const POWER_ONE = 1;
const POWER_TWO = 2;
const POWER_GENERAL = 3;

function oxygenPowerOf(n: number): number {
  return n === 1.5 ? POWER_THREE_HALVES : n === 1 ? POWER_ONE : n === 2 ? POWER_TWO : POWER_GENERAL;
}

/** φ = base^n for base in [0, 1]: perfused, intact tissue (base 1) synthesises at the full rate. */
function oxygenFactor(base: number, power: number, n: number): number {
  if (base >= 1) return 1;
  if (base <= 0) return 0;
  if (power === POWER_THREE_HALVES) return base * Math.sqrt(base);
  if (power === POWER_ONE) return base;
  if (power === POWER_TWO) return base * base;
  return Math.pow(base, n);
}

/** Patch-mean facts of the state after a step, gathered in the reaction loop at no extra pass. */
export interface StepFacts {
  /** Largest I and G anywhere (lateral diffusion is skipped when both stay below `diffusionFloor`). */
  maxI: number;
  maxG: number;
  /** Whether lateral diffusion ran in the step. */
  diffused: boolean;
}

const weightCache = new Map<string, StepWeights>();

/** Step weights for h, shared by every simulation with the same time constants (cohort patients). */
function cachedWeights(p: ModelParams, hDays: number): StepWeights {
  const key = [hDays, p.tauW, p.tauD, p.tauI, p.tauE, p.tauG, p.tauF, p.tau3d, p.tau31, p.tauNeo, p.tauEpi, p.tauT, p.tauP, p.tauV, p.tauR, p.tauPurpura].join('|');
  let w = weightCache.get(key);
  if (w === undefined) {
    if (weightCache.size > 256) weightCache.clear();
    w = stepWeights(p, hDays);
    weightCache.set(key, w);
  }
  return w;
}

/**
 * Advances all fields by h days (docs/model.md §6, §8). Over a step:
 *  - W, D, R, Pu, V decay or relax exactly; I and G receive their exact transfers from W and D, and
 *    E the exact transfer of I (so erythema, oedema and growth factors are exact for any h);
 *  - F receives G's exact transfer with its logistic factor taken linear in time (predictor–corrector);
 *  - C3, C1, Ep, T and Pg take their sources as the quadratic through the start, middle and end of the
 *    step, the middle values coming from the closed forms (third-order accurate in smooth sources);
 *  - the collagen cap and (1 − T) are frozen at the start (they move over weeks).
 * States are clamped ≥ 0, V and T to [0, 1], tiny fast values flushed to zero. No allocation, no
 * closures and no Math.exp per cell. Lateral diffusion of I and G follows (operator splitting) unless
 * both stay below `diffusionFloor` everywhere.
 */
export class Dynamics {
  /** Row copies for the diffusion substep; each call writes a row before it reads it, so I and G share them. */
  private readonly rowAbove: FieldArray;
  private readonly rowHere: FieldArray;
  readonly facts: StepFacts = { maxI: 0, maxG: 0, diffused: false };
  /**
   * Whether any cell may hold a non-zero inflammatory pool (W, D, I, E, R) or growth factor /
   * fibroblast (G, F). Both are found in the reaction loop; injury sets them (`wake`). When neither
   * holds, a step reads and writes the slow pools only. Fresh fields are at the untreated baseline,
   * where every fast pool is zero.
   */
  private inflamedAny = false;
  private growingAny = false;
  private readonly weightsByH = new Map<number, StepWeights>();
  private readonly quietByH = new Map<number, QuietWeights>();

  constructor(
    private readonly grid: Grid,
    private readonly k: DynamicsConstants,
    precision: 'float32' | 'float64',
  ) {
    const row = (): FieldArray => (precision === 'float64' ? new Float64Array(grid.cells) : new Float32Array(grid.cells));
    this.rowAbove = row();
    this.rowHere = row();
  }

  weights(hDays: number): StepWeights {
    let w = this.weightsByH.get(hDays);
    if (w === undefined) {
      w = cachedWeights(this.k.params, hDays);
      this.weightsByH.set(hDays, w);
    }
    return w;
  }

  /** The quiet propagator over h alone (`StepWeights.quiet` without the other weights): samples inside a quiet step. */
  quietWeights(hDays: number): QuietWeights {
    let w = this.quietByH.get(hDays);
    if (w === undefined) {
      w = quietWeights(this.k.params, hDays);
      this.quietByH.set(hDays, w);
    }
    return w;
  }

  /** Injury changed the fields: the next step must look at every pool. */
  wake(): void {
    this.inflamedAny = true;
    this.growingAny = true;
  }

  /** The fields are back at the untreated baseline (every fast pool zero). */
  rest(): void {
    this.inflamedAny = false;
    this.growingAny = false;
  }

  /** False when every inflammatory pool (W, D, I, E, R) of every cell is zero. */
  get inflamed(): boolean {
    return this.inflamedAny;
  }

  /** True when every fast pool of every cell is zero (only the slow pools move). */
  get quiet(): boolean {
    return !this.inflamedAny && !this.growingAny;
  }

  /** One step of h days. */
  step(f: SkinFields, hDays: number): void {
    const w = this.weights(hDays);
    if (this.quiet) {
      this.reactQuiet(f, w);
      this.facts.maxI = 0;
      this.facts.maxG = 0;
    } else if (!this.inflamedAny) {
      this.reactSettled(f, w);
      this.facts.maxI = 0;
    } else {
      this.react(f, w);
    }
    const p = this.k.params;
    const dLat = p.lateralDiffusionMm2PerDay;
    const floor = p.diffusionFloor;
    this.facts.diffused = false;
    if (dLat > 0 && (this.facts.maxI >= floor || this.facts.maxG >= floor)) {
      // The explicit 9-point stencil is stable for D·Δt/Δx² ≤ 3/8; split the step to stay within 0.9 of it.
      const pitch2 = this.grid.pitchMm * this.grid.pitchMm;
      const substeps = Math.max(1, Math.ceil((hDays * dLat) / pitch2 / (0.9 * 0.375)));
      const alpha = (dLat * hDays) / substeps / pitch2;
      for (let s = 0; s < substeps; s++) this.diffuse(f.I, f.G, alpha);
      this.facts.diffused = true;
    }
  }

  private react(f: SkinFields, c: StepWeights): void {
    const p = this.k.params;
    const kIq = p.kI * this.k.inflammationFactor;
    const { aW, kG, kF, iCrit, kT, iPih, betaT, oxygenExponent, kMmp, iMmp, epsMmp } = p;
    const kE = p.kE * this.k.oedemaGain;
    const o2Power = oxygenPowerOf(oxygenExponent);
    const invFMax = 1 / p.fMax;
    const invCMax = 1 / p.cMax;
    const s3 = p.s3 * this.k.s3Factor;
    const r31 = 1 / p.tau31;
    const r3d = 1 / p.tau3d;
    const rNeo = 1 / p.tauNeo;
    const hDays = c.hDays;
    const hHalf = 0.5 * hDays;
    const sixth = 1 / 6;
    const flush = p.flushBelow;
    const invICrit2 = 1 / (iCrit * iCrit);
    const epGain = p.kappaEp / p.tauEpi;
    const pigGain = p.kP * this.k.phi;
    const { W, D, I, E, G, F, C3, C1, Ep, V, T, Pg, R, Pu } = f;
    const { eW, eD, eR, ePu, eV, eVh, eI, wToI, dToI, eIh, wToIh, dToIh, eE, iToE, wToE, dToE, eG, dToG } = c;
    const { eF, gToFa, dToFa, gToFb, dToFb, eFh, gToFah, dToFah, gToFbh, dToFbh } = c;
    // Every weight in a local: property loads inside the loop are not always hoisted by the JIT.
    const { e3: z3, e1: z1, c31: z31, eEp: zEp, c3Ep: z3Ep, c1Ep: z1Ep, eV: zV, eT: zT, ePg: zPg } = c.quiet;
    const { e: c3e, q0: c3q0, qm: c3qm, q1: c3q1, eh: c3eh, q0h: c3q0h, qmh: c3qmh, q1h: c3q1h } = c.C3;
    const { e: c1e, q0: c1q0, qm: c1qm, q1: c1q1 } = c.C1;
    const { e: epE, q0: epQ0, qm: epQm, q1: epQ1 } = c.Ep;
    const { e: tE, q0: tQ0, qm: tQm, q1: tQ1 } = c.T;
    const { e: pgE, q0: pgQ0, qm: pgQm, q1: pgQ1 } = c.Pg;
    let maxI = 0;
    let maxG = 0;
    let liveInflamed = false;
    let liveGrowing = false;
    const anyInflamed = this.inflamedAny;
    const n = W.length;
    for (let i = 0; i < n; i++) {
      const f0 = F[i]!;
      const g0 = G[i]!;
      // Once no cell is inflamed ("settled" patch), those six arrays are not even read.
      let i0 = 0;
      let w0 = 0;
      let d0 = 0;
      let e0 = 0;
      let r0 = 0;
      if (anyInflamed) {
        i0 = I[i]!;
        w0 = W[i]!;
        d0 = D[i]!;
        e0 = E[i]!;
        r0 = R[i]!;
      }
      // Purpura only fades and drives nothing: it is stepped whatever the cell's state.
      const pu0 = Pu[i]!;
      if (pu0 !== 0) {
        const pu1 = pu0 * ePu;
        Pu[i] = pu1 < flush ? 0 : pu1;
      }
      // Which pools still move. Weeks after a session the inflammatory pools are flushed to zero
      // ("settled"), months after it the growth factors and fibroblasts too ("quiet"): the same
      // expressions as the general case then reduce to far fewer operations.
      const inflamed = w0 !== 0 || d0 !== 0 || i0 !== 0 || e0 !== 0 || r0 !== 0;
      const quiet = !inflamed && f0 === 0 && g0 === 0;
      const c30 = C3[i]!;
      const c10 = C1[i]!;
      const v0 = V[i]!;
      const t0 = T[i]!;
      const ep0 = Ep[i]!;
      const pg0 = Pg[i]!;
      if (quiet) {
        // The exact linear propagator, as in `reactQuiet` (the same expressions, the same bits).
        if (c30 !== 0 || c10 !== 0 || v0 !== 1 || t0 !== 0 || ep0 !== 0 || pg0 !== 0) {
          C3[i] = c30 * z3;
          C1[i] = c10 * z1 + c30 * z31;
          Ep[i] = ep0 * zEp + epGain * (c30 * z3Ep + c10 * z1Ep);
          V[i] = 1 - (1 - v0) * zV;
          if (t0 !== 0) T[i] = t0 * zT;
          if (pg0 !== 0) Pg[i] = pg0 * zPg;
        }
      } else {
        // Inflammatory pools with closed forms (all zero once settled).
        let i1 = 0;
        let im = 0;
        if (inflamed) {
          let w1 = w0 * eW;
          if (w1 < flush) w1 = 0;
          W[i] = w1;
          let d1 = d0 * eD;
          if (d1 < flush) d1 = 0;
          D[i] = d1;
          let r1 = r0 * eR;
          if (r1 < flush) r1 = 0;
          R[i] = r1;
          const wI = aW * w0;
          i1 = inflammationAfter(i0, w0, d0, kIq, aW, eI, wToI, dToI);
          if (i1 < flush) i1 = 0;
          I[i] = i1;
          if (i1 > maxI) maxI = i1;
          im = inflammationAfter(i0, w0, d0, kIq, aW, eIh, wToIh, dToIh);
          let e1 = e0 * eE + kE * (i0 * iToE + kIq * (wI * wToE + d0 * dToE));
          if (e1 < flush) e1 = 0;
          E[i] = e1;
          // All are ≥ 0, so the sum is positive exactly when one of them is.
          if (w1 + d1 + r1 + i1 + e1 > 0) liveInflamed = true;
        }

        let g1 = g0 * eG + kG * d0 * dToG;
        if (g1 < flush) g1 = 0;
        G[i] = g1;
        if (g1 > maxG) maxG = g1;

        // Fibroblasts: logistic factor linear in time between its start value and a predicted end value.
        const dG = kG * d0;
        const a = g0 * gToFa + dG * dToFa;
        const b = g0 * gToFb + dG * dToFb;
        let fs0 = 1 - f0 * invFMax;
        if (fs0 < 0) fs0 = 0;
        let fs1 = 1 - (f0 * eF + kF * fs0 * a) * invFMax;
        if (fs1 < 0) fs1 = 0;
        const dfs = fs1 - fs0;
        let f1 = f0 * eF + kF * (fs0 * a + dfs * b);
        if (f1 < flush) f1 = 0;
        F[i] = f1;
        if (g1 + f1 > 0) liveGrowing = true;
        const fm = f0 * eFh + kF * (fs0 * (g0 * gToFah + dG * dToFah) + dfs * (g0 * gToFbh + dG * dToFbh));

        // Collagen III leaves at 1/τ3d + 1/τ31; the slowing of maturation by inflammation,
        // J = (C3/τ31)/(1 + (I/I_crit)²) (Dale et al. 1996), returns (1 − m)·C3/τ31 as a source.
        // The collagen cap moves by a few % a day while collagen builds: it is taken at the start, middle
        // and end of the step from a predicted total (d(C3 + C1)/dt does not involve J).
        let m0 = 1;
        let mm = 1;
        let m1 = 1;
        if (inflamed) {
          // m = 1/(1 + x); for x < 1e-6, 1 − x is within 1e-12 and spares a division.
          const x0 = i0 * i0 * invICrit2;
          const xm = im * im * invICrit2;
          const x1 = i1 * i1 * invICrit2;
          m0 = x0 < 1e-6 ? 1 - x0 : 1 / (1 + x0);
          mm = xm < 1e-6 ? 1 - xm : 1 / (1 + xm);
          m1 = x1 < 1e-6 ? 1 - x1 : 1 / (1 + x1);
        }
        // Oxygen-limited synthesis (M1): φ = (V·(1 − β_T·T))^n_O2 at the start, middle and end of the
        // step (V relaxes in closed form; T moves over years and is taken at the start).
        const vm = 1 - (1 - v0) * eVh;
        const v1 = 1 - (1 - v0) * eV;
        const open = 1 - betaT * t0;
        const sy0 = s3 * oxygenFactor(v0 * open, o2Power, oxygenExponent) * f0;
        const sym = s3 * oxygenFactor(vm * open, o2Power, oxygenExponent) * fm;
        const sy1 = s3 * oxygenFactor(v1 * open, o2Power, oxygenExponent) * f1;
        const total0 = c30 + c10;
        let cSat0 = 1 - total0 * invCMax;
        if (cSat0 < 0) cSat0 = 0;
        const loss = c30 * r3d + c10 * rNeo;
        let cSatm = 1 - (total0 + hHalf * (cSat0 * 0.5 * (sy0 + sym) - loss)) * invCMax;
        if (cSatm < 0) cSatm = 0;
        let cSat1 = 1 - (total0 + hDays * (cSat0 * sixth * (sy0 + 4 * sym + sy1) - loss)) * invCMax;
        if (cSat1 < 0) cSat1 = 0;
        const back = r31 * c30;
        const s30 = cSat0 * sy0 + back * (1 - m0);
        const s3m = cSatm * sym + back * (1 - mm);
        const s31 = cSat1 * sy1 + back * (1 - m1);
        let col3 = c30 * c3e + s30 * c3q0 + s3m * c3qm + s31 * c3q1;
        if (col3 < 0) col3 = 0;
        const col3m = c30 * c3eh + s30 * c3q0h + s3m * c3qmh + s31 * c3q1h;
        let col1 = c10 * c1e + back * m0 * c1q0 + r31 * mm * col3m * c1qm + r31 * m1 * col3 * c1q1;
        if (col1 < 0) col1 = 0;
        // Matrix breakdown while inflamed (M2): M = k_mmp·max(0, I − I_0) takes C3 at rate M and C1 at
        // ε·M. It acts only in the hours after a re-injury, so it is split off the step: the new matrix
        // is multiplied by e^(−∫M), with ∫M over the step by Simpson's rule from I's closed form.
        if (inflamed && (i0 > iMmp || im > iMmp || i1 > iMmp)) {
          const over = (i0 > iMmp ? i0 - iMmp : 0) + 4 * (im > iMmp ? im - iMmp : 0) + (i1 > iMmp ? i1 - iMmp : 0);
          const broken = kMmp * hDays * sixth * over;
          col3 *= Math.exp(-broken);
          col1 *= Math.exp(-epsMmp * broken);
        }
        C3[i] = col3;
        C1[i] = col1;

        // Epidermis: its source κ·(C3 + C1)/τ_epi through the start, middle and end (C1 is smooth: its middle is the mean).
        const p0 = epGain * total0;
        const pm = epGain * (col3m + 0.5 * (c10 + col1));
        const p1 = epGain * (col3 + col1);
        Ep[i] = ep0 * epE + p0 * epQ0 + pm * epQm + p1 * epQ1;

        V[i] = v1;

        // Telangiectasia grows only while inflammation exceeds I_crit over damaged capillaries [I].
        if (inflamed && (i0 > iCrit || im > iCrit || i1 > iCrit)) {
          const tFree = kT * (1 - t0);
          const y0 = i0 > iCrit ? tFree * (i0 - iCrit) * (1 - v0) : 0;
          const ym = im > iCrit ? tFree * (im - iCrit) * (1 - vm) : 0;
          const y1 = i1 > iCrit ? tFree * (i1 - iCrit) * (1 - v1) : 0;
          let t1 = t0 * tE + y0 * tQ0 + ym * tQm + y1 * tQ1;
          if (t1 < 0) t1 = 0;
          else if (t1 > 1) t1 = 1;
          T[i] = t1;
        } else if (t0 !== 0) {
          T[i] = t0 * tE;
        }

        if (inflamed && (i0 > iPih || im > iPih || i1 > iPih)) {
          const q0 = i0 > iPih ? pigGain * (i0 - iPih) : 0;
          const qm = im > iPih ? pigGain * (im - iPih) : 0;
          const q1 = i1 > iPih ? pigGain * (i1 - iPih) : 0;
          const pg1 = pg0 * pgE + q0 * pgQ0 + qm * pgQm + q1 * pgQ1;
          Pg[i] = pg1 > 0 ? pg1 : 0;
        } else if (pg0 !== 0) {
          Pg[i] = pg0 * pgE;
        }
      }

    }
    this.facts.maxI = maxI;
    this.facts.maxG = maxG;
    this.inflamedAny = liveInflamed;
    this.growingAny = liveGrowing;
  }

  /**
   * The step of a settled patch (no cell inflamed: W, D, I, E, R zero everywhere, weeks after a
   * session): the expressions of `react` with those pools at zero, in a loop small enough for the
   * JIT to keep its values in registers. The same bits as `react` (tests/unit/engine/stepping.test.ts).
   */
  private reactSettled(f: SkinFields, c: StepWeights): void {
    const p = this.k.params;
    const { kF, betaT, oxygenExponent } = p;
    const o2Power = oxygenPowerOf(oxygenExponent);
    const invFMax = 1 / p.fMax;
    const invCMax = 1 / p.cMax;
    const s3 = p.s3 * this.k.s3Factor;
    const r31 = 1 / p.tau31;
    const r3d = 1 / p.tau3d;
    const rNeo = 1 / p.tauNeo;
    const epGain = p.kappaEp / p.tauEpi;
    const hDays = c.hDays;
    const hHalf = 0.5 * hDays;
    const sixth = 1 / 6;
    const flush = p.flushBelow;
    const { G, F, C3, C1, Ep, V, T, Pg, Pu } = f;
    const { eV, eVh, eG, eF, gToFa, gToFb, eFh, gToFah, gToFbh, ePu } = c;
    const { e3: z3, e1: z1, c31: z31, eEp: zEp, c3Ep: z3Ep, c1Ep: z1Ep, eV: zV, eT: zT, ePg: zPg } = c.quiet;
    const { e: c3e, q0: c3q0, qm: c3qm, q1: c3q1, eh: c3eh, q0h: c3q0h, qmh: c3qmh, q1h: c3q1h } = c.C3;
    const { e: c1e, q0: c1q0, qm: c1qm, q1: c1q1 } = c.C1;
    const { e: epE, q0: epQ0, qm: epQm, q1: epQ1 } = c.Ep;
    const tE = c.T.e;
    const pgE = c.Pg.e;
    let maxG = 0;
    let liveGrowing = false;
    const n = G.length;
    for (let i = 0; i < n; i++) {
      const f0 = F[i]!;
      const g0 = G[i]!;
      const c30 = C3[i]!;
      const c10 = C1[i]!;
      const v0 = V[i]!;
      const t0 = T[i]!;
      const ep0 = Ep[i]!;
      const pg0 = Pg[i]!;
      const pu0 = Pu[i]!;
      if (pu0 !== 0) {
        const pu1 = pu0 * ePu;
        Pu[i] = pu1 < flush ? 0 : pu1;
      }
      if (f0 === 0 && g0 === 0) {
        if (c30 !== 0 || c10 !== 0 || v0 !== 1 || t0 !== 0 || ep0 !== 0 || pg0 !== 0) {
          C3[i] = c30 * z3;
          C1[i] = c10 * z1 + c30 * z31;
          Ep[i] = ep0 * zEp + epGain * (c30 * z3Ep + c10 * z1Ep);
          V[i] = 1 - (1 - v0) * zV;
          if (t0 !== 0) T[i] = t0 * zT;
          if (pg0 !== 0) Pg[i] = pg0 * zPg;
        }
        continue;
      }
      let g1 = g0 * eG;
      if (g1 < flush) g1 = 0;
      G[i] = g1;
      if (g1 > maxG) maxG = g1;
      const a = g0 * gToFa;
      const b = g0 * gToFb;
      let fs0 = 1 - f0 * invFMax;
      if (fs0 < 0) fs0 = 0;
      let fs1 = 1 - (f0 * eF + kF * fs0 * a) * invFMax;
      if (fs1 < 0) fs1 = 0;
      const dfs = fs1 - fs0;
      let f1 = f0 * eF + kF * (fs0 * a + dfs * b);
      if (f1 < flush) f1 = 0;
      F[i] = f1;
      if (g1 + f1 > 0) liveGrowing = true;
      const fm = f0 * eFh + kF * (fs0 * (g0 * gToFah) + dfs * (g0 * gToFbh));
      // Oxygen-limited synthesis, as in `react`.
      const vm = 1 - (1 - v0) * eVh;
      const v1 = 1 - (1 - v0) * eV;
      const open = 1 - betaT * t0;
      const sy0 = s3 * oxygenFactor(v0 * open, o2Power, oxygenExponent) * f0;
      const sym = s3 * oxygenFactor(vm * open, o2Power, oxygenExponent) * fm;
      const sy1 = s3 * oxygenFactor(v1 * open, o2Power, oxygenExponent) * f1;
      const total0 = c30 + c10;
      let cSat0 = 1 - total0 * invCMax;
      if (cSat0 < 0) cSat0 = 0;
      const loss = c30 * r3d + c10 * rNeo;
      let cSatm = 1 - (total0 + hHalf * (cSat0 * 0.5 * (sy0 + sym) - loss)) * invCMax;
      if (cSatm < 0) cSatm = 0;
      let cSat1 = 1 - (total0 + hDays * (cSat0 * sixth * (sy0 + 4 * sym + sy1) - loss)) * invCMax;
      if (cSat1 < 0) cSat1 = 0;
      const back = r31 * c30;
      const s30 = cSat0 * sy0;
      const s3m = cSatm * sym;
      const s31 = cSat1 * sy1;
      let col3 = c30 * c3e + s30 * c3q0 + s3m * c3qm + s31 * c3q1;
      if (col3 < 0) col3 = 0;
      const col3m = c30 * c3eh + s30 * c3q0h + s3m * c3qmh + s31 * c3q1h;
      C3[i] = col3;
      let col1 = c10 * c1e + back * c1q0 + r31 * col3m * c1qm + r31 * col3 * c1q1;
      if (col1 < 0) col1 = 0;
      C1[i] = col1;
      const p0 = epGain * total0;
      const pm = epGain * (col3m + 0.5 * (c10 + col1));
      const p1 = epGain * (col3 + col1);
      Ep[i] = ep0 * epE + p0 * epQ0 + pm * epQm + p1 * epQ1;
      V[i] = v1;
      if (t0 !== 0) T[i] = t0 * tE;
      if (pg0 !== 0) Pg[i] = pg0 * pgE;
    }
    this.facts.maxG = maxG;
    this.growingAny = liveGrowing;
  }

  /**
   * The step of a quiet patch (every fast pool zero everywhere): the slow pools only, by their exact
   * linear propagator (stepWeights.ts `quietWeights`), touching 6 arrays instead of 14.
   */
  private reactQuiet(f: SkinFields, c: StepWeights): void {
    const p = this.k.params;
    const epGain = p.kappaEp / p.tauEpi;
    const { C3, C1, Ep, V, T, Pg, Pu } = f;
    const { e3, e1, c31, eEp, c3Ep, c1Ep, eV, eT, ePg } = c.quiet;
    const ePu = c.ePu;
    const flush = p.flushBelow;
    const n = C3.length;
    for (let i = 0; i < n; i++) {
      const pu0 = Pu[i]!;
      if (pu0 !== 0) {
        const pu1 = pu0 * ePu;
        Pu[i] = pu1 < flush ? 0 : pu1;
      }
      const c30 = C3[i]!;
      const c10 = C1[i]!;
      const v0 = V[i]!;
      const t0 = T[i]!;
      const ep0 = Ep[i]!;
      const pg0 = Pg[i]!;
      if (c30 === 0 && c10 === 0 && v0 === 1 && t0 === 0 && ep0 === 0 && pg0 === 0) continue;
      const col3 = c30 * e3;
      const col1 = c10 * e1 + c30 * c31;
      C3[i] = col3;
      C1[i] = col1;
      Ep[i] = ep0 * eEp + epGain * (c30 * c3Ep + c10 * c1Ep);
      V[i] = 1 - (1 - v0) * eV;
      if (t0 !== 0) T[i] = t0 * eT;
      if (pg0 !== 0) Pg[i] = pg0 * ePg;
    }
  }

  /** One explicit diffusion substep of I and of G (zero-flux borders). */
  private diffuse(fi: FieldArray, fg: FieldArray, alpha: number): void {
    this.diffuseField(fi, alpha, this.rowAbove, this.rowHere);
    this.diffuseField(fg, alpha, this.rowAbove, this.rowHere);
  }

  /**
   * One explicit substep of the isotropic 9-point Laplacian, ∇²u ≈ (4·(N + S + E + W) + (NE + NW +
   * SE + SW) − 20·u)/(6·Δx²) (Patra & Karttunen 2006), with zero-flux borders (edge cells mirrored).
   * It is stable for α = D·Δt/Δx² ≤ 3/8 (the 5-point stencil: 1/4), so a 24-hour step at 0.25 mm
   * needs one substep. Each row is updated from the values it and its neighbours had before the
   * substep: the row above from a copy taken before its update, its own row and the row below from u,
   * read one cell ahead of the write. Each value is loaded once into a sliding window of three
   * (left, centre, right) per row: no full-field copy and 3 loads per cell instead of 10.
   */
  private diffuseField(u: FieldArray, alpha: number, rowA: FieldArray, rowB: FieldArray): void {
    const n = this.grid.cells;
    const last = n - 1;
    const k = alpha / 6;
    let above = rowA;
    let here = rowB;
    for (let y = 0; y < n; y++) {
      const row = y * n;
      // Mirrored borders: the row above the first is itself, the row below the last is itself.
      const up = y > 0 ? above : u;
      const upAt = y > 0 ? 0 : row;
      const dnAt = y < last ? row + n : row;
      // At the left edge the left neighbours are the cells themselves; at the right edge the right ones.
      let hC = u[row]!;
      let upC = up[upAt]!;
      let dnC = u[dnAt]!;
      let hL = hC;
      let upL = upC;
      let dnL = dnC;
      for (let x = 0; x < last; x++) {
        const hR = u[row + x + 1]!;
        const upR = up[upAt + x + 1]!;
        const dnR = u[dnAt + x + 1]!;
        here[x] = hC;
        const edges = hL + hR + upC + dnC;
        const corners = upL + upR + dnL + dnR;
        u[row + x] = hC + k * (4 * edges + corners - 20 * hC);
        hL = hC;
        hC = hR;
        upL = upC;
        upC = upR;
        dnL = dnC;
        dnC = dnR;
      }
      // The last cell: its right neighbours are the cells themselves.
      here[last] = hC;
      u[row + last] = hC + k * (4 * (hL + hC + upC + dnC) + (upL + upC + dnL + dnC) - 20 * hC);
      const t = above;
      above = here;
      here = t;
    }
  }

}
