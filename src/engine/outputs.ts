import type { Condition } from './conditions';
import type { SkinFields } from './fields';
import type { ModelParams } from './params';
import type { QuietWeights } from './stepWeights';

/**
 * The result series of the CLI contract (issue #3), in contract order: patch means, docs/model.md §7.
 * The first 13 are the original contract; the second model revision appends the indication grades and
 * the purpura score (optional additions: existing series keep their names, order and meaning).
 */
export const SERIES = [
  'collagenGain',
  'collagen1',
  'collagen3',
  'epidermisGain',
  'erythema',
  'edema',
  'barrierOpen',
  'capillaryIntegrity',
  'telangiectasia',
  'perfusion300um',
  'scarSeverity',
  'pigment',
  'plasticLook',
  'wrinkleSeverity',
  'laxitySeverity',
  'textureSeverity',
  'purpura',
] as const;
export type SeriesName = (typeof SERIES)[number];
export type SeriesValues = Record<SeriesName, number>;

/** Rounds to 6 significant digits: enough for every output, and stable JSON across runs. */
export function roundValue(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x === 0 ? 0 : x;
  return Number(x.toPrecision(6));
}

/** Thresholds above which an effect is visible to the eye (docs/model.md §7). */
export const VISIBLE = Object.freeze({ erythema: 0.15, edema: 0.1, telangiectasia: 0.1, pigment: 0.028 });

/** How much an output rests on data: [V]/[S] published data, [I] a hypothesis of ours (evidence tags of docs/model.md). */
export type Evidence = 'data' | 'hypothesis';

export interface SeriesInfo {
  readonly label: string;
  /** 'fraction' values are shown as % of baseline; 'index' values as plain numbers; 'grade' as grade steps. */
  readonly unit: 'fraction' | 'index' | 'grade';
  readonly evidence: Evidence;
  readonly source: string;
  /** Value above which the effect is visible (docs/model.md §7), if defined. */
  readonly visibleAbove?: number;
  readonly description: string;
}

