import type { SkinFields } from './fields';
import type { ModelParams } from './params';

/** The result series of the CLI contract (issue #3), in contract order. Patch means, §6. */
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
] as const;
export type SeriesName = (typeof SERIES)[number];
export type SeriesValues = Record<SeriesName, number>;

/** Thresholds above which an effect is visible to the eye (§6). */
export const VISIBLE = Object.freeze({ erythema: 0.15, edema: 0.1, telangiectasia: 0.1, pigment: 0.028 });

/** How much an output rests on data: [V]/[S] published data, [I] a hypothesis of ours (science.md tags). */
export type Evidence = 'data' | 'hypothesis';

export interface SeriesInfo {
  readonly label: string;
  /** 'fraction' values are shown as % of baseline; 'index' values as plain numbers. */
  readonly unit: 'fraction' | 'index';
  readonly evidence: Evidence;
  readonly source: string;
  /** Value above which the effect is visible (§6), if defined. */
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
    source: 'Chu 2021 review; clinical reports',
    visibleAbove: VISIBLE.erythema,
    description: 'Inflammation / redness index (visible above 0.15)',
  },
  edema: {
    label: 'Oedema',
    unit: 'index',
    evidence: 'data',
    source: 'clinical reports [S]',
    visibleAbove: VISIBLE.edema,
    description: 'Swelling, the short-term plump glow (visible above 0.1)',
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
    description: 'Broken capillaries (visible above 0.1)',
  },
  perfusion300um: {
    label: 'Perfusion at 300 µm',
    unit: 'fraction',
    evidence: 'data',
    source: 'Kenkel group 2021',
    description: 'Change of blood perfusion 300 µm deep',
  },
  scarSeverity: {
    label: 'Scar severity change',
    unit: 'fraction',
    evidence: 'data',
    source: 'Dogra 2014',
    description: 'Change of scar severity (−45 % = 45 % less severe)',
  },
  pigment: {
    label: 'Post-inflammatory pigment',
    unit: 'index',
    evidence: 'data',
    source: 'Dogra 2014 (incidence)',
    visibleAbove: VISIBLE.pigment,
    description: 'Post-inflammatory hyperpigmentation (visible above 0.028)',
  },
  plasticLook: {
    label: '"Plastic" look',
    unit: 'index',
    evidence: 'hypothesis',
    source: 'design definition [I]',
    description: 'min(1, T + 0.5·max(0, C3 − C1)): an over-treatment index we defined',
  },
};

/** plasticLook = min(1, T + 0.5·max(0, C3 − C1)): a design definition [I] (§6), the one place it is written. */
export function plasticLookOf(t: number, c3: number, c1: number): number {
  const p = t + 0.5 * (c3 > c1 ? c3 - c1 : 0);
  return p < 1 ? p : 1;
}

/** Per-cell derived outputs (§6); the patch mean of each is the series value. */
export function cellOutputs(f: SkinFields, i: number, p: ModelParams, out: SeriesValues): SeriesValues {
  const c3 = f.C3[i]!;
  const c1 = f.C1[i]!;
  const gain = c3 + c1;
  const v = f.V[i]!;
  const t = f.T[i]!;
  out.collagenGain = gain;
  out.collagen1 = c1;
  out.collagen3 = c3;
  out.epidermisGain = f.Ep[i]!;
  out.erythema = f.I[i]!;
  out.edema = f.E[i]!;
  out.barrierOpen = f.W[i]!;
  out.capillaryIntegrity = v;
  out.telangiectasia = t;
  out.perfusion300um = v * (1 - p.kQ * gain) - 1;
  out.scarSeverity = -p.gScar * gain;
  out.pigment = f.Pg[i]!;
  out.plasticLook = plasticLookOf(t, c3, c1);
  return out;
}

export function zeroSeries(): SeriesValues {
  const out = {} as SeriesValues;
  for (const name of SERIES) out[name] = 0;
  return out;
}

/** Patch means of every series in one pass over the fields (sums in double precision). */
export function patchMeans(f: SkinFields, p: ModelParams, out: SeriesValues = zeroSeries()): SeriesValues {
  const { C3, C1, Ep, I, E, W, V, T, Pg } = f;
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
  let sPerf = 0;
  let sPlastic = 0;
  for (let i = 0; i < n; i++) {
    const c3 = C3[i]!;
    const c1 = C1[i]!;
    const v = V[i]!;
    const t = T[i]!;
    sC3 += c3;
    sC1 += c1;
    sEp += Ep[i]!;
    sI += I[i]!;
    sE += E[i]!;
    sW += W[i]!;
    sV += v;
    sT += t;
    sPg += Pg[i]!;
    sPerf += v * (1 - p.kQ * (c3 + c1));
    sPlastic += plasticLookOf(t, c3, c1);
  }
  const inv = 1 / n;
  out.collagenGain = (sC3 + sC1) * inv;
  out.collagen1 = sC1 * inv;
  out.collagen3 = sC3 * inv;
  out.epidermisGain = sEp * inv;
  out.erythema = sI * inv;
  out.edema = sE * inv;
  out.barrierOpen = sW * inv;
  out.capillaryIntegrity = sV * inv;
  out.telangiectasia = sT * inv;
  out.perfusion300um = sPerf * inv - 1;
  out.scarSeverity = -p.gScar * out.collagenGain;
  out.pigment = sPg * inv;
  out.plasticLook = sPlastic * inv;
  return out;
}
