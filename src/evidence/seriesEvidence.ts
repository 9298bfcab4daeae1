/**
 * The evidence tag of each series of a result (docs/model.md §17): `data` where the series was calibrated
 * or validated against a trial and the protocol lies inside the envelope the trials covered,
 * `extrapolation` outside it (with the reason), `hypothesis` for series that rest on a hypothesis whatever
 * the protocol. Each series also lists every hypothesis and cap its number rests on, so a summary can name
 * them all, not only those behind a warning.
 */
import { z } from 'zod';
import { SERIES, type Scenario, type SeriesName } from '../engine/index';
import { outsideEnvelope, type EvidenceEnvelope } from './envelope';

export const EVIDENCE_TAGS = ['data', 'hypothesis', 'extrapolation'] as const;
export type EvidenceTag = (typeof EVIDENCE_TAGS)[number];

export const SeriesEvidenceSchema = z
  .object({
    tag: z.enum(EVIDENCE_TAGS),
    /** Why this tag: the trials behind a `data` series, what lies outside the envelope, or the hypothesis. */
    reason: z.string(),
    /** Hypotheses and caps the number rests on (model constants tagged [I] in docs/model.md §11). */
    restsOn: z.array(z.string()),
  })
  .strict();
export type SeriesEvidence = z.infer<typeof SeriesEvidenceSchema>;

export const ResultEvidenceSchema = z.record(z.enum(SERIES), SeriesEvidenceSchema);
export type ResultEvidence = Record<SeriesName, SeriesEvidence>;

// The hypotheses and caps of docs/model.md §6–§7 and §16, named once.
const C_MAX = 'C_max: collagen cap [I]';
const F_MAX = 'F_max: fibroblast cap [I]';
const I_CRIT = 'I_crit: inflammation brake on maturation [I]';
const U_SAT = 'u_sat: dose saturation per session [I]';
const OXYGEN = 'oxygen-limited synthesis (n_O2, β_T) [I]';
const MMP = 'matrix breakdown while inflamed (k_mmp, I_0, ε) [I]';
const DEEP = 'deep-plexus injury past the dermis (c_deep) [I]';
const COLLAGEN = [C_MAX, F_MAX, I_CRIT, U_SAT, OXYGEN, MMP, DEEP];
const VASCULAR = ['c_v: capillary injury per session [I]', 'τ_V: capillary repair [I]', 'u_crit, c_agg: breakage by one hard session [I]', DEEP];
const TELANGIECTASIA = ['k_T, c_re: broken capillaries from inflammation and re-injury [I]', I_CRIT, 'τ_T: ten-year fading [I]'];
const GRADE = 'G0: grades saturate at the baseline grade [I]';

type Basis = { readonly kind: 'trials'; readonly trials: string; readonly restsOn: readonly string[] } | { readonly kind: 'hypothesis'; readonly why: string; readonly restsOn: readonly string[] };

const BASIS: Record<SeriesName, Basis> = {
  collagenGain: { kind: 'trials', trials: 'Lotfi 2013, El-Domyati 2015', restsOn: COLLAGEN },
  collagen1: { kind: 'trials', trials: 'El-Domyati 2015, Alam 2014', restsOn: COLLAGEN },
  collagen3: { kind: 'trials', trials: 'El-Domyati 2015', restsOn: COLLAGEN },
  epidermisGain: { kind: 'trials', trials: 'Lotfi 2013', restsOn: [C_MAX, F_MAX, OXYGEN] },
  erythema: { kind: 'trials', trials: 'clinical reports; Chu 2021 (V1, V13)', restsOn: ['k_R, τ_R: size and fading of the flare [I]'] },
  edema: { kind: 'trials', trials: 'clinical reports (V10)', restsOn: ['g_E: regional oedema gain [I]'] },
  barrierOpen: { kind: 'trials', trials: 'Kalluri 2011; Gupta 2011 (V2)', restsOn: [] },
  capillaryIntegrity: { kind: 'hypothesis', why: 'no dose–response data for capillary injury', restsOn: VASCULAR },
  telangiectasia: { kind: 'hypothesis', why: 'no dose–response data for broken capillaries', restsOn: [...TELANGIECTASIA, ...VASCULAR] },
  perfusion300um: {
    kind: 'hypothesis',
    why: 'rests on capillary integrity and hyperaemia (hypotheses); only the lasting change is Kenkel group 2021',
    restsOn: ['k_h: hyperaemia [I]', ...VASCULAR],
  },
  scarSeverity: { kind: 'trials', trials: 'Dogra 2014, Alam 2014', restsOn: ['g: scar score from mature collagen I [V]', ...COLLAGEN] },
  pigment: { kind: 'hypothesis', why: 'the phototype factor φ is ours; only the incidence is Dogra 2014', restsOn: ['φ: phototype factor [I]', 'I_pih: PIH threshold [I]'] },
  plasticLook: { kind: 'hypothesis', why: 'a design definition of the "plastic" look', restsOn: ['plastic look from telangiectasia and disordered collagen [I]', ...TELANGIECTASIA] },
  wrinkleSeverity: { kind: 'trials', trials: 'Ablon 2018', restsOn: [GRADE, ...COLLAGEN] },
  laxitySeverity: { kind: 'trials', trials: 'Ablon 2018', restsOn: [GRADE, ...COLLAGEN] },
  textureSeverity: { kind: 'trials', trials: 'Ablon 2018', restsOn: [GRADE, 'b_T, b_d: texture penalty for telangiectasia and disorder [I]', ...COLLAGEN] },
  purpura: { kind: 'hypothesis', why: 'bruising from channels below the dermis is a model assumption', restsOn: [DEEP] },
};

/** The evidence of every series for this scenario's protocol. */
export function resultEvidence(scenario: Scenario, envelope?: EvidenceEnvelope): ResultEvidence {
  const outside = outsideEnvelope(scenario, envelope);
  const out = {} as ResultEvidence;
  for (const name of SERIES) {
    const basis = BASIS[name];
    const restsOn = [...basis.restsOn];
    if (basis.kind === 'hypothesis') out[name] = { tag: 'hypothesis', reason: basis.why, restsOn };
    else if (outside.length > 0) out[name] = { tag: 'extrapolation', reason: outside.join('; '), restsOn };
    else out[name] = { tag: 'data', reason: `inside the protocols of ${basis.trials}`, restsOn };
  }
  return out;
}

/** Every distinct hypothesis and cap the given series rest on, in first-seen order. */
export function hypothesesBehind(evidence: ResultEvidence, series: readonly SeriesName[] = SERIES): string[] {
  return [...new Set(series.flatMap((s) => evidence[s].restsOn))];
}

/** The result with its `evidence` appended (an optional addition to the result format: existing keys and order stay). */
export function withEvidence<T extends object>(result: T, scenario: Scenario): T & { evidence: ResultEvidence } {
  return { ...result, evidence: resultEvidence(scenario) };
}

/** The tag of each series, for the CSV's evidence row. */
export function evidenceTags(evidence: ResultEvidence): Record<SeriesName, EvidenceTag> {
  const out = {} as Record<SeriesName, EvidenceTag>;
  for (const name of SERIES) out[name] = evidence[name].tag;
  return out;
}
