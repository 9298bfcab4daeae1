/**
 * Parameters no validation target notices at × 10 or × 0.1, each with the reason it may stay free
 * (docs/model.md §18). The sensitivity test fails when a parameter here is noticed after all, or when
 * an unnoticed parameter is missing here.
 */
const UNUSED_REGION = 'anatomy of a region no published trial in public/data/trials.json studied, so no target runs on it; the value is histology (docs/model.md §2), not a fit';
const CONDITION_HOOK = 'a contraindication or condition hook (docs/model.md §9): no trial gives its dose–response, so no target runs that condition; tests/validation/v11-sanity.test.ts runs every condition for finite, bounded outputs';
const PHOTOTYPE = 'PIH susceptibility of a phototype with no published incidence in the data set (only phototype IV has one, Dogra 2014, row D2); ordered by the Fitzpatrick scale [I]';

export const FREE_PARAMETERS: Readonly<Record<string, string>> = {
  'regions.forehead.epidermisMm': UNUSED_REGION,
  'regions.forehead.dermisMm': UNUSED_REGION,
  'regions.forehead.oedemaGain': UNUSED_REGION,
  'regions.perioral.epidermisMm': UNUSED_REGION,
  'regions.perioral.dermisMm': UNUSED_REGION,
  'regions.perioral.oedemaGain': UNUSED_REGION,
  'regions.neck.epidermisMm': UNUSED_REGION,
  'regions.neck.dermisMm': UNUSED_REGION,
  'regions.neck.oedemaGain': UNUSED_REGION,
  'regions.body.epidermisMm': UNUSED_REGION,
  'regions.body.dermisMm': UNUSED_REGION,
  'regions.body.oedemaGain': UNUSED_REGION,
  trackJitterMm: 'where punctures land around a disc’s track; over 15 passes the patch means do not depend on it (row V12: sampled punctures match a uniform dose)',
  belowDermisWarnShare: 'a warning threshold, not a rate of the model: V16 checks the warning where half the channel lies below the dermis, far from the 5 % threshold either way',
  epsMmp: 'the share of MMP breakdown that reaches mature collagen I; inflammation exceeds I_0 only for hours after each daily session, so ε moves daily × 30 by < 2 % (H4 pins the breakdown rate k_mmp instead)',
  lateralDiffusionMm2PerDay: 'halos around dense strokes (the pictures); patch means do not depend on lateral spread at this scale (V12)',
  'phiByPhototype.0': PHOTOTYPE,
  'phiByPhototype.1': PHOTOTYPE,
  'phiByPhototype.2': PHOTOTYPE,
  'phiByPhototype.4': PHOTOTYPE,
  'phiByPhototype.5': PHOTOTYPE,
  overrideInflammationFactor: CONDITION_HOOK,
  rosaceaT0: CONDITION_HOOK,
  rosaceaICritFactor: CONDITION_HOOK,
  keloidCMax: CONDITION_HOOK,
  keloidTau31Factor: CONDITION_HOOK,
  keloidTau3dFactor: CONDITION_HOOK,
  primingS3Factor: CONDITION_HOOK,
  anticoagulantBleedingFactor: 'rendering only (pinpoint bleeding in the pictures of patients on anticoagulants); no output series depends on it',
};