export const SERIES_INFO: Record<SeriesName, SeriesInfo> = {
  collagenGain: {
    label: 'Collagen gain',
    unit: 'fraction',
    evidence: 'data',
    source: 'Lotfi 2013; El-Domyati 2015',
    description: 'New collagen (III + I) over baseline',
  },
  collagen1: {
    label: 'Collagen I',
    unit: 'fraction',
    evidence: 'data',
    source: 'El-Domyati 2015; Alam 2014',
    description: 'New mature collagen I over baseline',
  },
  collagen3: {
    label: 'Collagen III',
    unit: 'fraction',
    evidence: 'data',
    source: 'El-Domyati 2015',
    description: 'New immature collagen III over baseline',
  },
  epidermisGain: {
    label: 'Epidermal thickening',
    unit: 'fraction',
    evidence: 'data',
    source: 'Lotfi 2013',
    description: 'Relative epidermal thickening',
  },
  erythema: {
    label: 'Erythema',
    unit: 'index',
    evidence: 'data',
    source: 'Chu 2021 review; clinical reports; flare: Lewis 1927 (its size and fading time are [I])',
    visibleAbove: VISIBLE.erythema,
    description: `Redness index: inflammation plus the fast flare of the first hours (visible above ${VISIBLE.erythema})`,
  },
  edema: {
    label: 'Oedema',
    unit: 'index',
    evidence: 'data',
    source: 'clinical reports [S]',
    visibleAbove: VISIBLE.edema,
    description: `Swelling, the short-term plump glow (visible above ${VISIBLE.edema})`,
  },
  barrierOpen: {
    label: 'Open channels',
    unit: 'index',
    evidence: 'data',
    source: 'Kalluri 2011; Gupta 2011',
    description: 'Open micro-channels / barrier loss',
  },
  capillaryIntegrity: {
    label: 'Capillary integrity',
    unit: 'fraction',
    evidence: 'hypothesis',
    source: 'model assumption [I]',
    description: 'Intact capillaries, 1 = 100 % intact',
  },
  telangiectasia: {
    label: 'Telangiectasia',
    unit: 'index',
    evidence: 'hypothesis',
    source: 'model assumption [I]; no dose–response data',
    visibleAbove: VISIBLE.telangiectasia,
    description: `Broken capillaries (visible above ${VISIBLE.telangiectasia})`,
  },
  perfusion300um: {
    label: 'Perfusion at 300 µm',
    unit: 'fraction',
    // Hypothesis: the curve rests on capillary integrity and hyperaemia [I]; only its lasting change is Kenkel's.
    evidence: 'hypothesis',
    source: 'capillary integrity and hyperaemia [I]; the lasting change checked against Kenkel group 2021',
    description: 'Change of blood perfusion 300 µm deep: raised while the skin is red, lowered for months by new collagen',
  },
  scarSeverity: {
    label: 'Scar severity change',
    unit: 'fraction',
    evidence: 'data',
    source: 'Dogra 2014; mature collagen I (Alam 2014)',
    description: 'Change of scar severity (−45 % = 45 % less severe), from mature collagen I; 0 without acne scars or stretch marks',
  },
  pigment: {
    label: 'Post-inflammatory pigment',
    unit: 'index',
    // Hypothesis: the phototype factor φ is ours; only the incidence is checked against Dogra 2014.
    evidence: 'hypothesis',
    source: 'phototype factor φ [I]; the incidence checked against Dogra 2014',
    visibleAbove: VISIBLE.pigment,
    description: `Post-inflammatory hyperpigmentation (visible above ${VISIBLE.pigment})`,
  },
  plasticLook: {
    label: '"Plastic" look',
    unit: 'index',
    evidence: 'hypothesis',
    source: 'design definition [I]',
    description: 'min(1, T + 0.5·max(0, C3 − C1)): an over-treatment index we defined',
  },
  wrinkleSeverity: {
    label: 'Wrinkle grade change',
    unit: 'grade',
    evidence: 'data',
    source: 'calibrated to Ablon 2018 [V]; saturating mapping from mature collagen [I]',
    description: 'Change of the wrinkle grade (negative = better, at most the baseline grade 3), from mature collagen I; 0 without the wrinkles indication',
  },
  laxitySeverity: {
    label: 'Laxity grade change',
    unit: 'grade',
    evidence: 'data',
    source: 'calibrated to Ablon 2018 [V]; saturating mapping from mature collagen [I]',
    description: 'Change of the skin laxity grade (negative = better, at most the baseline grade 3), from mature collagen I; 0 without the laxity indication',
  },
  textureSeverity: {
    label: 'Texture grade change',
    unit: 'grade',
    evidence: 'data',
    source: 'calibrated to Ablon 2018 [V]; saturating mapping and the "plastic" penalty [I]',
    description: 'Change of the skin texture grade (negative = better), from mature collagen I, worse with broken capillaries and immature collagen (the "plastic" look)',
  },
  purpura: {
    label: 'Bruising (purpura)',
    unit: 'index',
    evidence: 'hypothesis',
    source: 'model assumption [I]: channels below the dermis bruise',
    description: 'Bruising from needles that pass the whole dermis; fades over about a week',
  },
};

/**
 * Which indication grades apply to a skin (docs/model.md §7): there is no scar to improve without
 * acne scars or stretch marks, no wrinkle without `wrinkles`, no laxity without `laxity`; texture
 * applies to every skin (Ablon 2018 graded it in every subject).
 */
export interface GradeFlags {
  readonly scars: boolean;
  readonly wrinkles: boolean;
  readonly laxity: boolean;
}

export const NO_INDICATIONS: GradeFlags = Object.freeze({ scars: false, wrinkles: false, laxity: false });

export function gradeFlags(conditions: readonly Condition[]): GradeFlags {
  return {
    scars: conditions.includes('acne-scars') || conditions.includes('stretch-marks'),
    wrinkles: conditions.includes('wrinkles'),
    laxity: conditions.includes('laxity'),
  };
}

/**
 * Improvement of a grade that saturates at the patient's baseline grade G0 (docs/model.md §7, third
 * revision): −G0·(1 − e^(−C1/c)), so no course improves a grade past the bottom of its scale (V20).
 */
