import type { ModelParams } from './params';

/** What the skin is treated for (docs/model.md §9). */
export const INDICATIONS = ['acne-scars', 'wrinkles', 'laxity', 'pigmentation', 'stretch-marks'] as const;
/** What should stop or modify a session (docs/model.md §9 and its hooks). */
export const CONTRAINDICATIONS = [
  'active-acne',
  'rosacea',
  'rash',
  'herpes',
  'keloid-tendency',
  'isotretinoin',
  'anticoagulants',
  'pregnancy',
] as const;
export const CONDITIONS = [...INDICATIONS, ...CONTRAINDICATIONS] as const;
export type Condition = (typeof CONDITIONS)[number];
export type Contraindication = (typeof CONTRAINDICATIONS)[number];

/** Conditions that block a session in the app unless the user explicitly overrides (issue #4). */
export const BLOCKING_CONDITIONS: readonly Contraindication[] = ['active-acne', 'rosacea', 'rash', 'herpes'];

/** The blocking contraindications among `conditions`, in their order. */
export function blockingConditions(conditions: readonly string[]): Contraindication[] {
  return conditions.filter((c): c is Contraindication => (BLOCKING_CONDITIONS as readonly string[]).includes(c));
}

/**
 * Whether the session view refuses to roll over this skin: a blocking contraindication and no
 * override. The one statement of the rule; the session, its controls and Compare's cards ask it.
 */
export function sessionBlocked(conditions: readonly string[], override: boolean): boolean {
  return !override && blockingConditions(conditions).length > 0;
}

export type WarningSeverity = 'block' | 'warning' | 'info';

/** A model event shown to the user; `code` is stable (scripts match on it), `message` is prose. */
export interface ModelWarning {
  code: string;
  message: string;
  severity?: WarningSeverity;
  /** Simulated day the event refers to, when it has one. */
  day?: number;
}

const CONDITION_WARNINGS: Record<Contraindication, { severity: WarningSeverity; message: string }> = {
  'active-acne': {
    severity: 'block',
    message:
      'Active acne is a contraindication: needling spreads bacteria and inflames lesions. Simulated as an override with doubled inflammation and an infection risk.',
  },
  rosacea: {
    severity: 'block',
    message:
      'Rosacea is a contraindication: fragile capillaries (modelled as pre-existing telangiectasia 0.1 and half the critical inflammation) break more easily.',
  },
  rash: {
    severity: 'block',
    message: 'A rash or eczema is a contraindication: simulated as an override with doubled inflammation and an infection risk.',
  },
  herpes: {
    severity: 'block',
    message:
      'Active herpes is a contraindication (risk of spreading the virus): simulated as an override with doubled inflammation and an infection risk.',
  },
  'keloid-tendency': {
    severity: 'warning',
    message:
      'Keloid tendency: needling raises the risk of raised (hypertrophic or keloid) scars, so it is generally avoided. Modelled as collagen that can overshoot (cap raised to 3× baseline), matures slowly and breaks down slowly; the raised-scar risk itself is not simulated.',
  },
  isotretinoin: {
    severity: 'warning',
    message:
      'Isotretinoin in the last 6 months: wound healing may be atypical; most guidance says wait 6 months. Not modelled quantitatively.',
  },
  anticoagulants: {
    severity: 'warning',
    message: 'Anticoagulants: more bleeding and bruising (drawn as more pinpoint bleeding); not modelled otherwise.',
  },
  pregnancy: {
    severity: 'warning',
    message: 'Pregnancy: microneedling is usually postponed (no safety data). Not modelled quantitatively.',
  },
};

export interface ConditionEffects {
  /** Parameters after the hooks of docs/model.md §9. */
  readonly params: ModelParams;
  /** Initial telangiectasia (rosacea). */
  readonly t0: number;
  /** Multiplier on injury-driven inflammation (override of a blocking condition). */
  readonly inflammationFactor: number;
  /** Multiplier on drawn bleeding (anticoagulants). */
  readonly bleedingFactor: number;
  readonly warnings: ModelWarning[];
}

/** Applies the contraindication hooks of docs/model.md §9 [I] and lists the warnings they carry. */
export function applyConditions(base: ModelParams, conditions: readonly Condition[], primed = false): ConditionEffects {
  const has = (c: Condition): boolean => conditions.includes(c);
  let params: ModelParams = { ...base };
  let t0 = 0;
  let inflammationFactor = 1;
  let bleedingFactor = 1;
  const warnings: ModelWarning[] = [];
  for (const c of CONTRAINDICATIONS) {
    if (!has(c)) continue;
    const w = CONDITION_WARNINGS[c];
    warnings.push({ code: `contraindication-${c}`, message: w.message, severity: w.severity });
  }
  if (has('active-acne') || has('rash') || has('herpes')) {
    inflammationFactor = base.overrideInflammationFactor;
    warnings.push({
      code: 'infection-risk',
      message: 'Needling over active lesions risks infection and spreading them.',
      severity: 'warning',
    });
  }
  if (has('rosacea')) {
    t0 = base.rosaceaT0;
    params = { ...params, iCrit: base.iCrit * base.rosaceaICritFactor };
  }
  if (has('keloid-tendency')) {
    // Slower maturation alone would lower the total gain (more collagen III lost to breakdown before it
    // matures), so breakdown slows by the same factor: keloid fibroblasts over-produce and
    // under-degrade collagen [I]. The collagen gain is then never below the same course without it.
    params = {
      ...params,
      cMax: Math.max(params.cMax, base.keloidCMax),
      tau31: base.tau31 * base.keloidTau31Factor,
      tau3d: base.tau3d * base.keloidTau3dFactor,
    };
  }
  if (has('anticoagulants')) bleedingFactor = base.anticoagulantBleedingFactor;
  if (primed) params = { ...params, s3: params.s3 * base.primingS3Factor };
  return { params, t0, inflammationFactor, bleedingFactor, warnings };
}