function saturatingGrade(g0: number, c: number, c1: number): number {
  return c1 > 0 ? g0 * Math.expm1(-c1 / c) : 0;
}

/**
 * The texture grade (docs/model.md §7): the saturating improvement from mature collagen, plus the
 * "plastic" look's penalty for telangiectasia (b_T·T) and disorganised, immature collagen
 * (b_d·max(0, C3 − C1)) [I]. It stays on its 0–4 scale: at most G0 better, at most 4 − G0 worse.
 */
export function textureGrade(p: ModelParams, c1: number, c3: number, t: number): number {
  const g0 = p.gradeBaseline;
  const g = saturatingGrade(g0, p.cTextureGrade, c1) + p.textureTelangiectasiaPenalty * t + p.textureDisorderPenalty * (c3 > c1 ? c3 - c1 : 0);
  const worst = 4 - g0;
  return g > worst ? worst : g;
}

/**
 * Scar severity change from mature collagen C1 (docs/model.md §7, third revision): −g·C1, so the score
 * does not worsen while collagen III turns over (Alam 2014: better at 6 than at 3 months). The shader
 * fills scars by the same rule (1 + scarChange), so the picture and the readout agree.
 */
export function scarChange(p: ModelParams, c1: number): number {
  return -p.gScar * (c1 > 0 ? c1 : 0);
}

/** Writes the indication grades and the scar change from patch means of C1, C3 and T. */
function writeGrades(out: SeriesValues, p: ModelParams, flags: GradeFlags, c1: number, c3: number, t: number): void {
  out.scarSeverity = flags.scars ? scarChange(p, c1) : 0;
  out.wrinkleSeverity = flags.wrinkles ? saturatingGrade(p.gradeBaseline, p.cWrinkleGrade, c1) : 0;
  out.laxitySeverity = flags.laxity ? saturatingGrade(p.gradeBaseline, p.cLaxityGrade, c1) : 0;
  out.textureSeverity = textureGrade(p, c1, c3, t);
}

/**
 * Perfusion at 300 µm (docs/model.md §7): intact capillaries, less what new collagen displaces
 * (Kenkel group 2021 [V]), raised by the acute redness (hyperaemia, M7 [I]).
 */
export function perfusionOf(p: ModelParams, v: number, gain: number, erythema: number): number {
  return v * (1 - p.kQ * gain) * (1 + p.kH * erythema) - 1;
}

/** plasticLook = min(1, T + 0.5·max(0, C3 − C1)): a design definition [I] (docs/model.md §7), the one place it is written. */
export function plasticLookOf(t: number, c3: number, c1: number): number {
  const p = t + 0.5 * (c3 > c1 ? c3 - c1 : 0);
  return p < 1 ? p : 1;
}

/** Per-cell derived outputs (docs/model.md §7); the patch mean of each is the series value. */
export function cellOutputs(f: SkinFields, i: number, p: ModelParams, out: SeriesValues, flags: GradeFlags = NO_INDICATIONS): SeriesValues {
  const c3 = f.C3[i]!;
  const c1 = f.C1[i]!;
  const gain = c3 + c1;
  const v = f.V[i]!;
  const t = f.T[i]!;
  out.collagenGain = gain;
  out.collagen1 = c1;
  out.collagen3 = c3;
  out.epidermisGain = f.Ep[i]!;
  out.erythema = f.I[i]! + f.R[i]!;
  out.edema = f.E[i]!;
  out.barrierOpen = f.W[i]!;
  out.capillaryIntegrity = v;
  out.telangiectasia = t;
  out.perfusion300um = perfusionOf(p, v, gain, out.erythema);
  out.pigment = f.Pg[i]!;
  out.plasticLook = plasticLookOf(t, c3, c1);
  out.purpura = f.Pu[i]!;
  writeGrades(out, p, flags, c1, c3, t);
  return out;
}

export function zeroSeries(): SeriesValues {
  const out = {} as SeriesValues;
  for (const name of SERIES) out[name] = 0;
  return out;
}

/** Sums over the patch from which every patch mean follows (cached by the simulation per hour). */
export interface PatchSums {
  c3: number;
  c1: number;
  ep: number;
  /** I + R per cell. */
  ery: number;
  e: number;
  w: number;
  v: number;
  t: number;
  pg: number;
  pu: number;
  perf: number;
  plastic: number;
}

export function zeroSums(): PatchSums {
  return { c3: 0, c1: 0, ep: 0, ery: 0, e: 0, w: 0, v: 0, t: 0, pg: 0, pu: 0, perf: 0, plastic: 0 };
}

/**
 * The patch sums in one pass over the fields (double precision, cell order). With `fastZero` the
 * caller knows that W, I, R and E are zero everywhere (weeks after a session): they are not
 * read, which changes no bit (adding zeros to a sum leaves it as it is).
 */
export function patchSums(f: SkinFields, p: ModelParams, out: PatchSums = zeroSums(), fastZero = false): PatchSums {
  const { C3, C1, Ep, I, R, E, W, V, T, Pg, Pu } = f;
  const kQ = p.kQ;
  const n = C3.length;
  let sC3 = 0;
  let sC1 = 0;
  let sEp = 0;
  let sI = 0;
  let sE = 0;
  let sW = 0;
  let sV = 0;
  let sT = 0;
  let sPg = 0;
  let sPu = 0;
  let sPerf = 0;
  let sPlastic = 0;
  // Two passes of fewer arrays each (the four that perfusion and the plastic look combine, then the
  // three summed alone) take 7–12 % less time than one pass over all seven; each sum keeps its cell order.
  for (let i = 0; i < n; i++) {
    const c3 = C3[i]!;
    const c1 = C1[i]!;
    const v = V[i]!;
    const t = T[i]!;
    sC3 += c3;
    sC1 += c1;
    sV += v;
    sT += t;
    sPerf += v * (1 - kQ * (c3 + c1));
    sPlastic += plasticLookOf(t, c3, c1);
  }
  for (let i = 0; i < n; i++) {
    sEp += Ep[i]!;
    sPg += Pg[i]!;
    sPu += Pu[i]!;
  }
  if (!fastZero) {
    // Hyperaemia: red skin carries more blood (perfusionOf); erythema is zero in a settled patch.
    const kH = p.kH;
    for (let i = 0; i < n; i++) {
      const ery = I[i]! + R[i]!;
      sI += ery;
      sE += E[i]!;
      sW += W[i]!;
      if (ery !== 0) sPerf += V[i]! * (1 - kQ * (C3[i]! + C1[i]!)) * kH * ery;
    }
  }
  out.c3 = sC3;
  out.c1 = sC1;
  out.ep = sEp;
  out.ery = sI;
  out.e = sE;
  out.w = sW;
  out.v = sV;
  out.t = sT;
  out.pg = sPg;
  out.pu = sPu;
  out.perf = sPerf;
  out.plastic = sPlastic;
  return out;
}

/** Every series from the patch sums of `n` cells (docs/model.md §7). */
export function meansFromSums(sums: PatchSums, n: number, p: ModelParams, out: SeriesValues, flags: GradeFlags = NO_INDICATIONS): SeriesValues {
  const inv = 1 / n;
  out.collagenGain = (sums.c3 + sums.c1) * inv;
  out.collagen1 = sums.c1 * inv;
  out.collagen3 = sums.c3 * inv;
  out.epidermisGain = sums.ep * inv;
  out.erythema = sums.ery * inv;
  out.edema = sums.e * inv;
  out.barrierOpen = sums.w * inv;
  out.capillaryIntegrity = sums.v * inv;
  out.telangiectasia = sums.t * inv;
  out.perfusion300um = sums.perf * inv - 1;
  out.pigment = sums.pg * inv;
  out.plasticLook = sums.plastic * inv;
  out.purpura = sums.pu * inv;
  writeGrades(out, p, flags, out.collagen1, out.collagen3, out.telangiectasia);
  return out;
}

/**
 * What the patch means of a quiet patch (every fast pool zero) need to follow it in closed form
 * (docs/model.md §8): the sums of the slow pools, the cross moments Σ(1 − V)·C3 and Σ(1 − V)·C1 that
 * perfusion's product V·C needs, and whether every cell has C3 ≤ C1. Then C3 − C1 stays ≤ 0 while
 * the patch is quiet, so plasticLook = min(1, T) = T is linear too.
 */
export interface QuietMoments {
  c3: number;
  c1: number;
  ep: number;
  v: number;
  t: number;
  pg: number;
  pu: number;
  lackC3: number;
  lackC1: number;
  mature: boolean;
}

export function quietMoments(f: SkinFields, out: QuietMoments): QuietMoments {
  const { C3, C1, Ep, V, T, Pg, Pu } = f;
  let pu = 0;
  let c3 = 0;
  let c1 = 0;
  let ep = 0;
  let v = 0;
  let t = 0;
  let pg = 0;
  let lackC3 = 0;
  let lackC1 = 0;
  let mature = true;
  for (let i = 0; i < C3.length; i++) {
    const a = C3[i]!;
    const b = C1[i]!;
    const lack = 1 - V[i]!;
    c3 += a;
    c1 += b;
    ep += Ep[i]!;
    v += V[i]!;
    t += T[i]!;
    pg += Pg[i]!;
    pu += Pu[i]!;
    lackC3 += lack * a;
    lackC1 += lack * b;
    if (a > b) mature = false;
  }
  out.c3 = c3;
  out.c1 = c1;
  out.ep = ep;
  out.v = v;
  out.t = t;
  out.pg = pg;
  out.pu = pu;
  out.lackC3 = lackC3;
  out.lackC1 = lackC1;
  out.mature = mature;
  return out;
}

export function zeroMoments(): QuietMoments {
  return { c3: 0, c1: 0, ep: 0, v: 0, t: 0, pg: 0, pu: 0, lackC3: 0, lackC1: 0, mature: false };
}

/**
 * Patch means of a quiet, mature patch `w`'s time after the moments were taken: the exact solution
 * of the linear system (stepWeights.ts `quietWeights`) applied to the sums. Erythema, oedema and
 * open channels are zero in a quiet patch; purpura only fades (the flush of tiny values aside).
 */
export function quietMeans(
  m: QuietMoments,
  n: number,
  w: QuietWeights,
  p: ModelParams,
  out: SeriesValues,
  flags: GradeFlags = NO_INDICATIONS,
): SeriesValues {
  const epGain = p.kappaEp / p.tauEpi;
  const c3 = m.c3 * w.e3;
  const c1 = m.c1 * w.e1 + m.c3 * w.c31;
  const ep = m.ep * w.eEp + epGain * (m.c3 * w.c3Ep + m.c1 * w.c1Ep);
  // V = 1 − (1 − V0)·eV, so ΣV = n − (n − ΣV0)·eV and ΣV·C = ΣC − eV·Σ(1 − V0)·C(t).
  const v = n - (n - m.v) * w.eV;
  const vc3 = c3 - w.eV * (m.lackC3 * w.e3);
  const vc1 = c1 - w.eV * (m.lackC1 * w.e1 + m.lackC3 * w.c31);
  const t = m.t * w.eT;
  const sums: PatchSums = {
    c3,
    c1,
    ep,
    ery: 0,
    e: 0,
    w: 0,
    v,
    t,
    pg: m.pg * w.ePg,
    pu: m.pu * w.ePu,
    perf: v - p.kQ * (vc3 + vc1),
    plastic: t,
  };
  return meansFromSums(sums, n, p, out, flags);
}

const scratchSums = zeroSums();

/** Patch means of every series in one pass over the fields (sums in double precision). */
export function patchMeans(
  f: SkinFields,
  p: ModelParams,
  out: SeriesValues = zeroSeries(),
  flags: GradeFlags = NO_INDICATIONS,
): SeriesValues {
  return meansFromSums(patchSums(f, p, scratchSums), f.C3.length, p, out, flags);
}
